import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { startTestApp, testDatabases, type TestApp } from '../testing/test-app.ts';
import type { TestClient } from '../testing/test-client.ts';

/** Every row of a list, page by page, as the list page would show them. */
async function listAll<T>(client: TestClient, path: string): Promise<T[]> {
  const rows: T[] = [];
  let cursor = '';
  for (;;) {
    const sep = path.includes('?') ? '&' : '?';
    const res = await client.get(`${path}${sep}limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    rows.push(...res.body.items);
    if (!res.body.nextCursor) return rows;
    cursor = res.body.nextCursor;
  }
}

/** A download as bytes (fetch's text() would drop the byte-order mark), with the client's session. */
async function download(app: TestApp, client: TestClient, path: string, language = 'zh-CN') {
  const res = await fetch(`${app.baseUrl}${path}`, {
    headers: { cookie: client.cookie!, 'accept-language': language },
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** CSV lines after the byte-order mark (the cells here hold no line breaks). */
function csvLines(bytes: Buffer): string[] {
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with a UTF-8 byte-order mark for Excel');
  return bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
}

for (const kind of testDatabases()) {
  describe(`list totals and exports on ${kind}`, () => {
    let app: TestApp;
    let admin: TestClient;
    let sunli: TestClient;
    let zhangwei: TestClient;

    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 50 });
      admin = await app.login('admin');
      sunli = await app.login('sunli');
      zhangwei = await app.login('zhangwei');
    });
    after(() => app.close());

    it('counts the customers each user’s list holds, with its filters', async () => {
      for (const [client, query] of [
        [admin, ''],
        [admin, '?level=ordinary'],
        [zhangwei, ''],
        [sunli, '?category=individual'],
      ] as const) {
        const listed = await listAll(client, `/api/customers${query}`);
        const count = await client.get(`/api/customers/count${query}`);
        assert.deepEqual(count.body, { total: listed.length, capped: false });
      }
    });

    it('exports the customer list as a masked user sees it, in CSV and xlsx, and audits it', async () => {
      const listed = await listAll<{ customerNo: string; phone: string }>(sunli, '/api/customers?sort=name&order=asc');
      assert.ok(
        listed.some((c) => c.phone.includes('****')),
        'the supervisor sees masked phones',
      );
      const csv = await download(app, sunli, '/api/customers/export?format=csv&sort=name&order=asc');
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type')!, /text\/csv/);
      assert.match(csv.headers.get('content-disposition')!, /customers-\d{4}-\d{2}-\d{2}\.csv/);
      const lines = csvLines(csv.bytes);
      assert.equal(lines[0].split(',')[0], '客户编号');
      assert.deepEqual(
        lines.slice(1).map((l) => l.split(',')[0]),
        listed.map((c) => c.customerNo),
      );
      // Every phone in the file is the masked one the list shows: none of the hidden digits.
      for (const c of listed) assert.ok(lines.some((l) => l.includes(c.phone)));
      const full = (await admin.get(`/api/customers?q=${listed[0].customerNo}`)).body.items[0].phone as string;
      assert.ok(!csv.bytes.toString('utf8').includes(full));

      const xlsx = await download(app, sunli, '/api/customers/export?format=xlsx&sort=name&order=asc', 'en');
      assert.equal(xlsx.status, 200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      assert.equal(sheet.getRow(1).getCell(1).value, 'Customer no.');
      assert.equal(sheet.rowCount, listed.length + 1);
      assert.equal(sheet.getRow(2).getCell(3).value, listed[0].phone);

      const audit = await admin.get('/api/audit?action=export&entity=customer');
      const mine = audit.body.items.filter((r: { actorName: string }) => r.actorName === '孙丽');
      assert.equal(mine.length, 2);
      assert.ok(mine.some((r: { changes: { format: string } }) => r.changes.format === 'csv'));
    });

    it('refuses an export to a user without the export right', async () => {
      const zhaolei = await app.login('zhaolei');
      assert.equal((await zhaolei.get('/api/customers/export')).status, 403);
      assert.equal((await zhaolei.get('/api/work-orders/export')).status, 403);
      assert.equal((await zhaolei.get('/api/contacts/export')).status, 403);
      assert.equal((await zhaolei.get('/api/customers/count')).status, 200);
    });

    it('counts and exports work orders and contacts with the list’s filters', async () => {
      const orders = await listAll<{ orderNo: string }>(admin, '/api/work-orders?open=true');
      assert.deepEqual((await admin.get('/api/work-orders/count?open=true')).body, {
        total: orders.length,
        capped: false,
      });
      const orderLines = csvLines((await download(app, admin, '/api/work-orders/export?format=csv&open=true')).bytes);
      assert.deepEqual(
        orderLines.slice(1).map((l) => l.split(',')[0]),
        orders.map((o) => o.orderNo),
      );
      assert.ok(!orderLines.some((l) => /,(new|dispatched|in_progress),/.test(l)), 'statuses are words, not codes');

      const contacts = await listAll<{ name: string }>(zhangwei, '/api/contacts');
      assert.deepEqual((await zhangwei.get('/api/contacts/count')).body, { total: contacts.length, capped: false });
      const contactLines = csvLines((await download(app, zhangwei, '/api/contacts/export?format=csv')).bytes);
      assert.equal(contactLines.length, contacts.length + 1);
    });
  });
}
