import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';
import { loadUsageProfiles } from './index.ts';
import { customerOnPackage, GB, upload, USAGE_HEADER, USAGE_MAPPING } from './billing-test-support.ts';

type Bill = {
  month: string;
  total: string;
  revision: number;
  items: { code: string; productName: string; quantity: string; included: string; amount: string }[];
};

for (const kind of testDatabases()) {
  describe(`rating engine on ${kind}`, () => {
    let app: TestApp;
    let admin: TestClient;
    const ids: Record<string, string> = {};
    const billOf = async (who: string): Promise<Bill> =>
      (await admin.get(`/api/customers/${ids[who]}/bills`)).body.items.find((b: Bill) => b.month === '2026-09');

    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 0 });
      admin = await app.login('admin');
      ids.diamond = await customerOnPackage(app, admin, '13900000001', [
        { code: '5G-DIAMOND', startsOn: '2026-08-01' },
      ]);
      ids.gold = await customerOnPackage(app, admin, '13900000002', [{ code: '5G-GOLD', startsOn: '2026-09-01' }]);
      // Silver for the first half of September, Diamond from the 16th.
      ids.changer = await customerOnPackage(app, admin, '13900000003', [
        { code: '5G-SILVER', startsOn: '2026-06-01', endsOn: '2026-09-16' },
        { code: '5G-DIAMOND', startsOn: '2026-09-16' },
      ]);
      const rows = [
        // Diamond: 1,000 included minutes. 999 + 3 (121 s rounds up) + 1 = 1,003 outgoing domestic minutes: 3 over.
        'D1,13900000001,call,local,out,2026-09-01 10:00:00,59940,busy',
        'D2,13900000001,call,provincial_ld,out,2026-09-02 10:00:00,121,busy',
        'D3,13900000001,call,domestic_roaming,out,2026-09-03 10:00:00,60,busy',
        'D4,13900000001,call,local,in,2026-09-04 10:00:00,600,busy',
        'D5,13900000001,call,international,out,2026-09-05 10:00:00,90,busy',
        'D6,13900000001,call,international_roaming,in,2026-09-06 10:00:00,125,busy',
        `D7,13900000001,data,local,out,2026-09-07 10:00:00,${100 * GB},busy`,
        `D8,13900000001,data,local,out,2026-09-08 02:00:00,${52 * GB},idle`,
        `D9,13900000001,data,international_roaming,out,2026-09-09 10:00:00,${GB / 2},busy`,
        'D10,13900000001,sms,local,out,2026-09-10 10:00:00,15,busy',
        // Gold: 2,100 minutes against 2,000; exactly the 60 GB.
        'G1,13900000002,call,local,out,2026-09-03 09:00:00,126000,busy',
        `G2,13900000002,data,local,out,2026-09-04 09:00:00,${60 * GB},busy`,
        // The changer: Silver allowance for 15 of 30 days is 3,500 min and 20 GB; Diamond's is 500 min and 75 GB.
        'C1,13900000003,call,local,out,2026-09-10 09:00:00,216000,busy',
        `C2,13900000003,data,local,out,2026-09-12 09:00:00,${21 * GB},busy`,
        'C3,13900000003,call,local,out,2026-09-20 09:00:00,31200,busy',
        `C4,13900000003,data,local,out,2026-09-25 09:00:00,${70 * GB},busy`,
      ];
      const res = await upload(admin, 'usage', [USAGE_HEADER, ...rows].join('\n'), { mapping: USAGE_MAPPING });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.accepted, rows.length, JSON.stringify(res.body.errors));
      const run = await admin.post('/api/billing/runs', { month: '2026-09' });
      assert.equal(run.status, 200, JSON.stringify(run.body));
    });
    after(() => app.close());

    it('bills the Diamond card: fee, voice overage, international, roaming, data overage and SMS', async () => {
      const bill = await billOf('diamond');
      const amounts = Object.fromEntries(bill.items.map((i) => [i.code, i.amount]));
      assert.deepEqual(amounts, {
        base_fee: '160.00',
        voice_domestic: '0.45',
        voice_incoming: '0.00',
        voice_international: '2.00',
        voice_roaming: '6.00',
        data_domestic: '6.00',
        data_roaming: '3.00',
        sms: '1.50',
      });
      assert.equal(bill.total, '178.95');
      const voice = bill.items.find((i) => i.code === 'voice_domestic')!;
      assert.equal(Number(voice.quantity), 1003);
      assert.equal(Number(voice.included), 1000);
    });

    it('bills the Gold card: 100 minutes over at ¥0.15, data exactly at the allowance costs nothing', async () => {
      const bill = await billOf('gold');
      assert.equal(bill.total, '95.00');
      assert.equal(bill.items.find((i) => i.code === 'voice_domestic')!.amount, '15.00');
      assert.equal(bill.items.find((i) => i.code === 'data_domestic')!.amount, '0.00');
    });

    it('prorates a mid-month change from Silver to Diamond by days, each with its own allowance', async () => {
      const bill = await billOf('changer');
      assert.deepEqual(
        bill.items.map((i) => [i.productName, i.code, i.amount]),
        [
          ['5G龙卡银卡', 'base_fee', '30.00'],
          ['5G龙卡银卡', 'voice_domestic', '15.00'],
          ['5G龙卡银卡', 'data_domestic', '3.00'],
          ['5G龙卡钻石卡', 'base_fee', '80.00'],
          ['5G龙卡钻石卡', 'voice_domestic', '3.00'],
          ['5G龙卡钻石卡', 'data_domestic', '0.00'],
        ],
      );
      assert.equal(bill.total, '131.00');
    });

    it('writes the 15-variable usage profile that segmentation reads', async () => {
      const [p] = await loadUsageProfiles(app.services.db, '2026-09', { customerIds: [ids.diamond] });
      assert.deepEqual(p, {
        customerId: ids.diamond,
        month: '2026-09-01',
        baseFee: 160,
        voiceSpend: 8.45,
        localCallSpend: 0,
        longDistanceSpend: 2.3,
        roamingSpend: 6.15,
        localMinutes: 1009,
        provincialLdMinutes: 3,
        domesticLdMinutes: 0,
        internationalMinutes: 2,
        provincialRoamingMinutes: 0,
        domesticRoamingMinutes: 1,
        internationalRoamingMinutes: 3,
        internetSpend: 9,
        busyDataGb: 100.5,
        idleDataGb: 52,
      });
      const api = await admin.get(`/api/customers/${ids.diamond}/usage-profile?month=2026-09`);
      assert.equal(api.body.profile.voiceSpend, 8.45);
    });

    it('sets arrears from the bill, and a payment clears them', async () => {
      assert.equal((await admin.get(`/api/customers/${ids.gold}`)).body.arrears, '95.00');
      const balance = (await admin.get(`/api/customers/${ids.gold}/balance`)).body;
      assert.equal(balance.balance, '-95.00');
      const paid = await upload(
        admin,
        'payments',
        'receipt,phone,paid_at,amount,place,method\nR-G1,13900000002,2026-10-05 11:00:00,95.00,泉城路营业厅,现金',
        {
          mapping: {
            sourceId: 'receipt',
            customer: 'phone',
            paidAt: 'paid_at',
            amount: 'amount',
            place: 'place',
            method: 'method',
          },
        },
      );
      assert.equal(paid.body.accepted, 1, JSON.stringify(paid.body));
      assert.equal((await admin.get(`/api/customers/${ids.gold}`)).body.arrears, '0.00');
      const payments = (await admin.get(`/api/customers/${ids.gold}/payments`)).body.items;
      assert.equal(
        payments[0].paidAt,
        '2026-10-05T03:00:00.000Z',
        'the business-time 11:00 in Beijing, as an ISO moment',
      );
    });

    it('gives usage records their moment as ISO, and pages after one', async () => {
      const usage = (await admin.get(`/api/customers/${ids.gold}/usage?month=2026-09`)).body;
      assert.ok(usage.records.length > 1, JSON.stringify(usage));
      for (const r of usage.records) assert.match(r.startedAt, /^2026-09-\d\dT\d\d:\d\d:\d\d\.000Z$/);
      const next = (
        await admin.get(
          `/api/customers/${ids.gold}/usage?month=2026-09&after=${encodeURIComponent(usage.records[0].startedAt)}`,
        )
      ).body;
      assert.deepEqual(
        next.records.map((r: { startedAt: string }) => r.startedAt),
        usage.records.slice(1).map((r: { startedAt: string }) => r.startedAt),
      );
    });

    it('gives the same bill when the month is run again', async () => {
      const before = await billOf('diamond');
      await admin.post('/api/billing/runs', { month: '2026-09' });
      const again = await billOf('diamond');
      assert.deepEqual(again.items, before.items);
      assert.equal(again.total, before.total);
    });

    it('re-rates a billed month when late usage arrives', async () => {
      const before = await billOf('gold');
      const late = await upload(
        admin,
        'usage',
        `${USAGE_HEADER}\nG3,13900000002,call,local,out,2026-09-29 18:00:00,600,busy`,
        { mapping: USAGE_MAPPING },
      );
      assert.equal(late.body.accepted, 1);
      const after = await billOf('gold');
      assert.equal(after.total, '96.50');
      assert.ok(after.revision > before.revision);
      assert.equal((await admin.get(`/api/customers/${ids.gold}`)).body.arrears, '1.50');
    });

    it('refuses to merge away a customer who still owes money', async () => {
      const res = await admin.post('/api/customers/merge', { survivorId: ids.diamond, mergedId: ids.gold });
      assert.equal(res.status, 409, JSON.stringify(res.body));
      assert.equal(res.body.error.code, 'MERGED_HAS_ARREARS');
      assert.equal((await admin.get(`/api/customers/${ids.gold}`)).body.status, 'active');
    });

    it('refuses to bill a future month', async () => {
      const res = await admin.post('/api/billing/runs', { month: '2099-01' });
      assert.equal(res.status, 400);
      assert.equal(res.body.error.code, 'FUTURE_MONTH');
    });
  });
}
