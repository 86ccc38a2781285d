import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';
import { customerOnPackage, PAYMENT_MAPPING, upload } from './billing-test-support.ts';

/** A payments workbook written by openpyxl as Excel would hold it: a real date-time cell, Excel's zh-CN text dates, a binary float amount, an empty date. */
function openpyxlPayments(dir: string): Uint8Array {
  const path = join(dir, 'payments.xlsx');
  execFileSync('/usr/bin/python3', [
    '-c',
    `
import sys, datetime, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.append(['receipt', 'phone', 'paid_at', 'amount', 'place', 'method'])
ws.append(['X1', '13700000021', datetime.datetime(2026, 11, 5, 9, 5), 19.9 * 3, '泉城路营业厅', '微信'])
ws.append(['X2', '13700000021', '2026/11/5 9:05', 10, '泉城路营业厅', '现金'])
ws.append(['X3', '13700000021', '2026/11/5', 12.5, '网上营业厅', '支付宝'])
ws.append(['X4', '13700000021', None, 5, '网上营业厅', '支付宝'])
wb.save(sys.argv[1])
`,
    path,
  ]);
  return readFileSync(path);
}

/** A timestamp column as either driver returns it. */
const stamp = (at: unknown) => (at instanceof Date ? at.toISOString() : String(at));

for (const kind of testDatabases()) {
  describe(`files as Excel writes them on ${kind}`, () => {
    let app: TestApp;
    let admin: TestClient;
    let dir: string;

    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 0 });
      admin = await app.login('admin');
      admin.headers['accept-language'] = 'en';
      dir = mkdtempSync(join(tmpdir(), 'lianxi-excel-'));
      await customerOnPackage(app, admin, '13700000021', [{ code: '5G-GOLD', startsOn: '2026-01-01' }]);
    });
    after(async () => {
      rmSync(dir, { recursive: true, force: true });
      await app.close();
    });

    it('takes date cells, Excel zh-CN text dates and float amounts from an openpyxl workbook, and names an empty date as empty', async () => {
      assert.equal(59.699999999999996, 19.9 * 3);
      const res = await upload(admin, 'payments', openpyxlPayments(dir), {
        mapping: PAYMENT_MAPPING,
        fileName: 'payments.xlsx',
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body.errors, [
        { row: 5, message: 'bad date (empty) (expected 2026-10-03 08:15:30, 2026/10/3 8:15 or 2026/10/3)' },
      ]);
      const rows = await app.services.db
        .selectFrom('payments')
        .select(['source_id', 'paid_at', 'amount'])
        .orderBy('source_id')
        .execute();
      assert.deepEqual(
        rows.map((r) => [
          r.source_id,
          stamp(r.paid_at as unknown)
            .slice(0, 19)
            .replace('T', ' '),
          r.amount,
        ]),
        [
          ['X1', '2026-11-05 09:05:00', '59.70'],
          ['X2', '2026-11-05 09:05:00', '10.00'],
          ['X3', '2026-11-05 00:00:00', '12.50'],
        ],
      );
    });

    it('reads a GBK file as GBK when its first Chinese character is 1.33 MB in, and refuses a file that turns from UTF-8 to GBK', async () => {
      const header = 'receipt,phone,paid_at,amount,place,method\n';
      const ascii = Array.from({ length: 30_000 }, (_, i) => `A${i},13700000021,2026/11/7 10:00,1,counter,cash\n`).join(
        '',
      );
      assert.ok(ascii.length > 1.3 * 1024 * 1024);
      const utf8 = header + ascii + 'G1,13700000021,2026/11/7 11:00,2,泉城路营业厅,现金\n';
      const gbk = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: utf8, maxBuffer: 64 * 1024 * 1024 });
      const res = await upload(admin, 'payments', gbk, { mapping: PAYMENT_MAPPING });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual([res.body.encoding, res.body.accepted], ['gbk', 30_001]);
      const row = await app.services.db
        .selectFrom('payments')
        .select(['place', 'method'])
        .where('source_id', '=', 'G1')
        .executeTakeFirstOrThrow();
      assert.deepEqual([row.place, row.method], ['泉城路营业厅', '现金']);

      const mixed = Buffer.concat([
        Buffer.from(header + 'M1,13700000021,2026/11/8 10:00,1,营业厅,现金\n' + ascii.replace(/A(\d)/g, 'B$1')),
        execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], {
          input: 'M2,13700000021,2026/11/8 11:00,2,泉城路营业厅,现金\n',
        }),
      ]);
      const refused = await upload(admin, 'payments', mixed, { mapping: PAYMENT_MAPPING });
      assert.equal(refused.status, 400, JSON.stringify(refused.body));
      assert.equal(refused.body.error.code, 'ENCODING_MISMATCH');
      assert.equal(
        await app.services.db.selectFrom('payments').select('id').where('source_id', '=', 'M1').executeTakeFirst(),
        undefined,
      );
    });

    it('rounds a CSV amount written with binary float digits to the fen', async () => {
      const res = await upload(
        admin,
        'payments',
        'receipt,phone,paid_at,amount,place,method\nY1,13700000021,2026/11/6 10:00,59.699999999999996,营业厅,现金\n',
        { mapping: PAYMENT_MAPPING },
      );
      assert.equal(res.body.accepted, 1, JSON.stringify(res.body));
      const row = await app.services.db
        .selectFrom('payments')
        .select('amount')
        .where('source_id', '=', 'Y1')
        .executeTakeFirstOrThrow();
      assert.equal(row.amount, '59.70');
    });
  });
}
