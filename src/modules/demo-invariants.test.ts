/**
 * The demo a new user meets is coherent on whatever day they start it: checked on the seeded database, and run
 * again by `npm test` with the clock set to awkward days and hours (see scripts/run-tests.ts).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { addMonths, firstDayOfMonth, now, thisMonth, toBusinessDateTime, today } from '../platform/clock.ts';
import { startTestApp, testDatabases, type TestApp } from '../testing/test-app.ts';
import type { TestClient } from '../testing/test-client.ts';

interface RiskItem {
  customerId: string;
  factors: { feature: string; value: number }[];
}
interface ReportRow {
  key: string;
  churned: number;
  base: number;
  rate: number | null;
}

for (const kind of testDatabases()) {
  describe(`demo data on ${kind}, seeded on ${today()}`, () => {
    let app: TestApp;
    let admin: TestClient;
    const rows = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(app.services.db)).rows;

    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 120 });
      admin = await app.login('admin');
    });
    after(() => app.close());

    it('has most customers paid up, whatever the day of the month', async () => {
      const [r] = await rows(sql<{ active: number; owing: number }>`SELECT count(*)::int AS active,
        count(*) FILTER (WHERE arrears > 0)::int AS owing FROM customers WHERE status = 'active'`);
      assert.ok(r.active > 0);
      assert.ok(r.owing <= r.active * 0.2, `${r.owing} of ${r.active} active customers owe money on ${today()}`);
    });

    it('cancels every churned customer and leaves them no live subscription', async () => {
      const churned = await rows(sql<{ id: string; status: string; live: number }>`SELECT c.id, c.status,
        (SELECT count(*)::int FROM subscriptions s WHERE s.customer_id = c.id AND (s.ends_on IS NULL OR s.ends_on > ${today()}::date)) AS live
        FROM customers c WHERE EXISTS (SELECT 1 FROM churn_records r WHERE r.customer_id = c.id)`);
      assert.ok(churned.length > 0, 'the demo has churners');
      for (const c of churned) assert.deepEqual([c.status, c.live], ['cancelled', 0], `customer ${c.id}`);
    });

    it('starts no subscription before the account was opened, and has nothing in the future', async () => {
      const early = await rows(sql<{
        id: string;
      }>`SELECT s.id FROM subscriptions s JOIN customers c ON c.id = s.customer_id
        WHERE s.starts_on < c.created_at::date`);
      assert.deepEqual(early, []);
      const [future] = await rows(sql<{ payments: number; usage: number; churn: number; opened: number }>`SELECT
        (SELECT count(*)::int FROM payments WHERE paid_at > ${toBusinessDateTime(now())}::timestamp) AS payments,
        (SELECT count(*)::int FROM usage_records WHERE started_at > ${toBusinessDateTime(now())}::timestamp) AS usage,
        (SELECT count(*)::int FROM churn_records WHERE churned_on > ${today()}::date) AS churn,
        (SELECT count(*)::int FROM customers WHERE created_at > ${now()}) AS opened`);
      assert.deepEqual(future, { payments: 0, usage: 0, churn: 0, opened: 0 });
      const [unrated] = await rows(sql<{ n: number }>`SELECT count(*)::int AS n FROM usage_records u WHERE NOT EXISTS (
        SELECT 1 FROM subscriptions s WHERE s.customer_id = u.customer_id AND s.kind = 'package' AND s.starts_on <= u.started_at::date)`);
      assert.equal(unrated.n, 0, 'demo usage falls under a package');
    });

    it('gives complaint and fault reasons that match the work orders of the three months before this one', async () => {
      const from = firstDayOfMonth(addMonths(thisMonth(), -3));
      const to = firstDayOfMonth(thisMonth());
      const counts = new Map(
        (
          await rows(sql<{ customer_id: string; complaints: number; faults: number }>`SELECT w.customer_id,
          count(*) FILTER (WHERE t.code = 'complaint')::int AS complaints, count(*) FILTER (WHERE t.code = 'fault')::int AS faults
        FROM work_orders w JOIN work_order_types t ON t.id = w.type_id
        WHERE w.created_at >= ${from}::date AND w.created_at < ${to}::date GROUP BY w.customer_id`)
        ).map((r) => [r.customer_id, r]),
      );
      const items = (await admin.get('/api/churn/risk?limit=200')).body.items as RiskItem[];
      assert.ok(items.length > 0, 'the at-risk list is not empty');
      for (const item of items) {
        for (const f of item.factors) {
          if (f.feature === 'complaints')
            assert.equal(f.value, counts.get(item.customerId)?.complaints ?? 0, `customer ${item.customerId}`);
          if (f.feature === 'faults')
            assert.equal(f.value, counts.get(item.customerId)?.faults ?? 0, `customer ${item.customerId}`);
        }
      }
    });

    it('never reports a churn rate of 100 % from a base of churners alone', async () => {
      for (const groupBy of ['month', 'package', 'region', 'category', 'reason']) {
        const report = await admin.get(`/api/churn/reports?groupBy=${groupBy}`);
        assert.equal(report.status, 200, groupBy);
        for (const r of report.body.rows as ReportRow[]) {
          assert.ok(r.base > r.churned || r.churned === 0, `${groupBy} ${JSON.stringify(r)}`);
          if (groupBy === 'package') assert.notEqual(r.key, '', 'every churner had a package');
        }
      }
    });
  });
}
