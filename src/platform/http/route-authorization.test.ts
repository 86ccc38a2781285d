import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { can } from '../access/permissions.ts';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';

/** Routes anyone may call: health, sign-in, the API docs, and the portal's own sign-in and reset. */
const PUBLIC = [/^\/api\/health$/, /^\/api\/auth\/login$/, /^\/api\/docs/, /^\/api\/portal\/(login|reset)$/];
const MASKED_ROLES = ['zhaolei', 'sunli', 'wangfang'];
/** One demo employee per standard role, the account manager once per city (region scope in each region). */
const STAFF = ['zhangwei', 'liuna', 'zhouqiang', 'wangfang', 'chenjie', 'zhaolei', 'sunli'];
/** The city each region-scoped account manager works in: a fact of the demo org tree the scope walk checks. */
const CITY_OF = { zhangwei: 'JN', liuna: 'QD', zhouqiang: 'YT' } as const;

interface Route {
  method: string;
  path: string;
  /** The permission the route declares (the description's `x-permission`); none for signed-in-only and public routes. */
  permission?: string;
}

/** Runs the jobs `width` at a time. */
async function inParallel(jobs: (() => Promise<void>)[], width = 4): Promise<void> {
  const queue = [...jobs];
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (queue.length) await queue.shift()!();
    }),
  );
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
        paths: Record<string, Record<string, { 'x-permission'?: string }>>;
      };
      routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => ({
          method: method.toUpperCase(),
          path,
          permission: op['x-permission'],
        })),
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

    it('answers 403 on every route whose permission a standard role lacks, and lets it read what it may', async () => {
      assert.ok(
        routes.filter((r) => r.permission).length > 50,
        'the API description names the permission of each route (x-permission)',
      );
      const wrong: string[] = [];
      for (const user of ['admin', ...STAFF]) {
        const client = await app.login(user);
        const permissions = new Set<string>((await client.get('/api/auth/me')).body.permissions);
        const jobs = routes
          .filter((r) => !PUBLIC.some((p) => p.test(r.path)) && !r.path.startsWith('/api/portal/'))
          .map((r) => async () => {
            const allowed = !r.permission || can({ permissions }, r.permission as never);
            // Writes are only sent where they must be refused: an allowed one would act on the demo data.
            if (allowed && r.method !== 'GET') return;
            const url = fill(r.path, '1');
            const res = await client.request(
              r.method,
              url,
              r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
            );
            if (!allowed && (res.status !== 403 || res.body?.error?.code !== 'FORBIDDEN'))
              wrong.push(`${user} lacks ${r.permission}: ${r.method} ${url} → ${res.status}`);
            if (allowed && (res.status === 401 || res.status === 403 || res.status >= 500))
              wrong.push(`${user} may ${r.permission ?? 'sign in'}: ${r.method} ${url} → ${res.status}`);
          });
        await inParallel(jobs);
      }
      assert.deepEqual(wrong, []);
    });

    it('never shows, or writes to, a record outside the caller’s data scope, on any route, for any standard role', async () => {
      const admin = await app.login('admin');
      const units = (await admin.get('/api/org-units')).body.items as { id: string; code: string }[];
      const employees = (await admin.get('/api/employees?limit=200')).body.items as { id: string; username: string }[];
      const typeId = ((await admin.get('/api/work-orders/types')).body.items as { id: string }[])[0].id;
      // A marked customer (with a marked work order) in each city, and one in Qingdao managed by the telemarketer,
      // so that region, own and department scopes each have records inside and outside.
      const placements = [
        { city: 'JN' },
        { city: 'QD' },
        { city: 'YT' },
        { city: 'QD', manager: employees.find((e) => e.username === 'zhaolei')!.id },
      ];
      const markers: { name: string; city: string; customerId: string; workOrderId: string }[] = [];
      for (const [i, place] of placements.entries()) {
        const name = `范围标记${place.city}${i}${Math.random().toString(36).slice(2, 8)}`;
        const customer = await admin.post('/api/customers', {
          name,
          phone: `1370000${String(7000 + i)}`,
          category: 'enterprise',
          regionId: units.find((u) => u.code === place.city)!.id,
          ...(place.manager ? { accountManagerId: place.manager } : {}),
        });
        assert.equal(customer.status, 201, JSON.stringify(customer.body));
        const order = await admin.post('/api/work-orders', {
          customerId: customer.body.id,
          typeId,
          businessType: 'broadband',
          priority: 'normal',
          contactPhone: '13912345678',
          description: `${name} 宽带无法上网`,
        });
        assert.equal(order.status, 201, JSON.stringify(order.body));
        markers.push({ name, city: place.city, customerId: customer.body.id, workOrderId: order.body.id });
      }
      const ids = markers.flatMap((m) => [m.customerId, m.workOrderId]);
      const reads = routes.filter(
        (r) => r.method === 'GET' && !PUBLIC.some((p) => p.test(r.path)) && !r.path.startsWith('/api/portal/'),
      );
      const byId = routes.filter((r) => /^\/api\/(customers|work-orders)\/\{id\}/.test(r.path));
      const leaks: string[] = [];
      for (const user of STAFF) {
        const client = await app.login(user);
        // What the role may see is what its customer list shows (paged to the end); every other route must agree.
        const visible = new Set<string>();
        for (let cursor: string | null = ''; cursor !== null; ) {
          const page: { status: number; body: { items: { id: string }[]; nextCursor?: string | null } } =
            await client.get(`/api/customers?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
          assert.equal(page.status, 200);
          for (const c of page.body.items) visible.add(c.id);
          cursor = page.body.nextCursor ?? null;
        }
        const inside = markers.filter((m) => visible.has(m.customerId));
        const outside = markers.filter((m) => !visible.has(m.customerId));
        // The list itself against the demo's facts: a city's account manager sees that city's markers only.
        const city = CITY_OF[user as keyof typeof CITY_OF];
        if (city)
          assert.deepEqual(
            markers.map((m) => visible.has(m.customerId)),
            markers.map((m) => m.city === city),
            `${user} sees the markers of ${city} only`,
          );
        const shown = new Set<string>();
        const jobs = reads.flatMap((r) =>
          (r.path.includes('{') ? ids : ['']).map((id) => async () => {
            const url = fill(r.path, id);
            const res = await client.request('GET', url);
            const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
            for (const m of inside) if (text.includes(m.name)) shown.add(m.name);
            for (const m of outside)
              if (text.includes(m.name) || text.includes(`"customerId":"${m.customerId}"`))
                leaks.push(`${user} GET ${url} → ${res.status} shows ${m.city} marker ${m.name}`);
          }),
        );
        // By id, a customer's or work order's own routes answer 403 or 404 outside the scope, even where the answer
        // would not name it (an empty contact list, a balance).
        for (const r of byId.filter((x) => x.method === 'GET'))
          for (const m of outside)
            jobs.push(async () => {
              const url = fill(r.path, r.path.startsWith('/api/customers/') ? m.customerId : m.workOrderId);
              const res = await client.request('GET', url);
              if (res.status < 300) leaks.push(`${user} GET ${url} → ${res.status} reads outside the scope`);
            });
        for (const r of byId.filter((x) => x.method !== 'GET'))
          for (const m of outside)
            jobs.push(async () => {
              const url = fill(r.path, r.path.startsWith('/api/customers/') ? m.customerId : m.workOrderId);
              const res = await client.request(r.method, url, r.method === 'DELETE' ? undefined : {});
              if (res.status < 300) leaks.push(`${user} ${r.method} ${url} → ${res.status} writes outside the scope`);
            });
        await inParallel(jobs);
        // The walk proves something only if the same routes do show what is inside the scope.
        if (inside.length)
          assert.deepEqual(
            [...shown].sort(),
            inside.map((m) => m.name).sort(),
            `${user} is shown its own markers somewhere`,
          );
      }
      assert.deepEqual(leaks, []);
      // And the refused writes changed nothing.
      for (const m of markers) {
        const res = await admin.get(`/api/customers/${m.customerId}`);
        assert.equal(res.body.name, m.name);
        assert.equal(res.body.status, 'active');
      }
    });
  });
}
