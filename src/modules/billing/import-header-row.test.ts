import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';
import { guessHeaderRow } from '../../platform/files/import-text.ts';
import { customerOnPackage, PAYMENT_MAPPING, upload, USAGE_HEADER, USAGE_MAPPING } from './billing-test-support.ts';

const HEADER = ['receipt', 'phone', 'paid_at', 'amount', 'place', 'method'];

/** A payments report as a branch's system exports it: a merged title row over the header, written by openpyxl. */
function titledWorkbook(dir: string): Uint8Array {
  const path = join(dir, 'titled.xlsx');
  execFileSync('/usr/bin/python3', [
    '-c',
    `
import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.append(['2026年11月缴费明细'])
ws.merge_cells('A1:F1')
ws.append(${JSON.stringify(HEADER)})
ws.append(['T1', '13700000031', '2026-11-05 09:05:00', 30, '泉城路营业厅', '微信'])
ws.append(['T2', '13700000031', '2026-11-06 10:00:00', -5, '泉城路营业厅', '现金'])
ws.append(['T3', '13700000031', '2026-11-07 10:00:00', 12.5])
wb.save(sys.argv[1])
`,
    path,
  ]);
  return readFileSync(path);
}

describe('guessing the header row', () => {
  it('skips a title and a date line above the header', () => {
    const rows = [
      ['2026年11月话单明细', '', ''],
      ['制表日期：2026-12-01'],
      ['记录号', '手机号', '时长'],
      ['R1', '13700000001', '60'],
      ['R2', '13700000001', '120'],
    ];
    assert.equal(guessHeaderRow(rows), 2);
  });
  it('takes the first row when it is the header', () => {
    assert.equal(
      guessHeaderRow([
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ]),
      0,
    );
  });
  it('prefers the row naming known columns, even when another row looks like a header too', () => {
    const rows = [
      ['说明', '备注'],
      ['x', 'y'],
      ['record_id', 'phone', 'start_time'],
      ['R1', '13700000001', '2026-11-01 10:00'],
    ];
    assert.equal(guessHeaderRow(rows, ['record_id', 'phone']), 2);
    assert.equal(guessHeaderRow(rows), 0);
  });
  it('does not take a row of numbers or dates for a header', () => {
    assert.equal(
      guessHeaderRow([
        ['1', '2026/11/5', '3.5'],
        ['4', '2026/11/6', '7'],
      ]),
      0,
    );
    assert.equal(
      guessHeaderRow([['标题'], ['1', '2026/11/5', '3.5'], ['名称', '日期', '金额'], ['1', '2026/11/6', '7']]),
      2,
    );
  });
});

for (const kind of testDatabases()) {
  describe(`a title row above the header on ${kind}`, () => {
    let app: TestApp;
    let admin: TestClient;
    let dir: string;

    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 0 });
      admin = await app.login('admin');
      admin.headers['accept-language'] = 'en';
      dir = mkdtempSync(join(tmpdir(), 'lianxi-titled-'));
      await customerOnPackage(app, admin, '13700000031', [{ code: '5G-GOLD', startsOn: '2026-01-01' }]);
    });
    after(async () => {
      rmSync(dir, { recursive: true, force: true });
      await app.close();
    });

    it('guesses the header under the title in the preview, and shows the rows above it to pick from', async () => {
      const res = await upload(admin, 'payments', titledWorkbook(dir), { preview: true, fileName: 'titled.xlsx' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.headerRow, 2);
      assert.deepEqual(res.body.header, HEADER);
      assert.equal(res.body.rows[0][0], 'T1');
      assert.deepEqual(res.body.top[0], ['2026年11月缴费明细']);
      const picked = await upload(admin, 'payments', titledWorkbook(dir), {
        preview: true,
        fileName: 'titled.xlsx',
        headerRow: 1,
      });
      assert.deepEqual(picked.body.header, ['2026年11月缴费明细']);
    });

    it('imports from the chosen header row, numbering rows as the spreadsheet does', async () => {
      const res = await upload(admin, 'payments', titledWorkbook(dir), {
        mapping: PAYMENT_MAPPING,
        fileName: 'titled.xlsx',
        headerRow: 2,
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.accepted, 2);
      assert.deepEqual(res.body.errors, [{ row: 4, message: 'negative amount' }]);
      const batch = await app.services.db
        .selectFrom('import_batches')
        .select('header_row')
        .where('id', '=', res.body.batchId)
        .executeTakeFirstOrThrow();
      assert.equal(batch.header_row, 2);
    });

    it('finds the header row from the mapping when none is given', async () => {
      const csv = ['2026年11月话单', USAGE_HEADER, 'H1,13700000031,call,local,out,2026-11-03 10:00:00,60,busy'].join(
        '\n',
      );
      const res = await upload(admin, 'usage', csv, { mapping: USAGE_MAPPING });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.accepted, 1);
      assert.deepEqual(res.body.errors, []);
    });

    it('refuses a header row the file does not have, naming the field', async () => {
      const csv = ['title', USAGE_HEADER].join('\n');
      const beyond = await upload(admin, 'usage', csv, { mapping: USAGE_MAPPING, headerRow: 5 });
      assert.equal(beyond.status, 400, JSON.stringify(beyond.body));
      assert.equal(beyond.body.error.code, 'MAPPING_INVALID');
      assert.ok(beyond.body.error.fields.headerRow);
      const wrong = await upload(admin, 'usage', csv, { mapping: USAGE_MAPPING, headerRow: 1 });
      assert.equal(wrong.status, 400);
      assert.ok(wrong.body.error.fields.sourceId);
      const silly = await upload(admin, 'usage', csv, { mapping: USAGE_MAPPING, headerRow: 0 });
      assert.equal(silly.status, 400);
      assert.ok(silly.body.error.fields.headerRow);
    });
  });
}
