import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';
import { seedThesisProfiles } from './segmentation-test-support.ts';

for (const kind of testDatabases()) {
  describe(`segmentation exports on ${kind}`, () => {
    let app: TestApp;
    let admin: TestClient;
    let wangfang: TestClient;
    let run: { id: string; customerCount: number; sizes: number[]; clusterNames: string[] };

    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 60 });
      admin = await app.login('admin');
      wangfang = await app.login('wangfang');
      const active = await app.services.db
        .selectFrom('customers')
        .select('id')
        .where('status', '=', 'active')
        .execute();
      await seedThesisProfiles(
        app,
        active.map((r) => r.id),
        ['2026-10'],
      );
      const started = await wangfang.post('/api/segmentation/runs', { month: '2026-10', k: 3, seed: 7 });
      assert.equal(started.status, 202, JSON.stringify(started.body));
      await app.services.jobs.runDue();
      run = (await wangfang.get(`/api/segmentation/runs/${started.body.runId}`)).body;
      assert.equal((run as unknown as { status: string }).status, 'done');
    });
    after(() => app.close());

    const download = async (client: TestClient, what: string, format: string) => {
      const res = await fetch(
        `${client.baseUrl}/api/segmentation/runs/${run.id}/export?what=${what}&format=${format}`,
        {
          headers: { cookie: client.cookie ?? '' },
        },
      );
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        disposition: res.headers.get('content-disposition'),
        bytes: Buffer.from(await res.arrayBuffer()),
      };
    };

    it('exports the segment profiles as CSV: one row per segment with its size and means, then all customers', async () => {
      const res = await download(wangfang, 'profiles', 'csv');
      assert.equal(res.status, 200);
      assert.match(res.type ?? '', /^text\/csv/);
      assert.match(res.disposition ?? '', /attachment; .*filename\*=UTF-8''/);
      const text = res.bytes.toString('utf8');
      assert.equal(text.charCodeAt(0), 0xfeff);
      const lines = text.slice(1).trim().split('\r\n');
      assert.equal(lines.length, 5);
      assert.match(lines[0], /^细分,名称,客户数,占比（%）,/);
      const sizes = lines.slice(1, 4).map((l) => Number(l.split(',')[2]));
      assert.deepEqual(sizes, run.sizes);
      assert.equal(lines[1].split(',')[1], run.clusterNames[0]);
      assert.equal(Number(lines[4].split(',')[2]), run.customerCount);
    });

    it('exports each customer’s segment as xlsx, masking numbers for a viewer without sensitive:view, and audits it', async () => {
      const res = await download(wangfang, 'assignments', 'xlsx');
      assert.equal(res.status, 200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.bytes as unknown as ArrayBuffer);
      const sheet = book.worksheets[0];
      assert.equal(sheet.actualRowCount, run.customerCount + 1);
      const phones: string[] = [];
      sheet.eachRow((row, n) => {
        if (n > 1) phones.push(String(row.getCell(3).value));
      });
      assert.ok(
        phones.every((p) => !/\d{11}/.test(p)),
        phones[0],
      );
      assert.ok(
        phones.every((p) => p.includes('*')),
        phones[0],
      );
      const segments = new Set<string>();
      sheet.eachRow((row, n) => {
        if (n > 1) segments.add(String(row.getCell(7).value));
      });
      assert.deepEqual([...segments].sort(), [...run.clusterNames].sort());
      const audit = await app.services.db
        .selectFrom('audit_log')
        .select(['action', 'changes'])
        .where('entity', '=', 'segmentation_run')
        .where('entity_id', '=', run.id)
        .where('action', '=', 'export')
        .execute();
      // The profiles export before this one, and this one.
      assert.deepEqual(
        audit.map((a) => JSON.stringify(a.changes)).filter((c) => c.includes('assignments') && c.includes('xlsx'))
          .length,
        1,
      );
    });

    it('gives a viewer with sensitive:view the whole numbers, and refuses a role without the export permission', async () => {
      const res = await download(admin, 'assignments', 'csv');
      assert.equal(res.status, 200);
      const lines = res.bytes.toString('utf8').slice(1).trim().split('\r\n');
      assert.equal(lines.length, run.customerCount + 1);
      assert.match(lines[1].split(',')[2], /^\d{11}$|^0\d{2,3}-?\d{7,8}$/);
      const zhangwei = await app.login('zhangwei');
      assert.equal((await download(zhangwei, 'profiles', 'csv')).status, 403);
    });
  });
}
