import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';
import { addMonths, firstDayOfMonth, thisMonth } from '../../platform/clock.ts';
import { customerOnPackage, GB, upload, USAGE_HEADER, USAGE_MAPPING } from './billing-test-support.ts';

type Bill = {
  month: string;
  total: string;
  items: { code: string; productName: string; quantity: string; included: string; unit: string; amount: string }[];
};

// September 2026 (30 days) is in the past on every day these tests run, and its day counts make the hand computation plain.
for (const kind of testDatabases()) {
  describe(`add-on services on the bill on ${kind}`, () => {
    let app: TestApp;
    let admin: TestClient;
    const ids: Record<string, string> = {};
    const product: Record<string, string> = {};
    const billOf = async (who: string, month: string): Promise<Bill> =>
      (await admin.get(`/api/customers/${ids[who]}/bills`)).body.items.find((b: Bill) => b.month === month);
    const addService = (who: string, code: string, startsOn: string, endsOn: string | null = null) =>
      app.services.db
        .insertInto('subscriptions')
        .values({
          customer_id: ids[who],
          product_id: product[code],
          kind: 'service',
          starts_on: startsOn,
          ends_on: endsOn,
        })
        .execute();

    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 0 });
      admin = await app.login('admin');
      for (const p of (await admin.get('/api/products')).body.items as { id: string; code: string }[])
        product[p.code] = p.id;
      ids.gold = await customerOnPackage(app, admin, '13900000011', [{ code: '5G-GOLD', startsOn: '2026-08-01' }]);
      ids.silver = await customerOnPackage(app, admin, '13900000012', [{ code: '5G-SILVER', startsOn: '2026-08-01' }]);
      ids.fresh = await customerOnPackage(app, admin, '13900000013', [
        { code: '5G-GOLD', startsOn: firstDayOfMonth(thisMonth()) },
      ]);
      // Gold: voicemail since August (all of September), a 10 GB pack bought on 10 September.
      await addService('gold', 'SVC-VOICEMAIL', '2026-08-20');
      await addService('gold', 'SVC-DATA-10G', '2026-09-10', '2026-10-01');
      // Silver: voicemail from 16 September (15 of 30 days), a pack bought in August that September does not see.
      await addService('silver', 'SVC-VOICEMAIL', '2026-09-16');
      await addService('silver', 'SVC-DATA-10G', '2026-08-25', '2026-09-01');
      const rows = [
        // Gold includes 60 GB; with the pack 70 GB: 65 GB costs nothing.
        `G1,13900000011,data,local,out,2026-09-05 09:00:00,${40 * GB},busy`,
        `G2,13900000011,data,local,out,2026-09-20 09:00:00,${25 * GB},busy`,
        // Silver includes 40 GB and has no pack in September: 5 GB over at ¥3.
        `S1,13900000012,data,local,out,2026-09-05 09:00:00,${45 * GB},busy`,
      ];
      const res = await upload(admin, 'usage', [USAGE_HEADER, ...rows].join('\n'), { mapping: USAGE_MAPPING });
      assert.equal(res.body.accepted, rows.length, JSON.stringify(res.body));
      for (const month of ['2026-08', '2026-09']) {
        const run = await admin.post('/api/billing/runs', { month });
        assert.equal(run.status, 200, JSON.stringify(run.body));
      }
    });
    after(() => app.close());

    it('bills voicemail for the whole month and the data pack once, and the pack raises the data allowance', async () => {
      const bill = await billOf('gold', '2026-09');
      assert.deepEqual(
        bill.items.map((i) => [i.productName, i.code, i.amount]),
        [
          ['5G龙卡金卡', 'base_fee', '80.00'],
          ['5G龙卡金卡', 'data_domestic', '0.00'],
          ['语音信箱', 'service_fee', '5.00'],
          ['7天10G流量包', 'service_fee', '10.00'],
        ],
      );
      const data = bill.items.find((i) => i.code === 'data_domestic')!;
      assert.equal(Number(data.included), 65 * GB);
      assert.equal(bill.items.find((i) => i.productName === '7天10G流量包')!.unit, 'pack');
      assert.equal(bill.total, '95.00');
    });

    it('prorates a service started mid-month by days, and leaves a pack to the month it was bought in', async () => {
      const september = await billOf('silver', '2026-09');
      assert.deepEqual(
        september.items.map((i) => [i.productName, i.code, i.quantity, i.amount]),
        [
          ['5G龙卡银卡', 'base_fee', '30.000', '60.00'],
          ['5G龙卡银卡', 'data_domestic', String(45 * GB) + '.000', '15.00'],
          ['语音信箱', 'service_fee', '15.000', '2.50'],
        ],
      );
      assert.equal(september.total, '77.50');
      const august = await billOf('silver', '2026-08');
      assert.deepEqual(
        august.items.map((i) => [i.code, i.amount]),
        [
          ['base_fee', '60.00'],
          ['service_fee', '10.00'],
        ],
      );
      assert.equal(august.total, '70.00');
    });

    it('does not count add-on fees as overage in the package fit', async () => {
      const { monthlyPackageFit } = await import('./index.ts');
      const fit = await monthlyPackageFit(app.services.db, '2026-09-01');
      assert.equal(fit.find((f) => f.customerId === ids.gold)!.overage, 0);
      assert.equal(fit.find((f) => f.customerId === ids.silver)!.overage, 15);
    });

    it('ends a pack bought today with the month, so that it is billed and counted once', async () => {
      const res = await admin.post(`/api/customers/${ids.fresh}/subscriptions`, { productId: product['SVC-DATA-10G'] });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const pack = res.body.items.find(
        (s: { productCode: string; current: boolean }) => s.productCode === 'SVC-DATA-10G' && s.current,
      );
      assert.equal(pack.endsOn, firstDayOfMonth(addMonths(thisMonth(), 1)));
    });
  });
}
