import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';
import { customerOnPackage, PAYMENT_MAPPING, upload, USAGE_HEADER, USAGE_MAPPING } from './billing-test-support.ts';

for (const kind of testDatabases()) {
  describe(`usage and payment imports on ${kind}`, () => {
    let app: TestApp;
    let admin: TestClient;

    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 0 });
      admin = await app.login('admin');
      // The reasons below are the English ones; a Chinese importer gets them in Chinese (tested at the end).
      admin.headers['accept-language'] = 'en';
      await customerOnPackage(app, admin, '13700000001', [{ code: '5G-GOLD', startsOn: '2026-01-01' }]);
      await customerOnPackage(app, admin, '13700000002', [{ code: '5G-SILVER', startsOn: '2026-01-01' }]);
    });
    after(() => app.close());

    const goodAndBad = [
      USAGE_HEADER,
      'U1,13700000001,call,local,out,2026-10-01 08:00:00,300,busy',
      'U2,13700000009,call,local,out,2026-10-01 09:00:00,300,busy',
      'U3,13700000001,call,domestic_ld,out,2026-02-30 09:00:00,300,busy',
      'U4,13700000002,call,local,out,2026-10-02 09:00:00,-5,busy',
      'U5,13700000002,data,local,out,2026/10/03 21:30,2048,',
      'U6,13700000002,sms,local,out,2026-10-03 10:00:00,2,idle',
    ].join('\n');

    it('imports the good rows and reports each bad row with its spreadsheet row number and reason', async () => {
      const res = await upload(admin, 'usage', goodAndBad, { mapping: USAGE_MAPPING });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.accepted, 3);
      assert.equal(res.body.rejected, 3);
      assert.deepEqual(res.body.errors, [
        { row: 3, message: 'unknown customer "13700000009"' },
        {
          row: 4,
          message: 'bad date "2026-02-30 09:00:00" (expected 2026-10-03 08:15:30, 2026/10/3 8:15 or 2026/10/3)',
        },
        { row: 5, message: 'negative duration' },
      ]);
      assert.equal(res.body.encoding, 'utf-8');
      const all = await admin.get(`/api/imports/${res.body.batchId}/errors`);
      assert.equal(all.body.items.length, 3);
    });

    it('does not double-count when the same file is imported again', async () => {
      const again = await upload(admin, 'usage', goodAndBad, { mapping: USAGE_MAPPING });
      assert.equal(again.body.accepted, 0);
      assert.equal(again.body.rejected, 6);
      assert.equal(again.body.previousBatches.length, 1);
      assert.match(again.body.errors[0].message, /already imported \(record U1\)/);
      const { count } = await app.services.db
        .selectFrom('usage_records')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(count), 3);
    });

    it('refuses a duplicated record id inside one file', async () => {
      const res = await upload(
        admin,
        'usage',
        `${USAGE_HEADER}\nU7,13700000001,call,local,out,2026-10-05 08:00:00,60,busy\nU7,13700000001,call,local,out,2026-10-05 08:00:00,60,busy`,
        { mapping: USAGE_MAPPING },
      );
      assert.equal(res.body.accepted, 1);
      assert.deepEqual(res.body.errors, [{ row: 3, message: 'duplicate record id U7 in this file' }]);
    });

    it('reads a GBK file with Chinese headers and values, detecting the encoding', async () => {
      const text =
        '记录号,号码,业务类型,通话类型,呼叫方向,开始时间,数量,时段\nG-1,13700000002,通话,国内长途,主叫,2026-10-06 08:00:00,120,忙时\nG-2,13700000002,流量,国内漫游,主叫,2026-10-06 23:30:00,4096,闲时\n';
      const mapping = {
        sourceId: '记录号',
        customer: '号码',
        kind: '业务类型',
        area: '通话类型',
        direction: '呼叫方向',
        startedAt: '开始时间',
        quantity: '数量',
        busy: '时段',
      };
      const preview = await upload(admin, 'usage', iconv.encode(text, 'gbk'), { preview: true });
      assert.equal(preview.body.encoding, 'gbk');
      assert.deepEqual(preview.body.header, Object.values(mapping));
      assert.equal(preview.body.rows[0][3], '国内长途');
      const res = await upload(admin, 'usage', iconv.encode(text, 'gbk'), { mapping });
      assert.equal(res.body.accepted, 2, JSON.stringify(res.body));
      const rows = await app.services.db
        .selectFrom('usage_records')
        .selectAll()
        .where('source_id', 'like', 'G-%')
        .orderBy('source_id')
        .execute();
      assert.deepEqual(
        rows.map((r) => [r.kind, r.area, r.busy]),
        [
          ['call', 'domestic_ld', true],
          ['data', 'domestic_roaming', false],
        ],
      );
    });

    it('refuses a mapping that names a column the file does not have', async () => {
      const res = await upload(admin, 'usage', goodAndBad, { mapping: { ...USAGE_MAPPING, quantity: 'seconds' } });
      assert.equal(res.status, 400);
      assert.equal(res.body.error.code, 'MAPPING_INVALID');
      assert.match(res.body.error.fields.quantity, /no column "seconds"/);
      assert.doesNotMatch(
        res.body.error.message,
        /quantity|sourceId/,
        'the message names no field codes; the fields are marked one by one',
      );
    });

    it('reports a row with a missing column as that row, and a file it cannot read without applying any of it', async () => {
      const short = await upload(
        admin,
        'usage',
        `${USAGE_HEADER}\nM1,13700000001,call,local,out,2026-10-07 08:00:00,60,busy\nM2,13700000001,call\n`,
        { mapping: USAGE_MAPPING },
      );
      assert.equal(short.status, 200);
      assert.deepEqual(
        [short.body.accepted, short.body.errors],
        [1, [{ row: 3, message: '3 columns where the header has 8' }]],
      );
      const res = await upload(
        admin,
        'usage',
        `${USAGE_HEADER}\nM3,13700000001,call,local,out,2026-10-07 09:00:00,60,busy\n"M4,13700000001,call,local,out,2026-10-07 10:00:00,60,busy\n`,
        { mapping: USAGE_MAPPING },
      );
      assert.equal(res.status, 400);
      assert.equal(res.body.error.code, 'FILE_MALFORMED');
      assert.equal(
        await app.services.db
          .selectFrom('usage_records')
          .select('source_id')
          .where('source_id', '=', 'M3')
          .executeTakeFirst(),
        undefined,
      );
    });

    it('creates a monthly partition for the records it imports', async () => {
      const { rows } = await (await import('kysely')).sql<{
        relname: string;
      }>`SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'usage_records' ORDER BY 1`.execute(app.services.db);
      assert.ok(rows.some((r) => r.relname === 'usage_records_202610'));
    });

    it('loads a month with no usage yet as its new partition, with the indexes of every other', async () => {
      const { sql } = await import('kysely');
      const db = app.services.db;
      // A billing run may have made the month's partition already, empty: it is replaced.
      await sql`CREATE TABLE usage_records_202607 PARTITION OF usage_records FOR VALUES FROM ('2026-07-01') TO ('2026-08-01')`.execute(
        db,
      );
      const file = `${USAGE_HEADER}\nJ1,13700000001,call,local,out,2026-07-01 08:00:00,60,busy\nJ2,13700000002,sms,local,out,2026-07-02 08:00:00,1,busy\n`;
      const res = await upload(admin, 'usage', file, { mapping: USAGE_MAPPING });
      assert.deepEqual([res.body.accepted, res.body.rejected], [2, 0]);
      const indexes = await sql<{
        indexdef: string;
      }>`SELECT indexdef FROM pg_indexes WHERE tablename = 'usage_records_202607' ORDER BY indexname`.execute(db);
      assert.deepEqual(
        indexes.rows.map((r) => r.indexdef.replace(/^.* USING /, '')),
        ['btree (customer_id, started_at)', 'btree (source_id, started_at)'],
      );
      // The load table itself became the partition: it still carries its row numbers' dropped column.
      const dropped = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM pg_attribute WHERE attrelid = 'usage_records_202607'::regclass AND attisdropped`.execute(
        db,
      );
      assert.equal(dropped.rows[0].n, 1);
      const again = await upload(admin, 'usage', file, { mapping: USAGE_MAPPING });
      assert.deepEqual(
        again.body.errors.map((e: { message: string }) => e.message),
        ['already imported (record J1)', 'already imported (record J2)'],
      );
    });

    it('reports a record id repeated in a file for a new month, keeping the first', async () => {
      const file = `${USAGE_HEADER}\nA1,13700000001,call,local,out,2026-06-01 08:00:00,60,busy\nA1,13700000001,call,local,out,2026-06-01 08:00:00,90,busy\nA2,13700000001,call,local,out,2026-06-01 09:00:00,30,busy\n`;
      const res = await upload(admin, 'usage', file, { mapping: USAGE_MAPPING });
      assert.deepEqual(
        [res.body.accepted, res.body.errors],
        [2, [{ row: 3, message: 'duplicate record id A1 in this file' }]],
      );
      const kept = await app.services.db
        .selectFrom('usage_records')
        .select('quantity')
        .where('source_id', '=', 'A1')
        .execute();
      assert.deepEqual(
        kept.map((r) => r.quantity),
        ['60'],
      );
    });

    it('imports payments from xlsx, rejecting a negative amount and an unknown customer', async () => {
      const book = new ExcelJS.Workbook();
      const ws = book.addWorksheet('缴费');
      ws.addRow(['receipt', 'phone', 'paid_at', 'amount', 'place', 'method']);
      ws.addRow(['P1', '13700000001', '2026-10-08 10:00:00', 50, '泉城路营业厅', '微信']);
      ws.addRow(['P2', '13700000001', '2026-10-08 11:00:00', -20, '泉城路营业厅', '现金']);
      ws.addRow(['P3', '13700000099', '2026-10-08 12:00:00', 30, '网上营业厅', '支付宝']);
      const file = new Uint8Array(await book.xlsx.writeBuffer());
      const res = await upload(admin, 'payments', file, { mapping: PAYMENT_MAPPING, fileName: 'payments.xlsx' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.accepted, 1);
      assert.deepEqual(
        res.body.errors.map((e: { message: string }) => e.message),
        ['negative amount', 'unknown customer "13700000099"'],
      );
      const customer = (await admin.get('/api/customers?q=13700000001')).body.items[0];
      const payments = (await admin.get(`/api/customers/${customer.id}/payments`)).body.items;
      assert.deepEqual(
        payments.map((p: { amount: string; method: string }) => [p.amount, p.method]),
        [['50.00', '微信']],
      );
    });

    it('saves a field mapping as a template', async () => {
      const saved = await admin.post('/api/import-templates', {
        kind: 'usage',
        name: '省计费系统话单',
        mapping: USAGE_MAPPING,
        encoding: 'gbk',
      });
      assert.equal(saved.status, 201);
      const list = (await admin.get('/api/import-templates?kind=usage')).body.items;
      assert.deepEqual(list[0].mapping, USAGE_MAPPING);
      assert.equal(
        (await admin.post('/api/import-templates', { kind: 'usage', name: '省计费系统话单', mapping: {} })).status,
        409,
      );
    });

    it('gives a Chinese importer the reasons in Chinese', async () => {
      const zh = await app.login('admin');
      const file = [
        USAGE_HEADER,
        'Z1,13700000009,call,local,out,2026-10-09 08:00:00,60,busy',
        'Z2,13700000001,call,local,out,2026-10-32 08:00:00,60,busy',
        'U1,13700000001,call,local,out,2026-10-01 08:00:00,300,busy',
        'Z3,13700000001,call',
      ].join('\n');
      const res = await upload(zh, 'usage', file, { mapping: USAGE_MAPPING });
      assert.deepEqual(
        res.body.errors.map((e: { message: string }) => e.message),
        [
          '找不到客户“13700000009”',
          '日期时间无效“2026-10-32 08:00:00”，应为 2026-10-03 08:15:30、2026/10/3 8:15 或 2026/10/3',
          '已导入过（记录 U1）',
          '本行有 3 列，表头有 8 列',
        ],
      );
    });

    it('lets only staff with the import permission import', async () => {
      const manager = await app.login('zhangwei');
      const res = await upload(manager, 'usage', goodAndBad, { mapping: USAGE_MAPPING });
      assert.equal(res.status, 403);
    });
  });
}
