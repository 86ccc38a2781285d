import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';
import { sql } from 'kysely';
import { addDays, addMonths, thisMonth, today } from '../clock.ts';
import { encodeCursor } from './schemas.ts';

/** A valid 18-digit ID card (GB 11643 check digit), unique per sequence number. */
function idCard(seq: number): string {
  const body = `370102199003${String(10 + (seq % 18)).padStart(2, '0')}${String(seq % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

for (const kind of testDatabases()) {
  describe(`input rules (${kind})`, () => {
    let app: TestApp;
    let admin: TestClient;
    let jinan: string;
    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 10 });
      admin = await app.login('admin');
      const units = (await admin.get('/api/org-units')).body.items as { id: string; code: string | null }[];
      jinan = units.find((u) => u.code === 'JN')!.id;
    });
    after(() => app.close());

    it('refuses NUL bytes and lone surrogates in body, query and path with a 400 naming the field', async () => {
      const body = await admin.post('/api/org-units', { parentId: jinan, name: 'a\u0000b', kind: 'team' });
      assert.equal(body.status, 400);
      assert.ok(body.body.error.fields.name);
      const surrogate = await admin.post('/api/knowledge/categories', { name: 'x\ud800', nameEn: 'x' });
      assert.equal(surrogate.status, 400);
      assert.ok(surrogate.body.error.fields.name);
      const query = await admin.get('/api/employees?q=a%00b');
      assert.equal(query.status, 400);
      assert.ok(query.body.error.fields.q);
      const zh = await admin.request(
        'POST',
        '/api/org-units',
        { parentId: jinan, name: 'a\u0000b', kind: 'team' },
        { 'accept-language': 'zh-CN' },
      );
      assert.match(zh.body.error.fields.name, /无法保存/);
    });

    it('refuses a tampered paging cursor with a 400 on cursor', async () => {
      for (const cursor of [encodeCursor('abc'), encodeCursor(['x', '99999999999999999999999']), '!!!']) {
        for (const path of [
          '/api/employees',
          '/api/customers',
          '/api/audit',
          '/api/churn/records',
          '/api/work-orders',
        ]) {
          const res = await admin.get(`${path}?cursor=${encodeURIComponent(cursor)}`);
          assert.equal(res.status, 400, `${path} ${cursor}`);
          assert.ok(res.body.error.fields.cursor, `${path} ${cursor}`);
        }
      }
    });

    it('keeps dates between 1900 and 2100, ids within bigint and integers within int4', async () => {
      for (const path of [
        '/api/audit?from=0000-01-01',
        '/api/stats/customers?to=9999-12-31',
        '/api/churn/records?from=0000-01-01',
        '/api/work-orders/stats?to=9999-12-31',
      ]) {
        const res = await admin.get(path);
        assert.equal(res.status, 400, path);
        assert.ok(res.body.error.fields.from ?? res.body.error.fields.to, path);
      }
      assert.equal((await admin.get('/api/audit?actor=99999999999999999999999')).status, 200);
      const position = await admin.post('/api/knowledge/categories', {
        name: '越界排序',
        nameEn: 'Out of range',
        position: 3_000_000_000,
      });
      assert.equal(position.status, 400);
      assert.ok(position.body.error.fields.position);
    });

    it('answers a duplicate org-unit code, category name or work-order type code with 409 naming the field', async () => {
      const unit = await admin.post('/api/org-units', { parentId: jinan, name: '重复编码', kind: 'team', code: 'JN' });
      assert.equal(unit.status, 409);
      assert.equal(unit.body.error.code, 'ALREADY_EXISTS');
      assert.ok(unit.body.error.fields.code);

      assert.equal((await admin.post('/api/knowledge/categories', { name: '重复分类', nameEn: 'Twice' })).status, 201);
      const category = await admin.post('/api/knowledge/categories', { name: '重复分类', nameEn: 'Twice again' });
      assert.equal(category.status, 409);
      assert.ok(category.body.error.fields.name);

      const types = (await admin.get('/api/work-orders/types')).body.items as { code: string; name: string }[];
      const existing = types[0];
      const renamed = await admin.post('/api/work-orders/types', {
        code: existing.code,
        name: '悄悄改名',
        nameEn: 'Silently renamed',
      });
      assert.equal(renamed.status, 409);
      assert.ok(renamed.body.error.fields.code);
      const after = (await admin.get('/api/work-orders/types')).body.items as { code: string; name: string }[];
      assert.equal(after.find((t) => t.code === existing.code)!.name, existing.name);
    });

    it('gives one 201 and one 409 on idCard for two simultaneous account openings with one ID card', async () => {
      const card = idCard(Date.now() % 1000);
      const open = (phone: string) =>
        admin.post('/api/customers', {
          name: '同时开户',
          phone,
          category: 'individual',
          idCard: card,
          regionId: jinan,
        });
      const results = await Promise.all([open('13900001111'), open('13900002222')]);
      assert.deepEqual(results.map((r) => r.status).sort(), [201, 409]);
      const conflict = results.find((r) => r.status === 409)!;
      assert.ok(conflict.body.error.fields?.idCard ?? conflict.body.error.details, JSON.stringify(conflict.body));
    });

    it('never answers 5xx to simultaneous retention plans for the same customers, and opens one task each', async () => {
      const customers = ((await admin.get('/api/customers?limit=3')).body.items as { id: string }[]).map((c) => c.id);
      const me = (await admin.get('/api/auth/me')).body;
      const plan = () =>
        admin.post('/api/retention-plans', {
          name: '并发挽留',
          offer: '半价',
          ownerId: me.employee.id,
          dueDate: addDays(today(), 30),
          customerIds: customers,
        });
      const results = await Promise.all(Array.from({ length: 6 }, plan));
      for (const r of results) assert.ok(r.status === 201 || r.status === 409, `${r.status} ${JSON.stringify(r.body)}`);
      const tasks = (await admin.get(`/api/retention-tasks?customerId=${customers[0]}&status=open`)).body
        .items as unknown[];
      assert.ok(tasks.length <= 1);
    });

    it('refuses usage rows dated outside ten years back to a year ahead, and makes no partition for them', async () => {
      const customers = (await admin.get('/api/customers?limit=1')).body.items as { customerNo: string }[];
      const stale = `${addMonths(thisMonth(), -121)}-15 10:00:00`;
      const far = `${addMonths(thisMonth(), 13)}-15 10:00:00`;
      const csv = [
        'record_id,customer,type,call_type,direction,start_time,quantity,period',
        ...[
          ['R1', '0001-01-01 00:00:00'],
          ['R2', '1969-12-31 23:00:00'],
          ['R3', '9999-12-31 10:00:00'],
          ['R4', stale],
          ['R5', far],
        ].map(([id, at]) => `${id},${customers[0].customerNo},call,local,out,${at},60,busy`),
      ].join('\n');
      const form = new FormData();
      form.append(
        'mapping',
        JSON.stringify({
          sourceId: 'record_id',
          customer: 'customer',
          kind: 'type',
          area: 'call_type',
          direction: 'direction',
          startedAt: 'start_time',
          quantity: 'quantity',
          busy: 'period',
        }),
      );
      form.append('file', new Blob([csv]), 'usage.csv');
      const res = await admin.request('POST', '/api/imports/usage', form, { 'accept-language': 'en' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.accepted, 0);
      assert.equal(res.body.rejected, 5);
      const partitions = await sql<{
        relname: string;
      }>`SELECT relname FROM pg_class WHERE relname IN ('usage_records_000101', 'usage_records_196912', 'usage_records_999912')`.execute(
        app.services.db,
      );
      assert.deepEqual(partitions.rows, []);
    });
  });
}
