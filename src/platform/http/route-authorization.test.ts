import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';

/** Routes anyone may call: health, sign-in, the API docs, and the portal's own sign-in and reset. */
const PUBLIC = [/^\/api\/health$/, /^\/api\/auth\/login$/, /^\/api\/docs/, /^\/api\/portal\/(login|reset)$/];
const MASKED_ROLES = ['zhaolei', 'sunli', 'wangfang'];

interface Route {
  method: string;
  path: string;
}

/**
 * Generated from the OpenAPI description: every route refuses an unauthenticated caller with 401, and no answer to
 * a role without `sensitive:view` — any GET, with ids of real records — holds a whole demo phone or ID-card number.
 */
for (const kind of testDatabases()) {
  describe(`every route, every masked role on ${kind}`, () => {
    let app: TestApp;
    let routes: Route[];
    let secrets: string[];
    let customerIds: string[];

    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 30 });
      const doc = (await app.anonymous().get('/api/docs/json')).body as {
        paths: Record<string, Record<string, unknown>>;
      };
      routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
      );
      const customers = await app.services.db
        .selectFrom('customers')
        .select(['id', 'phone', 'backup_phone', 'id_card'])
        .execute();
      const contacts = await app.services.db.selectFrom('contacts').select('phone').execute();
      secrets = [
        ...new Set(
          [...customers.flatMap((c) => [c.phone, c.backup_phone, c.id_card]), ...contacts.map((c) => c.phone)].filter(
            (v): v is string => Boolean(v) && v!.replace(/\D/g, '').length >= 11,
          ),
        ),
      ];
      customerIds = customers.map((c) => c.id);
      assert.ok(routes.length > 100 && secrets.length > 30);
    });
    after(() => app.close());

    const fill = (path: string, id: string) => path.replace(/\{kind\}/g, 'usage').replace(/\{[^}]+\}/g, id);

    it('answers 401 to an unauthenticated caller on every route that is not public', async () => {
      const open: string[] = [];
      for (const r of routes) {
        if (PUBLIC.some((p) => p.test(r.path))) continue;
        const res = await app
          .anonymous()
          .request(r.method, fill(r.path, '1'), r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
        if (res.status !== 401) open.push(`${r.method} ${r.path} → ${res.status}`);
      }
      assert.deepEqual(open, []);
    });

    it('never gives a whole phone or ID-card number to a role without sensitive:view', async () => {
      const leaks: string[] = [];
      const gets = routes.filter(
        (r) => r.method === 'GET' && !PUBLIC.some((p) => p.test(r.path)) && !r.path.startsWith('/api/portal/'),
      );
      for (const user of MASKED_ROLES) {
        const client: TestClient = await app.login(user);
        for (const r of gets) {
          const ids = r.path.includes('{') ? customerIds.slice(0, 10) : [''];
          for (const id of ids) {
            const res = await client.request('GET', fill(r.path, id));
            assert.ok(res.status < 500, `${user} GET ${fill(r.path, id)} → ${res.status}`);
            const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
            for (const secret of secrets)
              if (text.includes(secret)) leaks.push(`${user} GET ${fill(r.path, id)} shows ${secret}`);
          }
        }
      }
      assert.deepEqual(leaks, []);
    });
  });
}
