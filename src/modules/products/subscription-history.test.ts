import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';
import { addDays, addMonths, firstDayOfMonth, thisMonth, today } from '../../platform/clock.ts';
import { loadUsageProfiles } from '../billing/index.ts';

// Past subscriptions loaded by an administrator, so that past months can be billed and profiled.
for (const kind of testDatabases()) {
  describe(`loading past subscriptions on ${kind}`, () => {
    let app: TestApp;
    let admin: TestClient;
    let customerId: string;
    const product: Record<string, string> = {};
    const month = (n: number) => addMonths(thisMonth(), n);
    const history = (body: object, client = admin) =>
      client.post(`/api/customers/${customerId}/subscriptions/history`, body);

    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 0 });
      admin = await app.login('admin');
      admin.headers['accept-language'] = 'en';
      for (const p of (await admin.get('/api/products')).body.items as { id: string; code: string }[])
        product[p.code] = p.id;
      const units = (await admin.get('/api/org-units')).body.items as { id: string; code: string }[];
      const res = await admin.post('/api/customers', {
        name: '历史客户',
        phone: '13800000077',
        category: 'enterprise',
        regionId: units.find((u) => u.code === 'JN')!.id,
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      customerId = res.body.id;
    });
    after(() => app.close());

    it('adds a past package with a reason, audited, and the past months bill and profile from it', async () => {
      const res = await history({
        productId: product['5G-GOLD'],
        startsOn: firstDayOfMonth(month(-3)),
        endsOn: firstDayOfMonth(month(-1)),
        reason: '从营业系统迁移历史订购',
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const gold = res.body.items.find((s: { productCode: string }) => s.productCode === '5G-GOLD');
      assert.deepEqual(
        [gold.startsOn, gold.endsOn, gold.current],
        [firstDayOfMonth(month(-3)), firstDayOfMonth(month(-1)), false],
      );
      const audit = await app.services.db
        .selectFrom('audit_log')
        .select(['action', 'changes'])
        .where('entity', '=', 'customer')
        .where('entity_id', '=', customerId)
        .where('action', '=', 'add_past_subscription')
        .executeTakeFirstOrThrow();
      assert.match(JSON.stringify(audit.changes), /从营业系统迁移历史订购/);

      for (const m of [month(-3), month(-2)]) {
        const run = await admin.post('/api/billing/runs', { month: m });
        assert.equal(run.status, 200, JSON.stringify(run.body));
      }
      const bills = (await admin.get(`/api/customers/${customerId}/bills`)).body.items as {
        month: string;
        total: string;
      }[];
      assert.deepEqual(bills.map((b) => [b.month, b.total]).sort(), [
        [month(-3), '80.00'],
        [month(-2), '80.00'],
      ]);
      const profiles = await loadUsageProfiles(app.services.db, firstDayOfMonth(month(-2)), {
        customerIds: [customerId],
      });
      assert.equal(profiles[0].baseFee, 80);
    });

    it('refuses a package that overlaps one the customer had, naming it', async () => {
      const res = await history({
        productId: product['5G-SILVER'],
        startsOn: addDays(firstDayOfMonth(month(-1)), -1),
        endsOn: null,
        reason: '迁移',
      });
      assert.equal(res.status, 409, JSON.stringify(res.body));
      assert.equal(res.body.error.code, 'SUBSCRIPTION_OVERLAP');
      assert.match(res.body.error.message, /5G龙卡金卡/);
      // The day the old one ends, the next may start.
      const next = await history({
        productId: product['5G-SILVER'],
        startsOn: firstDayOfMonth(month(-1)),
        endsOn: null,
        reason: '迁移',
      });
      assert.equal(next.status, 201, JSON.stringify(next.body));
      assert.ok(
        next.body.items.some(
          (s: { productCode: string; current: boolean }) => s.productCode === '5G-SILVER' && s.current,
        ),
      );
    });

    it('refuses a start today or later, an end before the start and a missing reason, field by field', async () => {
      const today_ = await history({ productId: product['SVC-VOICEMAIL'], startsOn: today(), reason: '迁移' });
      assert.equal(today_.status, 400);
      assert.ok(today_.body.error.fields.startsOn);
      const backwards = await history({
        productId: product['SVC-VOICEMAIL'],
        startsOn: firstDayOfMonth(month(-2)),
        endsOn: firstDayOfMonth(month(-3)),
        reason: '迁移',
      });
      assert.equal(backwards.status, 400);
      assert.ok(backwards.body.error.fields.endsOn);
      const noReason = await history({ productId: product['SVC-VOICEMAIL'], startsOn: firstDayOfMonth(month(-2)) });
      assert.equal(noReason.status, 400);
      assert.ok(noReason.body.error.fields.reason);
    });

    it('is for administrators only', async () => {
      const manager = await app.login('wangfang');
      const res = await history(
        { productId: product['SVC-VOICEMAIL'], startsOn: firstDayOfMonth(month(-2)), reason: '迁移' },
        manager,
      );
      assert.equal(res.status, 403);
    });
  });
}
