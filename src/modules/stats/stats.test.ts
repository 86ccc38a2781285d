import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';
import '../billing/index.ts';
import { thisMonth, toBusinessDate, today as todayInBusiness } from '../../platform/clock.ts';

interface Customer {
  id: string;
  regionName: string;
  category: string;
  arrears: string;
  status: string;
  createdAt: string;
}
interface Row {
  key: string;
  label: string;
  active: number;
  new: number;
  cancelled: number;
  churned: number;
  revenue: string | null;
  arpu: string | null;
}

const today = todayInBusiness();
const month = thisMonth();

for (const kind of testDatabases()) {
  describe(`customer statistics on ${kind}`, () => {
    let app: TestApp;
    let admin: TestClient;
    let customers: Customer[];

    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 40 });
      admin = await app.login('admin');
      customers = (await admin.get('/api/customers?limit=200')).body.items;
    });
    after(() => app.close());

    it('counts customers by category and by month, including this month’s cancellations and churn', async () => {
      const victim = customers.find((c) => c.status === 'active' && Number(c.arrears) === 0)!;
      assert.equal((await admin.post(`/api/customers/${victim.id}/cancel`, { reason: '搬家去外地' })).status, 200);
      const active = customers.filter((c) => c.status === 'active').length - 1;

      const byCategory = await admin.get(`/api/stats/customers?groupBy=category&to=${today}`);
      assert.equal(byCategory.status, 200);
      const rows = byCategory.body.rows as Row[];
      for (const category of new Set(customers.map((c) => c.category))) {
        const expected = customers.filter(
          (c) => c.category === category && c.status === 'active' && c.id !== victim.id,
        ).length;
        assert.equal(rows.find((r) => r.key === category)?.active ?? 0, expected, category);
      }
      assert.equal(byCategory.body.totals.active, active);
      // Besides ours, the demo's churners closed their accounts over the past weeks.
      const cancellations = async (from: string) =>
        (
          (await admin.get(`/api/churn/records?from=${from}&to=${today}&limit=200`)).body.items as { source: string }[]
        ).filter((r) => r.source === 'cancellation').length;
      assert.equal(byCategory.body.totals.cancelled, await cancellations(byCategory.body.from));

      const byMonth = (await admin.get(`/api/stats/customers?groupBy=month&to=${today}`)).body;
      assert.equal(byMonth.rows.length, 12);
      const current = byMonth.rows.at(-1) as Row;
      // Demo accounts were opened over the past years, a few of them this month.
      const openedThisMonth = customers.filter((c) => toBusinessDate(new Date(c.createdAt)).startsWith(month)).length;
      assert.deepEqual(
        [current.key, current.new, current.cancelled, current.active],
        [month, openedThisMonth, await cancellations(`${month}-01`), active],
      );
      assert.ok(current.churned >= 1, 'the cancellation counts as churn');
      assert.equal(byMonth.totals.active, active);
    });

    it("shows a marketing manager only their region's customers", async () => {
      const wangfang = await app.login('wangfang');
      const visible = (await wangfang.get('/api/customers?limit=200')).body.items as Customer[];
      const stats = (await wangfang.get(`/api/stats/customers?groupBy=region&to=${today}`)).body;
      const names = new Set(visible.map((c) => c.regionName));
      assert.ok(
        (stats.rows as Row[]).every((r) => names.has(r.label)),
        JSON.stringify(stats.rows),
      );
      const all = (await admin.get(`/api/stats/customers?groupBy=region&to=${today}`)).body;
      assert.ok(all.rows.length > stats.rows.length, 'the admin sees more regions');
    });

    it('adds revenue and ARPU from billing’s monthly usage profiles', async () => {
      const payers = customers.filter((c) => c.status === 'active' && c.category === 'individual').slice(0, 2);
      const query = `/api/stats/customers?groupBy=category&from=${month}-01&to=${today}`;
      // Whatever billing's demo holds for this month, these two customers' profiles are ours.
      await app.services.db
        .deleteFrom('usage_profiles')
        .where('month', '=', `${month}-01`)
        .where(
          'customer_id',
          'in',
          payers.map((c) => c.id),
        )
        .execute();
      const cents = (v: string | null | undefined) => Math.round(Number(v ?? 0) * 100);
      const before = (await admin.get(query)).body;
      await app.services.db
        .insertInto('usage_profiles')
        .values(
          payers.map((c) => ({
            customer_id: c.id,
            month: `${month}-01`,
            base_fee: '56.50',
            voice_spend: '20.00',
            internet_spend: '10.00',
            local_call_spend: '20.00',
            long_distance_spend: '0',
            roaming_spend: '0',
            local_minutes: 300,
            provincial_ld_minutes: 0,
            domestic_ld_minutes: 0,
            international_minutes: 0,
            provincial_roaming_minutes: 0,
            domestic_roaming_minutes: 0,
            international_roaming_minutes: 0,
            busy_data_gb: '12.000',
            idle_data_gb: '3.000',
          })),
        )
        .execute();
      const after = (await admin.get(query)).body;
      const individual = (after.rows as Row[]).find((r) => r.key === 'individual')!;
      const individualBefore = (before.rows as Row[]).find((r) => r.key === 'individual');
      assert.equal(cents(individual.revenue) - cents(individualBefore?.revenue), 17300);
      assert.equal(individual.arpu, (cents(individual.revenue) / 100 / individual.active).toFixed(2));
      assert.equal(cents(after.totals.revenue) - cents(before.totals.revenue), 17300);
    });

    it('exports the table to xlsx and refuses bad parameters and roles without the permission', async () => {
      const wangfang = await app.login('wangfang');
      const res = await fetch(`${app.baseUrl}/api/stats/customers.xlsx?groupBy=level&to=${today}`, {
        headers: { cookie: wangfang.cookie! },
      });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-disposition')!, /customers-level/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await res.arrayBuffer());
      const json = (await wangfang.get(`/api/stats/customers?groupBy=level&to=${today}`)).body;
      const sheet = book.worksheets[0];
      assert.equal(sheet.rowCount, 2 + json.rows.length + 1);
      assert.equal(sheet.getRow(sheet.rowCount).getCell(2).value, json.totals.active);

      assert.equal((await admin.get('/api/stats/customers?groupBy=segmentx')).status, 400);
      const reversed = await admin.get('/api/stats/customers?from=2026-06-01&to=2026-01-01');
      assert.equal(reversed.status, 400);
      assert.ok(reversed.body.error.fields.to);
      assert.equal((await (await app.login('zhaolei')).get('/api/stats/customers')).status, 403);
    });
  });
}
