import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { addDays, today } from '../../platform/clock.ts';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';

/** The PII access log for an auditor: unmasked reads searchable by employee, customer and dates, and exportable. */
for (const kind of testDatabases()) {
  describe(`the PII access log and the audit export on ${kind}`, () => {
    let app: TestApp;
    let admin: TestClient;
    let auditor: TestClient;
    let customerId: string;

    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 10 });
      admin = await app.login('admin');
      // An auditor may read and export the log but does not see whole numbers.
      const role = await admin.post('/api/roles', {
        code: 'pii_auditor',
        name: '审计员',
        permissions: ['audit:view', 'audit:export'],
        dataScope: 'all',
      });
      assert.equal(role.status, 201);
      const units = (await admin.get('/api/org-units')).body.items as { id: string }[];
      const created = await admin.post('/api/employees', {
        username: 'auditor1',
        password: 'Quiet-ledger-77',
        name: '审计甲',
        orgUnitId: units[0].id,
        roleIds: [role.body.id],
      });
      assert.equal(created.status, 201);
      auditor = await app.login('auditor1', 'Quiet-ledger-77');
      customerId = (await admin.get('/api/customers?limit=1')).body.items[0].id;
      await admin.get(`/api/customers/${customerId}`);
      // A detail holding a whole mobile number, as a free-text change might.
      await sql`INSERT INTO audit_log (actor_name, action, entity, entity_id, changes)
        VALUES ('系统管理员', 'update', 'customer', ${customerId}, ${JSON.stringify({ note: ['', '请回电 13912345678'] })})`.execute(
        app.services.db,
      );
    });
    after(() => app.close());

    it('finds unmasked reads by employee, customer and date range', async () => {
      const q = (params: string) => auditor.get(`/api/audit?action=view_unmasked&${params}`);
      const byCustomer = (await q(`entity=customer&entityId=${customerId}`)).body.items;
      assert.equal(byCustomer.length, 1);
      assert.equal(byCustomer[0].actorName, '系统管理员');
      assert.equal((await q(`actor=${encodeURIComponent('系统管理员')}&entityId=${customerId}`)).body.items.length, 1);
      assert.equal((await q(`actor=auditor&entityId=${customerId}`)).body.items.length, 0);
      assert.equal((await q(`from=${today()}&to=${today()}&entityId=${customerId}`)).body.items.length, 1);
      assert.equal((await q(`from=${addDays(today(), 1)}&entityId=${customerId}`)).body.items.length, 0);
    });

    it('exports the filtered log as CSV and xlsx, masked as the viewer sees it, and audits the export', async () => {
      const csv = await auditor.get(`/api/audit/export?format=csv&entity=customer&entityId=${customerId}`);
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type')!, /text\/csv/);
      assert.match(csv.headers.get('content-disposition')!, /audit-log-all\.csv/);
      const lines = (csv.body as string)
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      assert.equal(lines[0], '编号,时间,操作人编号,操作人,IP 地址,操作,对象,对象编号,详情');
      const page = (await auditor.get(`/api/audit?entity=customer&entityId=${customerId}&limit=200`)).body.items;
      assert.equal(lines.length, 1 + page.length, 'the header and the rows the page shows');
      assert.ok(lines[1].startsWith(`${page[0].id},`), 'newest first');
      assert.ok(lines.some((l) => l.includes('view_unmasked')));
      assert.ok(lines.some((l) => l.includes('139****5678')));
      assert.ok(!(csv.body as string).includes('13912345678'));
      // The administrator sees the whole number, on the page and in the file.
      const full = await admin.get(`/api/audit/export?format=csv&entityId=${customerId}&action=update`);
      assert.ok((full.body as string).includes('13912345678'));

      const res = await fetch(`${app.baseUrl}/api/audit/export?action=view_unmasked&entityId=${customerId}`, {
        headers: { cookie: auditor.cookie!, 'accept-language': 'en' },
      });
      assert.equal(res.status, 200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await res.arrayBuffer());
      const sheet = book.worksheets[0];
      assert.equal(sheet.getRow(2).getCell(9).value, 'Details');
      assert.equal(sheet.getRow(3).getCell(6).value, 'view_unmasked');
      assert.equal(sheet.rowCount, 3);

      const exports = (await admin.get('/api/audit?action=export&entity=audit_log')).body.items;
      assert.equal(exports.length, 3);
      assert.equal(exports[0].actorName, '审计甲');
      assert.deepEqual(exports[0].changes, {
        format: 'xlsx',
        rows: 1,
        filters: { action: 'view_unmasked', entityId: customerId },
      });
    });

    it('lets only holders of audit:export download the file', async () => {
      const wangfang = await app.login('wangfang');
      assert.equal((await wangfang.get('/api/audit/export?format=csv')).status, 403);
      assert.equal((await app.anonymous().get('/api/audit/export?format=csv')).status, 401);
      assert.equal((await auditor.get('/api/audit/export?format=pdf')).status, 400);
    });
  });
}
