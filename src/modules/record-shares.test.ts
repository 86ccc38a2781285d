import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { addDays, today } from '../platform/clock.ts';
import { startTestApp, testDatabases, type TestApp } from '../testing/test-app.ts';
import type { TestClient } from '../testing/test-client.ts';

/**
 * Record-level sharing: one customer or work order shared beyond the role's scope with a person or an org unit,
 * until an expiry. Out of scope → 404; shared → 200 (numbers still masked); revoked or expired → 404 at once.
 */
for (const kind of testDatabases()) {
  describe(`record-level sharing on ${kind}`, () => {
    let app: TestApp;
    let admin: TestClient;
    let zhaolei: TestClient; // telemarketer, own scope, masked numbers
    let chenjie: TestClient; // after-sales, region scope, may act on work orders
    const ids = new Map<string, string>();
    const units = new Map<string, string>();

    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 30 });
      admin = await app.login('admin');
      zhaolei = await app.login('zhaolei');
      chenjie = await app.login('chenjie');
      for (const e of (await admin.get('/api/employees?limit=200')).body.items) ids.set(e.username, e.id);
      for (const u of (await admin.get('/api/org-units')).body.items) if (u.code) units.set(u.code, u.id);
    });
    after(() => app.close());

    async function outOfScopeCustomer(client: TestClient): Promise<string> {
      const seen = new Set(
        ((await client.get('/api/customers?limit=200')).body.items as { id: string }[]).map((c) => c.id),
      );
      const all = (await admin.get('/api/customers?limit=200')).body.items as { id: string }[];
      const id = all.find((c) => !seen.has(c.id))?.id;
      assert.ok(id, 'a customer outside the scope');
      return id;
    }

    it('shares a customer with a person: 404 before, 200 masked after, 404 after revoke', async () => {
      const id = await outOfScopeCustomer(zhaolei);
      assert.equal((await zhaolei.get(`/api/customers/${id}`)).status, 404);
      const share = await admin.post(`/api/customers/${id}/shares`, {
        employeeId: ids.get('zhaolei'),
        expiresOn: addDays(today(), 7),
      });
      assert.equal(share.status, 201, JSON.stringify(share.body));
      assert.equal(share.body.employeeName, '赵磊');

      const read = await zhaolei.get(`/api/customers/${id}`);
      assert.equal(read.status, 200);
      assert.match(read.body.phone, /^\d{3}\*{4}\d{4}$/, 'still masked');
      assert.equal(read.body.birthDate, null);
      assert.ok((await zhaolei.get('/api/customers?limit=200')).body.items.some((c: { id: string }) => c.id === id));
      const mine = (await zhaolei.get('/api/customers/shared-with-me')).body.items;
      assert.deepEqual(
        mine.map((s: { recordId: string }) => s.recordId),
        [id],
      );
      assert.match(mine[0].label, /（C\d+）/);
      // A sharee cannot see or extend the list of shares: it is for those whose own scope covers the record.
      assert.equal((await zhaolei.get(`/api/customers/${id}/shares`)).status, 404);
      assert.equal((await admin.get(`/api/customers/${id}/shares`)).body.items.length, 1);

      assert.equal((await admin.delete(`/api/customers/${id}/shares/${share.body.id}`)).status, 204);
      assert.equal((await zhaolei.get(`/api/customers/${id}`)).status, 404);
      assert.equal((await zhaolei.get('/api/customers/shared-with-me')).body.items.length, 0);
      assert.equal((await admin.delete(`/api/customers/${id}/shares/${share.body.id}`)).status, 404);

      const audit = (await admin.get(`/api/audit?entity=customer&entityId=${id}`)).body.items.map(
        (r: { action: string }) => r.action,
      );
      assert.ok(audit.includes('share') && audit.includes('unshare'));
    });

    it('shares with an org unit and everyone under it, until the end of the expiry day', async () => {
      const id = await outOfScopeCustomer(zhaolei);
      // 赵磊 works in CC-T1, a team under the call centre CC.
      const share = await admin.post(`/api/customers/${id}/shares`, { orgUnitId: units.get('CC'), expiresOn: today() });
      assert.equal(share.status, 201);
      assert.ok(new Date(share.body.expiresAt) > new Date());
      assert.equal((await zhaolei.get(`/api/customers/${id}`)).status, 200);
      // A unit elsewhere does not reach him.
      const other = await outOfScopeCustomer(zhaolei);
      await admin.post(`/api/customers/${other}/shares`, { orgUnitId: units.get('QD-FD'), expiresOn: today() });
      assert.equal((await zhaolei.get(`/api/customers/${other}`)).status, 404);

      await sql`UPDATE record_shares SET expires_at = now() - interval '1 second' WHERE id = ${share.body.id}`.execute(
        app.services.db,
      );
      assert.equal((await zhaolei.get(`/api/customers/${id}`)).status, 404, 'expired');
    });

    it('refuses a share without exactly one target, with an expiry in the past or beyond a year, or of a record out of scope', async () => {
      const id = (await admin.get('/api/customers?limit=1')).body.items[0].id;
      const both = await admin.post(`/api/customers/${id}/shares`, {
        employeeId: ids.get('zhaolei'),
        orgUnitId: units.get('CC'),
        expiresOn: today(),
      });
      assert.equal(both.status, 400);
      assert.ok(both.body.error.fields.employeeId);
      for (const expiresOn of [addDays(today(), -1), addDays(today(), 400)]) {
        const res = await admin.post(`/api/customers/${id}/shares`, { employeeId: ids.get('zhaolei'), expiresOn });
        assert.equal(res.status, 400);
        assert.ok(res.body.error.fields.expiresOn);
      }
      const nobody = await admin.post(`/api/customers/${id}/shares`, { employeeId: '999999', expiresOn: today() });
      assert.equal(nobody.status, 400);
      assert.ok(nobody.body.error.fields.employeeId);
      // 刘娜 (Qingdao) may edit customers, but not share one outside her region.
      const liuna = await app.login('liuna');
      const outside = await outOfScopeCustomer(liuna);
      const res = await liuna.post(`/api/customers/${outside}/shares`, {
        employeeId: ids.get('zhaolei'),
        expiresOn: today(),
      });
      assert.equal(res.status, 404);
      // 赵磊 has no customers:edit at all.
      assert.equal(
        (await zhaolei.post(`/api/customers/${id}/shares`, { employeeId: ids.get('liuna'), expiresOn: today() }))
          .status,
        403,
      );
    });

    it('shares a work order: the sharee reads it and acts on it as the role allows, until revoked', async () => {
      const seen = new Set(
        ((await chenjie.get('/api/work-orders?limit=200')).body.items as { id: string }[]).map((w) => w.id),
      );
      const all = (await admin.get('/api/work-orders?limit=200')).body.items as { id: string }[];
      const order = all.find((w) => !seen.has(w.id));
      assert.ok(order, 'a work order outside the after-sales region');
      assert.equal((await chenjie.get(`/api/work-orders/${order.id}`)).status, 404);
      assert.equal((await chenjie.post(`/api/work-orders/${order.id}/notes`, { note: '协助处理' })).status, 404);

      const share = await admin.post(`/api/work-orders/${order.id}/shares`, {
        employeeId: ids.get('chenjie'),
        expiresOn: addDays(today(), 1),
      });
      assert.equal(share.status, 201);
      assert.equal((await chenjie.get(`/api/work-orders/${order.id}`)).status, 200);
      assert.equal((await chenjie.post(`/api/work-orders/${order.id}/notes`, { note: '协助处理' })).status < 300, true);
      const mine = (await chenjie.get('/api/work-orders/shared-with-me')).body.items;
      assert.deepEqual(
        mine.map((s: { recordId: string }) => s.recordId),
        [order.id],
      );

      assert.equal((await admin.delete(`/api/work-orders/${order.id}/shares/${share.body.id}`)).status, 204);
      assert.equal((await chenjie.get(`/api/work-orders/${order.id}`)).status, 404);
      assert.equal((await chenjie.post(`/api/work-orders/${order.id}/notes`, { note: '再次' })).status, 404);
    });
  });
}
