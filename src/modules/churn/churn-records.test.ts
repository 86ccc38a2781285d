import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';
import { addDays, today as todayInBusiness } from '../../platform/clock.ts';

interface Customer {
  id: string;
  customerNo: string;
  regionName: string;
  arrears: string;
  status: string;
}

const today = todayInBusiness();
const daysAgo = (n: number) => addDays(today, -n);
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function customersOf(client: TestClient): Promise<Customer[]> {
  const res = await client.get('/api/customers?limit=200&status=active');
  assert.equal(res.status, 200);
  return res.body.items;
}

for (const kind of testDatabases()) {
  describe(`churn records on ${kind}`, () => {
    let app: TestApp;
    let admin: TestClient;
    let jinan: Customer[];
    let qingdao: Customer[];

    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 60 });
      admin = await app.login('admin');
      // Demo seeding may already have churn records; these tests use customers without one.
      const recorded = new Set(
        ((await admin.get('/api/churn/records?limit=200')).body.items as { customerId: string }[]).map(
          (r) => r.customerId,
        ),
      );
      const free = (list: Customer[]) => list.filter((c) => !recorded.has(c.id) && Number(c.arrears) === 0);
      jinan = free(await customersOf(await app.login('zhangwei')));
      qingdao = free(await customersOf(await app.login('liuna')));
      assert.ok(jinan.length >= 6 && qingdao.length >= 2, 'the demo has customers in Jinan and Qingdao');
    });
    after(() => app.close());

    it('records a churn when an account is cancelled, guessing the reason category, which can be corrected after', async () => {
      const customer = jinan[0];
      const cancel = await admin.post(`/api/customers/${customer.id}/cancel`, { reason: '转网到中国移动，对方送宽带' });
      assert.equal(cancel.status, 200);
      const list = await admin.get(`/api/churn/records?customerId=${customer.id}`);
      assert.equal(list.body.items.length, 1);
      const record = list.body.items[0];
      assert.deepEqual(
        [record.source, record.reasonCategory, record.churnedOn],
        ['cancellation', 'competitor_offer', today],
      );
      assert.match(record.reason, /中国移动/);

      const fixed = await admin.patch(`/api/churn/records/${record.id}`, {
        reasonCategory: 'price',
        competitor: '中国移动',
      });
      assert.equal(fixed.status, 200);
      assert.deepEqual([fixed.body.reasonCategory, fixed.body.competitor], ['price', '中国移动']);
    });

    it('lets service staff record a churned customer in their scope, and answers 404 outside it', async () => {
      const staff = await app.login('chenjie');
      const created = await staff.post('/api/churn/records', {
        customerId: jinan[1].id,
        churnedOn: daysAgo(3),
        reasonCategory: 'network_quality',
        competitor: '中国电信',
        notes: '家中信号差',
      });
      assert.equal(created.status, 201);
      assert.deepEqual(
        [created.body.source, created.body.customerNo, created.body.competitor],
        ['manual', jinan[1].customerNo, '中国电信'],
      );

      const again = await staff.post('/api/churn/records', {
        customerId: jinan[1].id,
        churnedOn: daysAgo(3),
        reasonCategory: 'price',
      });
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, 'ALREADY_RECORDED');

      const outside = await staff.post('/api/churn/records', {
        customerId: qingdao[0].id,
        churnedOn: daysAgo(3),
        reasonCategory: 'price',
      });
      assert.equal(outside.status, 404);

      // Qingdao's account manager does not see Jinan's churn records, even by filter.
      const liuna = await app.login('liuna');
      const seen = await liuna.get(`/api/churn/records?customerId=${jinan[1].id}`);
      assert.deepEqual(seen.body.items, []);
      const patch = await liuna.patch(`/api/churn/records/${created.body.id}`, { notes: 'x' });
      assert.equal(patch.status, 404);
    });

    it('refuses bad input with the fields named', async () => {
      const future = await admin.post('/api/churn/records', {
        customerId: jinan[2].id,
        churnedOn: '2999-01-01',
        reasonCategory: 'gone',
      });
      assert.equal(future.status, 400);
      assert.ok(future.body.error.fields.churnedOn);
      assert.ok(future.body.error.fields.reasonCategory);
      const period = await admin.get('/api/churn/records?from=2026-05-01&to=2026-01-01');
      assert.equal(period.status, 400);
      assert.ok(period.body.error.fields.to);
      const telemarketer = await app.login('zhaolei');
      assert.equal((await telemarketer.get('/api/churn/records')).status, 403);
    });

    it('previews an import row by row and applies nothing while any row is wrong', async () => {
      const csv = [
        '客户编号,流失日期,流失原因,竞争对手,备注',
        `${jinan[2].customerNo},${daysAgo(10)},价格,中国移动,`,
        `${jinan[3].customerNo},2026-02-30,价格,,`,
        `C999999999,${daysAgo(5)},服务,,`,
        `${jinan[4].customerNo},${daysAgo(5)},不知道,,`,
        `${jinan[2].customerNo},${daysAgo(10)},价格,,`,
      ].join('\n');
      const preview = await admin.post('/api/churn/records/import', {
        fileName: 'churn.csv',
        content: base64(csv),
        dryRun: true,
      });
      assert.equal(preview.status, 200);
      assert.deepEqual(
        [preview.body.total, preview.body.valid, preview.body.invalid, preview.body.imported],
        [5, 1, 4, 0],
      );
      const errors = preview.body.rows.map((r: { row: number; errors: string[] }) => [r.row, r.errors.length > 0]);
      assert.deepEqual(errors, [
        [2, false],
        [3, true],
        [4, true],
        [5, true],
        [6, true],
      ]);
      assert.match(preview.body.rows[4].errors[0], /row 2/);

      const apply = await admin.post('/api/churn/records/import', {
        fileName: 'churn.csv',
        content: base64(csv),
        dryRun: false,
      });
      assert.equal(apply.status, 422);
      assert.equal(apply.body.error.code, 'IMPORT_HAS_ERRORS');
      const none = await admin.get(`/api/churn/records?customerId=${jinan[2].id}`);
      assert.deepEqual(none.body.items, [], 'the valid row was not written either');
    });

    it('imports a clean CSV in GB18030 and an xlsx workbook, every row or none', async () => {
      const iconv = (await import('iconv-lite')).default;
      const csv = `客户编号,流失日期,流失原因,竞争对手\n${jinan[2].customerNo},${daysAgo(10)},价格,中国移动\n${qingdao[1].customerNo},${daysAgo(40)},搬迁,\n`;
      const gbk = iconv.encode(csv, 'gb18030').toString('base64');
      const done = await admin.post('/api/churn/records/import', {
        fileName: 'export.csv',
        content: gbk,
        dryRun: false,
      });
      assert.equal(done.status, 200, JSON.stringify(done.body));
      assert.equal(done.body.imported, 2);
      const moved = await admin.get(`/api/churn/records?customerId=${qingdao[1].id}`);
      assert.deepEqual([moved.body.items[0].reasonCategory, moved.body.items[0].source], ['moved_away', 'import']);

      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('流失');
      sheet.addRow(['customerNo', 'churnedOn', 'reasonCategory', 'competitor']);
      sheet.addRow([jinan[5].customerNo, new Date(`${daysAgo(20)}T00:00:00Z`), 'service', '中国广电']);
      const xlsx = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
      const fromXlsx = await admin.post('/api/churn/records/import', {
        fileName: '流失客户.xlsx',
        content: xlsx,
        dryRun: false,
      });
      assert.equal(fromXlsx.status, 200, JSON.stringify(fromXlsx.body));
      assert.equal(fromXlsx.body.imported, 1);
      const row = (await admin.get(`/api/churn/records?customerId=${jinan[5].id}`)).body.items[0];
      assert.deepEqual([row.churnedOn, row.reasonCategory, row.competitor], [daysAgo(20), 'service', '中国广电']);
    });

    it('reports churn rates by month and by reason, and exports them to xlsx', async () => {
      const byMonth = await admin.get(`/api/churn/reports?groupBy=month&from=${daysAgo(60)}&to=${today}`);
      assert.equal(byMonth.status, 200);
      const thisMonth = byMonth.body.rows.at(-1);
      assert.equal(thisMonth.key, today.slice(0, 7));
      const list = (await admin.get(`/api/churn/records?from=${today.slice(0, 8)}01&to=${today}&limit=200`)).body.items;
      assert.equal(thisMonth.churned, list.length);
      assert.ok(thisMonth.base >= thisMonth.churned && thisMonth.base > 0);
      assert.equal(thisMonth.rate, Math.round((thisMonth.churned / thisMonth.base) * 10000) / 10000);

      const byReason = await admin.get(`/api/churn/reports?groupBy=reason&from=${daysAgo(60)}&to=${today}`);
      const total = byReason.body.rows.reduce((a: number, r: { churned: number }) => a + r.churned, 0);
      const all = (await admin.get(`/api/churn/records?from=${daysAgo(60)}&to=${today}&limit=200`)).body.items.length;
      assert.equal(total, all);
      assert.ok(byReason.body.rows.some((r: { key: string }) => r.key === 'price'));

      // Every demo customer has a package, so every churner is counted under one; no segment is published yet.
      const byPackage = await admin.get(`/api/churn/reports?groupBy=package&from=${daysAgo(60)}&to=${today}`);
      assert.equal(byPackage.status, 200);
      assert.equal(
        byPackage.body.rows.reduce((a: number, r: { churned: number }) => a + r.churned, 0),
        all,
      );
      for (const r of byPackage.body.rows) assert.ok(r.key !== '' && r.base >= r.churned, JSON.stringify(r));
      const bySegment = await admin.get(`/api/churn/reports?groupBy=segment&from=${daysAgo(60)}&to=${today}`);
      assert.deepEqual(
        bySegment.body.rows.map((r: { key: string; churned: number }) => [r.key, r.churned]),
        [['', all]],
      );

      const file = await fetch(`${app.baseUrl}/api/churn/reports.xlsx?groupBy=reason&from=${daysAgo(60)}&to=${today}`, {
        headers: { cookie: admin.cookie! },
      });
      assert.equal(file.status, 200);
      assert.match(file.headers.get('content-type')!, /spreadsheetml/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await file.arrayBuffer());
      const rows = book.worksheets[0].rowCount;
      assert.equal(rows, 2 + byReason.body.rows.length);
    });
  });
}
