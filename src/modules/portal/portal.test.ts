import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';
import { customerOnPackage, upload, USAGE_HEADER, USAGE_MAPPING } from '../billing/billing-test-support.ts';

/** A customer's browser: keeps the portal cookie and sends the portal's CSRF token. */
class PortalClient {
  cookie?: string;
  csrf?: string;
  readonly baseUrl: string;
  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }
  async call(method: string, path: string, body?: unknown, extra: Record<string, string> = {}) {
    const headers: Record<string, string> = { ...extra };
    if (this.cookie) headers.cookie ??= this.cookie;
    if (this.csrf && method !== 'GET') headers['x-portal-csrf'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const set = res.headers.getSetCookie().find((c) => c.startsWith('lx_portal='));
    if (set) this.cookie = set.split(';')[0];
    const text = await res.text();
    const parsed = text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    if (path === '/api/portal/login' && res.status === 200) this.csrf = parsed.csrfToken;
    return { status: res.status, body: parsed, setCookie: set };
  }
}

for (const kind of testDatabases()) {
  describe(`self-service portal on ${kind}`, () => {
    let app: TestApp;
    let admin: TestClient;
    let customerId: string;
    let otherId: string;
    const login = async (phone = '13600000001', password = 'portal-pass-1') => {
      const c = new PortalClient(app.baseUrl);
      const res = await c.call('POST', '/api/portal/login', { phone, password });
      return { c, res };
    };

    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 0 });
      admin = await app.login('admin');
      const thisMonth = new Date().toISOString().slice(0, 8) + '01';
      customerId = await customerOnPackage(app, admin, '13600000001', [{ code: '5G-GOLD', startsOn: '2026-01-01' }]);
      otherId = await customerOnPackage(app, admin, '13600000002', [{ code: '5G-SILVER', startsOn: '2026-01-01' }]);
      await upload(admin, 'usage', `${USAGE_HEADER}\nP1,13600000001,call,local,out,${thisMonth} 08:00:00,600,busy\nP2,13600000002,call,local,out,${thisMonth} 08:00:00,600,busy`, { mapping: USAGE_MAPPING });
      await admin.post('/api/billing/runs', { month: '2026-10' });
      assert.equal((await admin.post(`/api/customers/${customerId}/portal-login`, { password: 'portal-pass-1' })).status, 200);
      assert.equal((await admin.post(`/api/customers/${otherId}/portal-login`, { password: 'portal-pass-2' })).status, 200);
    });
    after(() => app.close());

    it('signs a customer in with phone and password and shows their package, usage, balance and bills', async () => {
      const { c, res } = await login();
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.match(res.setCookie!, /Path=\/api\/portal/);
      assert.match(res.setCookie!, /HttpOnly/);
      const me = (await c.call('GET', '/api/portal/me')).body;
      assert.equal(me.customer.phone, '13600000001');
      assert.equal(me.package.name, '5G龙卡金卡');
      assert.equal(me.package.includedMinutes, 2000);
      assert.equal(me.usage.minutesUsed, 10);
      assert.equal(me.balance, '-80.00');
      const bills = (await c.call('GET', '/api/portal/bills')).body.items;
      assert.deepEqual(bills.map((b: { month: string; total: string }) => [b.month, b.total]), [['2026-10', '80.00']]);
    });

    it('refuses a wrong password, and locks the login after five', async () => {
      for (let i = 0; i < 4; i++) assert.equal((await login('13600000002', 'wrong-password')).res.status, 401);
      assert.equal((await login('13600000002', 'wrong-password')).res.status, 401);
      const locked = await login('13600000002', 'portal-pass-2');
      assert.equal(locked.res.status, 429);
    });

    it('keeps staff and customer sessions apart', async () => {
      // A staff session does not open the portal ...
      assert.equal((await admin.get('/api/portal/me')).status, 401);
      // ... and a portal session does not open staff routes.
      const { c } = await login();
      const staff = await c.call('GET', `/api/customers/${customerId}`);
      assert.equal(staff.status, 401);
    });

    it('lets a customer change their address, recorded in the customer history', async () => {
      const { c } = await login();
      const res = await c.call('PATCH', '/api/portal/me', { address: '济南市历下区经十路100号' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal((await admin.get(`/api/customers/${customerId}`)).body.address, '济南市历下区经十路100号');
      const history = (await admin.get(`/api/customers/${customerId}/history`)).body.items;
      assert.ok(history.some((h: { actorName: string; changes: Record<string, unknown> }) => h.actorName.startsWith('自助服务') && 'address' in h.changes));
    });

    it('lets a customer write while a staff session is open in the same browser', async () => {
      const { c } = await login();
      const both = `${c.cookie}; ${admin.cookie}`;
      const res = await c.call('PATCH', '/api/portal/me', { address: '济南市历下区泉城路1号' }, { cookie: both });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    });

    it('refuses a write without the portal CSRF token', async () => {
      const { c } = await login();
      c.csrf = undefined;
      const res = await c.call('PATCH', '/api/portal/me', { address: '别处' });
      assert.equal(res.status, 403);
    });

    it('files a fault that staff see and answer, and the customer follows its status', async () => {
      const { c } = await login();
      const filed = await c.call('POST', '/api/portal/requests', { kind: 'fault', subject: '宽带无法上网', description: '从昨天晚上开始光猫红灯' });
      assert.equal(filed.status, 201, JSON.stringify(filed.body));
      assert.equal(filed.body.status, 'open');
      const seen = (await admin.get('/api/portal-requests?status=open')).body.items;
      assert.ok(seen.some((r: { id: string }) => r.id === filed.body.id));
      const yantai = await app.login('zhouqiang');
      assert.equal((await yantai.get('/api/portal-requests')).body.items.length, 0);
      assert.equal((await yantai.post(`/api/portal-requests/${filed.body.id}/answer`, { status: 'resolved' })).status, 404);
      await admin.post(`/api/portal-requests/${filed.body.id}/answer`, { status: 'in_progress', reply: '已派维修人员' });
      const mine = (await c.call('GET', '/api/portal/requests')).body.items;
      assert.deepEqual([mine[0].status, mine[0].reply], ['in_progress', '已派维修人员']);
    });

    it('lets a customer set a password from a reset link once', async () => {
      const link = await admin.post(`/api/customers/${customerId}/portal-login`, {});
      assert.ok(link.body.resetToken);
      const anon = new PortalClient(app.baseUrl);
      assert.equal((await anon.call('POST', '/api/portal/reset', { token: link.body.resetToken, password: 'new-portal-pass' })).status, 204);
      assert.equal((await anon.call('POST', '/api/portal/reset', { token: link.body.resetToken, password: 'again-portal-pass' })).status, 400);
      assert.equal((await login('13600000001', 'new-portal-pass')).res.status, 200);
      assert.equal((await login('13600000001', 'portal-pass-1')).res.status, 401);
    });

    it('shows a customer only their own data', async () => {
      const { c } = await login('13600000001', 'new-portal-pass');
      const me = (await c.call('GET', '/api/portal/me')).body;
      assert.equal(me.customer.customerNo, (await admin.get(`/api/customers/${customerId}`)).body.customerNo);
      const bills = (await c.call('GET', '/api/portal/bills')).body.items;
      assert.ok(bills.every((b: { total: string }) => b.total === '80.00'));
    });
  });
}
