import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';
import { idCardCheckChar } from './customer-validators.ts';

/** A valid ID card with the given 17-digit prefix material. */
function idCard(area: string, birth: string, seq: string): string {
  const first17 = `${area}${birth}${seq}`;
  return first17 + idCardCheckChar(first17);
}

for (const kind of testDatabases()) {
  describe(`customers API on ${kind}`, () => {
    let app: TestApp;
    let admin: TestClient;
    let regions: Record<string, string>;

    before(async () => {
      app = await startTestApp(kind);
      admin = await app.login('admin');
      const units = (await admin.get('/api/org-units')).body.items as { id: string; code: string }[];
      regions = Object.fromEntries(units.map((u) => [u.code, u.id]));
    });
    after(() => app.close());

    const person = (overrides: Record<string, unknown> = {}) => ({
      name: '测试客户',
      phone: '13912345678',
      category: 'individual',
      idCard: idCard('370102', '19900307', '123'),
      regionId: regions.JN,
      ...overrides,
    });

    it('reports which database it runs on', async () => {
      const res = await app.anonymous().get('/api/health');
      assert.equal(res.status, 200);
      assert.deepEqual([res.body.status, res.body.db], ['ok', kind]);
    });

    it('opens an account, numbering it and deriving gender and birth date from the ID card', async () => {
      const res = await admin.post(
        '/api/customers',
        person({ idCard: idCard('370102', '19850612', '457'), phone: '13700001111' }),
      );
      assert.equal(res.status, 201);
      assert.match(res.body.customerNo, /^C\d{9}$/);
      assert.equal(res.body.birthDate, '1985-06-12');
      assert.equal(res.body.gender, 'male');
      assert.equal(res.body.status, 'active');
      assert.equal(res.body.arrears, '0.00');
      assert.equal(res.body.regionId, regions.JN);
    });

    it('refuses a bad ID card and a bad phone with field messages', async () => {
      const res = await admin.post('/api/customers', person({ idCard: '370102199003071230', phone: '12345' }));
      assert.equal(res.status, 400);
      assert.equal(res.body.error.code, 'VALIDATION_FAILED');
      assert.match(res.body.error.fields.idCard, /check digit/);
      assert.match(res.body.error.fields.phone, /mobile/);
    });

    it('refuses a second account for the same ID card, pointing to the existing customer', async () => {
      const card = idCard('370112', '19700101', '222');
      const first = await admin.post('/api/customers', person({ idCard: card, phone: '13800002222' }));
      const second = await admin.post(
        '/api/customers',
        person({ idCard: card, phone: '13800003333', name: '另一个人' }),
      );
      assert.equal(second.status, 409);
      assert.equal(second.body.error.code, 'DUPLICATE_ID_CARD');
      assert.equal(second.body.error.details.customerId, first.body.id);
      assert.ok(second.body.error.message.includes(first.body.customerNo));
    });

    it('shows customers sharing a phone as possible duplicates', async () => {
      await admin.post(
        '/api/customers',
        person({ idCard: idCard('370112', '19700101', '333'), phone: '13800004444', name: '李雷' }),
      );
      const res = await admin.get('/api/customers/duplicates?phone=13800004444');
      assert.equal(res.status, 200);
      assert.deepEqual(
        res.body.items.map((c: { name: string }) => c.name),
        ['李雷'],
      );
    });

    it('finds a customer by number, name prefix, fuzzy name, full phone, phone tail and ID card', async () => {
      const card = idCard('370102', '19920202', '777');
      const created = (
        await admin.post('/api/customers', person({ name: '欧阳娜娜', idCard: card, phone: '13566667777' }))
      ).body;
      const find = async (q: string) =>
        (await admin.get(`/api/customers?q=${encodeURIComponent(q)}`)).body.items.map((c: { id: string }) => c.id);
      assert.deepEqual(await find(created.customerNo), [created.id]);
      assert.ok((await find('欧阳')).includes(created.id));
      assert.ok((await find('欧阳娜')).includes(created.id));
      assert.deepEqual(await find('13566667777'), [created.id]);
      assert.ok((await find('6667777')).includes(created.id));
      assert.ok((await find('7777')).includes(created.id));
      assert.deepEqual(await find(card), [created.id]);
      assert.deepEqual(await find('不存在的名字xyz'), []);
    });

    it('pages through results with a cursor, without repeats', async () => {
      const first = await admin.get('/api/customers?limit=10&sort=name&order=asc');
      assert.equal(first.body.items.length, 10);
      assert.ok(first.body.nextCursor);
      const second = await admin.get(`/api/customers?limit=10&sort=name&order=asc&cursor=${first.body.nextCursor}`);
      const ids = [...first.body.items, ...second.body.items].map((c: { id: string }) => c.id);
      assert.equal(new Set(ids).size, ids.length);
      const names = [...first.body.items, ...second.body.items].map((c: { name: string }) => c.name);
      assert.deepEqual(
        names,
        [...names].sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : Buffer.from(a) > Buffer.from(b) ? 1 : 0)),
      );
    });

    it('filters by category and region subtree', async () => {
      const res = await admin.get(`/api/customers?region=${regions.QD}&limit=200`);
      assert.ok(res.body.items.length > 0);
      for (const c of res.body.items) assert.ok([regions.QD, regions['QD-HD']].includes(c.regionId));
      const enterprises = await admin.get('/api/customers?category=enterprise&limit=200');
      for (const c of enterprises.body.items) assert.equal(c.category, 'enterprise');
    });

    it('records every edit in the history as old → new, and rejects a stale version', async () => {
      const created = (
        await admin.post(
          '/api/customers',
          person({ idCard: idCard('370102', '19880808', '888'), phone: '13600008888' }),
        )
      ).body;
      const edited = await admin.patch(`/api/customers/${created.id}`, {
        address: '济南市经十路1号',
        level: 'gold',
        version: created.version,
      });
      assert.equal(edited.status, 200);
      assert.equal(edited.body.level, 'gold');
      const stale = await admin.patch(`/api/customers/${created.id}`, { level: 'vip', version: created.version });
      assert.equal(stale.status, 409);
      const history = (await admin.get(`/api/customers/${created.id}/history`)).body.items;
      assert.equal(history[0].action, 'update');
      assert.deepEqual(history[0].changes.level, ['ordinary', 'gold']);
      assert.deepEqual(history[0].changes.address, [null, '济南市经十路1号']);
      assert.equal(history[0].actorName, '系统管理员');
      assert.equal(history.at(-1).action, 'create');
    });

    it('keeps an e-mail address and a backup phone, masking the backup phone like the phone', async () => {
      const created = (
        await admin.post(
          '/api/customers',
          person({ idCard: idCard('370102', '19790101', '135'), phone: '13600007777', email: 'li@example.com' }),
        )
      ).body;
      assert.equal(created.email, 'li@example.com');
      const bad = await admin.patch(`/api/customers/${created.id}`, { email: 'not-an-address', backupPhone: '123' });
      assert.equal(bad.status, 400);
      assert.ok(bad.body.error.fields.email);
      assert.match(bad.body.error.fields.backupPhone, /mobile/);
      const edited = await admin.patch(`/api/customers/${created.id}`, { backupPhone: '0531-88886666' });
      assert.equal(edited.body.backupPhone, '0531-88886666');
      const history = (await admin.get(`/api/customers/${created.id}/history`)).body.items;
      assert.deepEqual(history[0].changes.backupPhone, [null, '0531-88886666']);
      const marketing = await app.login('wangfang'); // sees Jinan's customers, without sensitive:view
      assert.equal((await marketing.get(`/api/customers/${created.id}`)).body.backupPhone, '053******6666');
      const seen = (await marketing.get(`/api/customers/${created.id}/history`)).body.items;
      assert.deepEqual(seen[0].changes.backupPhone, [null, '053******6666']);
    });
    it('refuses to cancel an account with arrears, and cancels it once they are paid', async () => {
      const created = (
        await admin.post(
          '/api/customers',
          person({ idCard: idCard('370102', '19770707', '070'), phone: '13600007070' }),
        )
      ).body;
      await sql`UPDATE customers SET arrears = 35.50 WHERE id = ${created.id}`.execute(app.services.db);
      const refused = await admin.post(`/api/customers/${created.id}/cancel`, { reason: '搬家' });
      assert.equal(refused.status, 409);
      assert.equal(refused.body.error.code, 'CUSTOMER_HAS_ARREARS');
      assert.ok(refused.body.error.message.includes('35.50'));
      assert.equal((await admin.get(`/api/customers/${created.id}`)).body.status, 'active');
      await sql`UPDATE customers SET arrears = 0 WHERE id = ${created.id}`.execute(app.services.db);
      const cancelled = await admin.post(`/api/customers/${created.id}/cancel`, { reason: '搬家' });
      assert.equal(cancelled.status, 200);
      assert.equal(cancelled.body.status, 'cancelled');
      assert.equal(cancelled.body.cancelReason, '搬家');
      const again = await admin.patch(`/api/customers/${created.id}`, { level: 'vip' });
      assert.equal(again.status, 409);
    });

    it('merges two records: chosen values survive, contacts and history move, the other record points to the survivor', async () => {
      const a = (
        await admin.post(
          '/api/customers',
          person({ name: '韩梅梅', idCard: idCard('370102', '19900101', '101'), phone: '13900001010' }),
        )
      ).body;
      const b = (
        await admin.post(
          '/api/customers',
          person({
            name: '韩梅梅',
            idCard: idCard('370102', '19900101', '202'),
            phone: '13900001010',
            address: '青岛市香港中路9号',
          }),
        )
      ).body;
      const contact = (await admin.post('/api/contacts', { name: '韩父', phone: '13911112222' })).body;
      assert.equal(
        (await admin.post(`/api/customers/${b.id}/contacts`, { contactId: contact.id, role: 'family' })).status,
        201,
      );
      await admin.patch(`/api/customers/${b.id}`, { job: '教师' });

      const merged = await admin.post('/api/customers/merge', {
        survivorId: a.id,
        mergedId: b.id,
        fields: { address: 'merged', idCard: 'merged' },
      });
      assert.equal(merged.status, 200);
      assert.equal(merged.body.address, '青岛市香港中路9号');
      assert.equal(merged.body.idCard, b.idCard);
      const retired = (await admin.get(`/api/customers/${b.id}`)).body;
      assert.equal(retired.status, 'merged');
      assert.equal(retired.mergedIntoId, a.id);
      assert.equal(retired.idCard, null);
      const contacts = (await admin.get(`/api/customers/${a.id}/contacts`)).body.items;
      assert.deepEqual(
        contacts.map((c: { name: string }) => c.name),
        ['韩父'],
      );
      const history = (await admin.get(`/api/customers/${a.id}/history?limit=200`)).body.items;
      assert.ok(history.some((h: { action: string }) => h.action === 'merge'));
      assert.ok(
        history.some((h: { customerId: string; changes: { job?: unknown } }) => h.customerId === b.id && h.changes.job),
        "the merged record's edits show on the survivor",
      );
      const list = (await admin.get(`/api/customers?q=13900001010`)).body.items;
      assert.deepEqual(
        list.map((c: { id: string }) => c.id),
        [a.id],
      );
      const twice = await admin.post('/api/customers/merge', { survivorId: a.id, mergedId: b.id, fields: {} });
      assert.equal(twice.status, 409);
    });

    it('answers a merge of a customer with itself with a field message', async () => {
      const res = await admin.post('/api/customers/merge', { survivorId: '1', mergedId: '1', fields: {} });
      assert.equal(res.status, 400);
      assert.ok(res.body.error.fields.mergedId);
    });
  });
}
