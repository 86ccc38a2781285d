import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';
import { customerOnPackage, upload, USAGE_HEADER, USAGE_MAPPING } from './billing-test-support.ts';

/** An xlsx written by Python's zipfile as Excel lays one out, whose one shared string unpacks to `cellBytes` bytes. */
function bombXlsx(dir: string, cellBytes: number): Uint8Array {
  const path = join(dir, 'bomb.xlsx');
  execFileSync('/usr/bin/python3', [
    '-c',
    `
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED)
z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
z.writestr('xl/workbook.xml', '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
z.writestr('xl/_rels/workbook.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
z.writestr('xl/worksheets/sheet1.xml', '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>')
z.writestr('xl/sharedStrings.xml', '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>' + 'A' * int(sys.argv[2]) + '</t></si></sst>')
z.close()
`,
    path,
    String(cellBytes),
  ]);
  return readFileSync(path);
}

for (const kind of testDatabases()) {
  describe(`upload limits on ${kind}`, () => {
    let app: TestApp;
    let admin: TestClient;
    let dir: string;

    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 0 });
      admin = await app.login('admin');
      admin.headers['accept-language'] = 'en';
      dir = mkdtempSync(join(tmpdir(), 'lianxi-limits-'));
      await customerOnPackage(app, admin, '13700000011', [{ code: '5G-GOLD', startsOn: '2026-01-01' }]);
    });
    after(async () => {
      rmSync(dir, { recursive: true, force: true });
      await app.close();
    });

    it('refuses an xlsx whose one cell unpacks to 64 MB, in the preview and the import, with 413', async () => {
      const bomb = bombXlsx(dir, 64 * 1024 * 1024);
      assert.ok(bomb.length < 1024 * 1024, `${bomb.length} bytes packed`);
      for (const preview of [true, false]) {
        const res = await upload(admin, 'payments', bomb, {
          preview,
          fileName: 'bomb.xlsx',
          mapping: preview ? undefined : { sourceId: 'A' },
        });
        assert.equal(res.status, 413, JSON.stringify(res.body));
        assert.equal(res.body.error.code, 'CELL_TOO_LARGE');
        assert.match(res.body.error.message, /more than 32767 characters/);
      }
    });

    it('refuses a CSV on one line, and one with a quote never closed, with 413 and the line limit', async () => {
      const oneLine = 'x,'.repeat(3 * 1024 * 1024);
      const unclosed =
        `${USAGE_HEADER}\n"U1,13700000011,call,local,out,2026-10-01 08:00:00,60,busy\n` +
        'U2,13700000011,call,local,out,2026-10-01 09:00:00,60,busy\n'.repeat(60_000);
      for (const file of [oneLine, unclosed]) {
        for (const preview of [true, false]) {
          const res = await upload(admin, 'usage', file, { preview, mapping: preview ? undefined : USAGE_MAPPING });
          assert.equal(res.status, 413, JSON.stringify(res.body));
          assert.equal(res.body.error.code, 'LINE_TOO_LONG');
          assert.match(res.body.error.message, /longer than 100000 characters \(or a quote is never closed\)/);
        }
      }
      assert.equal(await app.services.db.selectFrom('usage_records').select('source_id').executeTakeFirst(), undefined);
    });

    it('answers the preview of a 40 MB file after reading all of it, so the client sees the answer', async () => {
      const row = 'P0000000001,13700000011,call,local,out,2026-10-01 08:00:00,60,busy\n';
      const big = USAGE_HEADER + '\n' + row.repeat(Math.ceil((40 * 1024 * 1024) / row.length));
      for (let i = 0; i < 3; i++) {
        const res = await upload(admin, 'usage', big, { preview: true });
        assert.equal(res.status, 200);
        assert.equal(res.body.rows.length, 10);
      }
    });
  });
}
