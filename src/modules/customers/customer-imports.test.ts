import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';
import {
  CUSTOMER_HEADER,
  CUSTOMER_MAPPING,
  nthIdCard,
  nthMobile,
  uploadCustomers,
} from './customer-imports-test-support.ts';

for (const kind of testDatabases()) {
  describe(`bulk customer import on ${kind}`, () => {
    let app: TestApp;
    let admin: TestClient;
    const countCustomers = async () =>
      Number(
        (
          await app.services.db
            .selectFrom('customers')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const existing = { idCard: nthIdCard(900), phone: nthMobile(900) };

    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 0 });
      admin = await app.login('admin');
      admin.headers['accept-language'] = 'en';
      const units = (await admin.get('/api/org-units')).body.items as { id: string; code: string }[];
      const res = await admin.post('/api/customers', {
        name: '老客户',
        phone: existing.phone,
        idCard: existing.idCard,
        category: 'individual',
        regionId: units.find((u) => u.code === 'JN-LC')!.id,
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    });
    after(() => app.close());

    const mixed = [
      CUSTOMER_HEADER,
      `张三,${nthMobile(1)},${nthIdCard(1)},个人,JN-LC,历城区一路1号`,
      `李四,+86 ${nthMobile(2)},${nthIdCard(2)},个人,历城区,`,
      `王五,${nthMobile(3)},${nthIdCard(3).slice(0, 17)}${nthIdCard(3).endsWith('0') ? '1' : '0'},个人,JN-LC,`,
      `赵六,12345,${nthIdCard(4)},个人,JN-LC,`,
      `钱七,${nthMobile(5)},${existing.idCard},个人,JN-LC,`,
      `孙八,${existing.phone},${nthIdCard(6)},个人,JN-LC,`,
      `周九,${nthMobile(7)},${nthIdCard(1)},个人,JN-LC,`,
      `山东某某科技有限公司,0531-88886666,,企业,QD-HD,`,
    ].join('\n');

    it('imports nothing from a file with bad rows, and reports each with its row number and reason', async () => {
      const before = await countCustomers();
      const res = await uploadCustomers(admin, mixed, { mapping: CUSTOMER_MAPPING });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.status, 'rejected');
      assert.equal(res.body.totalRows, 8);
      assert.equal(res.body.imported, 0);
      assert.equal(res.body.rejected, 5);
      // The admin sees numbers unmasked (sensitive:view), as on every other page.
      assert.deepEqual(res.body.errors, [
        { row: 4, message: `ID card "${mixed.split('\n')[3].split(',')[2]}" has a wrong check digit` },
        {
          row: 5,
          message: 'bad phone "12345" (expected an 11-digit mobile or a landline with area code, 0531-88888888)',
        },
        { row: 6, message: `ID card ${existing.idCard} already has an account: customer C000000001` },
        { row: 7, message: `phone ${existing.phone} already belongs to customer C000000001` },
        { row: 8, message: `ID card ${nthIdCard(1)} repeats row 2` },
      ]);
      assert.equal(await countCustomers(), before);
      const stored = await admin.get(`/api/customers/imports/${res.body.batchId}/errors`);
      assert.equal(stored.body.items.length, 5);
    });

    it('imports the good rows when asked to, normalising phones and mapping regions by code or name', async () => {
      const before = await countCustomers();
      const res = await uploadCustomers(admin, mixed, { mapping: CUSTOMER_MAPPING, goodRowsOnly: true });
      assert.equal(res.body.status, 'imported', JSON.stringify(res.body));
      assert.equal(res.body.imported, 3);
      assert.equal(await countCustomers(), before + 3);
      const li = await app.services.db
        .selectFrom('customers as c')
        .innerJoin('org_units as o', 'o.id', 'c.region_id')
        .select(['c.phone', 'o.code', 'c.gender', 'c.birth_date', 'c.created_by'])
        .where('c.name', '=', '李四')
        .executeTakeFirstOrThrow();
      assert.equal(li.phone, nthMobile(2));
      assert.equal(li.code, 'JN-LC');
      assert.ok(li.created_by);
      const company = await app.services.db
        .selectFrom('customers')
        .select(['category', 'id_card'])
        .where('phone', '=', '0531-88886666')
        .executeTakeFirstOrThrow();
      assert.deepEqual(company, { category: 'enterprise', id_card: null });
      const audit = await app.services.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity', '=', 'customer_import_batch')
        .where('entity_id', '=', res.body.batchId)
        .executeTakeFirst();
      assert.equal(audit?.action, 'import_customers');
    });

    it('does not import the same file twice', async () => {
      const before = await countCustomers();
      const res = await uploadCustomers(admin, mixed, { mapping: CUSTOMER_MAPPING, goodRowsOnly: true });
      assert.equal(res.body.status, 'alreadyImported');
      assert.equal(res.body.imported, 3);
      assert.equal(await countCustomers(), before);
    });

    it('reads a GBK file (encoding detected) and an xlsx file', async () => {
      const gbk = iconv.encode(
        `${CUSTOMER_HEADER}\r\n吴十,${nthMobile(11)},${nthIdCard(11)},个人客户,章丘区,章丘区明水街道\r\n`,
        'gbk',
      );
      const res = await uploadCustomers(admin, gbk, { mapping: CUSTOMER_MAPPING, fileName: 'gbk.txt' });
      assert.equal(res.body.status, 'imported', JSON.stringify(res.body));
      assert.equal(res.body.encoding, 'gbk');
      const wu = await app.services.db
        .selectFrom('customers')
        .select('address')
        .where('name', '=', '吴十')
        .executeTakeFirstOrThrow();
      assert.equal(wu.address, '章丘区明水街道');

      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('客户');
      sheet.addRow(CUSTOMER_HEADER.split(','));
      sheet.addRow(['郑十一', Number(nthMobile(12)), nthIdCard(12), '个人', 'JN-ZQ', '']);
      const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
      const x = await uploadCustomers(admin, xlsx, { mapping: CUSTOMER_MAPPING, fileName: 'customers.xlsx' });
      assert.equal(x.body.status, 'imported', JSON.stringify(x.body));
      assert.equal(x.body.imported, 1);
    });

    it('refuses regions outside the importer’s data scope, and masks numbers for a reader without sensitive:view', async () => {
      const zhangwei = await app.login('zhangwei');
      zhangwei.headers['accept-language'] = 'en';
      const file = `${CUSTOMER_HEADER}\n冯十二,${nthMobile(13)},${nthIdCard(13)},个人,QD-HD,\n`;
      const res = await uploadCustomers(zhangwei, file, { mapping: CUSTOMER_MAPPING });
      assert.equal(res.body.status, 'rejected');
      assert.deepEqual(res.body.errors, [{ row: 2, message: 'region "QD-HD" is outside your data scope' }]);

      await app.services.db
        .updateTable('roles')
        .set({ permissions: ['customers:*'] })
        .where('code', '=', 'marketing_manager')
        .execute();
      const wangfang = await app.login('wangfang');
      wangfang.headers['accept-language'] = 'en';
      const dup = `${CUSTOMER_HEADER}\n褚十三,${nthMobile(14)},${existing.idCard},个人,JN-LC,\n`;
      const masked = await uploadCustomers(wangfang, dup, { mapping: CUSTOMER_MAPPING });
      assert.equal(masked.body.rejected, 1);
      assert.ok(!masked.body.errors[0].message.includes(existing.idCard), masked.body.errors[0].message);
      assert.match(masked.body.errors[0].message, /already has an account/);
    });

    it('refuses an upload without the required columns mapped, an empty file, and a row with a NUL character', async () => {
      const res = await uploadCustomers(admin, mixed, { mapping: { name: '姓名' } });
      assert.equal(res.status, 400);
      assert.equal(res.body.error.code, 'IMPORT_MAPPING_INVALID');
      assert.ok(res.body.error.fields.phone && res.body.error.fields.region);
      const headerOnly = await uploadCustomers(admin, `${CUSTOMER_HEADER}\n`, { mapping: CUSTOMER_MAPPING });
      assert.equal(headerOnly.status, 400);
      assert.equal(headerOnly.body.error.code, 'IMPORT_EMPTY_FILE');
      const nul = await uploadCustomers(
        admin,
        `${CUSTOMER_HEADER}\n空\u0000字符,${nthMobile(15)},${nthIdCard(15)},个人,JN-LC,\n`,
        {
          mapping: CUSTOMER_MAPPING,
        },
      );
      assert.deepEqual(nul.body.errors, [{ row: 2, message: 'the row holds a NUL character, which cannot be stored' }]);
    });

    it('previews the header and first rows of a file', async () => {
      const res = await uploadCustomers(admin, mixed, { preview: true });
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.header, CUSTOMER_HEADER.split(','));
      assert.equal(res.body.rows.length, 8);
      assert.ok(res.body.fields.some((f: { key: string; required: boolean }) => f.key === 'idCard' && !f.required));
    });

    it('leaves nothing behind when the upload dies half-way, and the re-import then takes every row once', async () => {
      const rows = Array.from(
        { length: 30_000 },
        (_, i) => `客户${i},${nthMobile(i, '136')},${nthIdCard(i, '370104')},个人,JN-LC,`,
      );
      const file = Buffer.from(`${CUSTOMER_HEADER}\n${rows.join('\n')}\n`);
      const before = await countCustomers();
      await abortedUpload(admin, file, Math.floor(file.length * 0.7));
      const res = await uploadCustomers(admin, file, { mapping: CUSTOMER_MAPPING });
      assert.equal(res.body.status, 'imported', JSON.stringify(res.body).slice(0, 500));
      assert.equal(res.body.imported, 30_000);
      assert.equal(await countCustomers(), before + 30_000);
      const again = await uploadCustomers(admin, file, { mapping: CUSTOMER_MAPPING });
      assert.equal(again.body.status, 'alreadyImported');
      assert.equal(await countCustomers(), before + 30_000);
    });
  });
}

/**
 * Sends the first `sendBytes` of a customer upload and then drops the connection, as a browser tab closed or a
 * process killed mid-upload would; resolves once the server has closed its side.
 */
function abortedUpload(client: TestClient, file: Buffer, sendBytes: number): Promise<void> {
  const boundary = 'lianxi-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="mapping"\r\n\r\n${JSON.stringify(CUSTOMER_MAPPING)}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="customers.csv"\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const url = new URL('/api/customers/imports', client.baseUrl);
  return new Promise((resolve) => {
    const req = http.request(url, {
      method: 'POST',
      headers: {
        ...client.headers,
        cookie: client.cookie ?? '',
        'x-csrf-token': client.csrfToken ?? '',
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(head.length + file.length + tail.length),
      },
    });
    req.on('error', () => resolve());
    req.on('response', (res) => {
      res.resume();
      res.on('close', () => resolve());
    });
    req.write(head);
    req.write(file.subarray(0, sendBytes), () => {
      // Give the server time to start loading what it has, then cut the connection.
      setTimeout(() => req.destroy(), 300);
    });
  });
}
