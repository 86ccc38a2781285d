import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { forgetAllIdentities } from '../../platform/access/context-cache.ts';
import { addDays, today } from '../../platform/clock.ts';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';

/** API tokens with an expiry day, read-only, or limited to some modules (route prefixes). */
for (const kind of testDatabases()) {
  describe(`API token expiry and scopes on ${kind}`, () => {
    let app: TestApp;
    let admin: TestClient;

    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 5 });
      admin = await app.login('admin');
    });
    after(() => app.close());

    async function integrationWith(limits: Record<string, unknown>) {
      const created = await admin.post('/api/api-tokens', { name: '对接', ...limits });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const client = app.anonymous();
      client.headers.authorization = `Bearer ${created.body.token}`;
      return { client, token: created.body };
    }

    it('stops working after its last day with 401 API_TOKEN_EXPIRED', async () => {
      const { client, token } = await integrationWith({ expiresOn: today() });
      assert.equal(token.readOnly, false);
      assert.ok(new Date(token.expiresAt) > new Date());
      assert.equal((await client.get('/api/customers?limit=1')).status, 200);
      await sql`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = ${token.id}`.execute(
        app.services.db,
      );
      forgetAllIdentities();
      const expired = await client.get('/api/customers?limit=1');
      assert.equal(expired.status, 401);
      assert.equal(expired.body.error.code, 'API_TOKEN_EXPIRED');
      const listed = (await admin.get('/api/api-tokens')).body.items.find((t: { id: string }) => t.id === token.id);
      assert.ok(listed.expiresAt);
    });

    it('refuses an expiry day in the past, and a module that is not a route prefix, at the field', async () => {
      const past = await admin.post('/api/api-tokens', { name: 'x', expiresOn: addDays(today(), -1) });
      assert.equal(past.status, 400);
      assert.ok(past.body.error.fields.expiresOn);
      const bad = await admin.post('/api/api-tokens', { name: 'x', modules: ['/api/customers'] });
      assert.equal(bad.status, 400);
      assert.ok(bad.body.error.fields['modules.0']);
    });

    it('lets a read-only token read but not write (403 API_TOKEN_READ_ONLY)', async () => {
      const { client } = await integrationWith({ readOnly: true });
      assert.equal((await client.get('/api/customers?limit=1')).status, 200);
      const write = await client.post('/api/contacts', { name: '只读令牌' });
      assert.equal(write.status, 403);
      assert.equal(write.body.error.code, 'API_TOKEN_READ_ONLY');
      const count = await sql<{ n: string }>`SELECT count(*) AS n FROM contacts WHERE name = '只读令牌'`.execute(
        app.services.db,
      );
      assert.equal(Number(count.rows[0].n), 0);
    });

    it('lets a module-limited token call only those route prefixes (403 API_TOKEN_OUT_OF_SCOPE)', async () => {
      const { client, token } = await integrationWith({ modules: ['contacts', 'customers', 'contacts'] });
      assert.deepEqual(token.modules, ['contacts', 'customers']);
      assert.equal((await client.get('/api/customers?limit=1')).status, 200);
      assert.equal((await client.post('/api/contacts', { name: '范围内' })).status, 201);
      const outside = await client.get('/api/employees');
      assert.equal(outside.status, 403);
      assert.equal(outside.body.error.code, 'API_TOKEN_OUT_OF_SCOPE');
      assert.match(outside.body.error.message, /employees/);
      // A token without limits still reaches every route its employee may call.
      const { client: open } = await integrationWith({});
      assert.equal((await open.get('/api/employees')).status, 200);
    });

    it('audits the limits a token was created with', async () => {
      const { token } = await integrationWith({ readOnly: true, modules: ['customers'], expiresOn: today() });
      const row = (await admin.get(`/api/audit?entity=api_token&entityId=${token.id}`)).body.items[0];
      assert.deepEqual(row.changes.readOnly, [null, true]);
      assert.deepEqual(row.changes.modules, [null, ['customers']]);
      assert.equal(row.changes.expiresAt[1], token.expiresAt);
    });
  });
}
