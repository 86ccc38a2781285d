import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';
import { customerOnPackage, upload, USAGE_HEADER, USAGE_MAPPING } from '../billing/billing-test-support.ts';
import {
  addMonths,
  firstDayOfMonth,
  now,
  startOfBusinessDay,
  thisMonth,
  toBusinessDateTime,
} from '../../platform/clock.ts';

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
    const res = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.getSetCookie().find((c) => c.startsWith('lx_portal='));
    if (set) this.cookie = set.split(';')[0];
    const text = await res.text();
    const parsed = text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    if (path === '/api/portal/login' && res.status === 200) this.csrf = parsed.csrfToken;
    return { status: res.status, body: parsed, setCookie: set };
  }
}

const billedMonth = addMonths(thisMonth(), -2);

for (const kind of testDatabases()) {
  describe(`self-service portal on ${kind}`, () => {
    let app: TestApp;
    let admin: TestClient;
    let customerId: string;
    let otherId: string;
    let lockedId: string;
    const types = new Map<string, string>();
    const org = new Map<string, string>();
    const staff = new Map<string, string>();
    const login = async (phone = '13600000001', password = 'portal-pass-1') => {
      const c = new PortalClient(app.baseUrl);
      const res = await c.call('POST', '/api/portal/login', { phone, password });
      return { c, res };
    };
    const fault = (extra: Record<string, unknown> = {}) => ({
      typeId: types.get('fault'),
      subtypeId: types.get('broadband_down'),
      businessType: 'broadband',
      description: '宽带无法上网，光猫红灯闪烁',
      contactPhone: '13600000001',
      ...extra,
    });

    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 0 });
      admin = await app.login('admin');
      // Ten minutes of calls earlier this month (on the 1st at 00:30, half an hour ago), a package since a year ago.
      const callAt = toBusinessDateTime(
        new Date(Math.max(now().getTime() - 3_600_000, startOfBusinessDay(firstDayOfMonth(thisMonth())).getTime())),
      );
      const since = firstDayOfMonth(addMonths(thisMonth(), -12));
      customerId = await customerOnPackage(app, admin, '13600000001', [{ code: '5G-GOLD', startsOn: since }]);
      otherId = await customerOnPackage(app, admin, '13600000002', [{ code: '5G-SILVER', startsOn: since }]);
      lockedId = await customerOnPackage(app, admin, '13600000003', [{ code: '5G-SILVER', startsOn: since }]);
      await upload(
        admin,
        'usage',
        `${USAGE_HEADER}\nP1,13600000001,call,local,out,${callAt},600,busy\nP2,13600000002,call,local,out,${callAt},600,busy`,
        { mapping: USAGE_MAPPING },
      );
      await admin.post('/api/billing/runs', { month: billedMonth });
      for (const [id, password] of [
        [customerId, 'portal-pass-1'],
        [otherId, 'portal-pass-2'],
        [lockedId, 'portal-pass-3'],
      ]) {
        assert.equal((await admin.post(`/api/customers/${id}/portal-login`, { password })).status, 200);
      }
      for (const t of (await admin.get('/api/work-orders/types')).body.items) types.set(t.code, t.id);
      for (const u of (await admin.get('/api/org-units')).body.items) if (u.code) org.set(u.code, u.id);
      for (const e of await app.services.db.selectFrom('employees').select(['id', 'username']).execute())
        staff.set(e.username, e.id);
      // The first customer is looked after by an account manager; the second has none.
      assert.equal(
        (await admin.patch(`/api/customers/${customerId}`, { accountManagerId: staff.get('zhangwei') })).status,
        200,
      );
      assert.equal((await admin.patch(`/api/customers/${otherId}`, { accountManagerId: null })).status, 200);
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
      assert.deepEqual(
        bills.map((b: { month: string; total: string }) => [b.month, b.total]),
        [[billedMonth, '80.00']],
      );
    });

    it('refuses a wrong password, and locks the login after five', async () => {
      for (let i = 0; i < 4; i++) assert.equal((await login('13600000003', 'wrong-password')).res.status, 401);
      assert.equal((await login('13600000003', 'wrong-password')).res.status, 401);
      const locked = await login('13600000003', 'portal-pass-3');
      assert.equal(locked.res.status, 429);
      assert.equal(locked.res.body.error.code, 'ACCOUNT_LOCKED');
      assert.match(locked.res.body.error.message, /15/);
    });

    it('unlocks a locked login when the branch sets a new password', async () => {
      assert.equal((await login('13600000003', 'portal-pass-3')).res.status, 429);
      assert.equal(
        (await admin.post(`/api/customers/${lockedId}/portal-login`, { password: 'portal-pass-3b' })).status,
        200,
      );
      assert.equal((await login('13600000003', 'portal-pass-3b')).res.status, 200);
    });

    it('keeps a staff lockout and a portal lockout of the same name apart', async () => {
      const phone = '13600000004';
      const customer = await customerOnPackage(app, admin, phone, []);
      assert.equal(
        (await admin.post(`/api/customers/${customer}/portal-login`, { password: 'portal-pass-4' })).status,
        200,
      );
      assert.equal(
        (
          await admin.post('/api/employees', {
            username: phone,
            password: 'staff-pass-4',
            name: '同号员工',
            orgUnitId: org.get('JN'),
          })
        ).status,
        201,
      );
      const staffLogin = (password: string) => app.anonymous().post('/api/auth/login', { username: phone, password });
      // Five wrong staff passwords lock the employee's login, not the customer's portal login that reads the same ...
      for (let i = 0; i < 5; i++) assert.equal((await staffLogin(`wrong-${i}`)).status, 401);
      assert.equal((await staffLogin('staff-pass-4')).status, 429);
      assert.equal((await login(phone, 'portal-pass-4')).res.status, 200);
      // ... and five wrong portal passwords lock the portal login, not the staff one: once the staff lock runs out, the employee signs in.
      for (let i = 0; i < 5; i++) assert.equal((await login(phone, `wrong-${i}`)).res.status, 401);
      assert.equal((await login(phone, 'portal-pass-4')).res.status, 429);
      await sql`UPDATE login_attempts SET at = at - interval '16 minutes' WHERE account_kind = 'staff' AND login = ${phone}`.execute(
        app.services.db,
      );
      assert.equal((await staffLogin('staff-pass-4')).status, 200);
      assert.equal((await login(phone, 'portal-pass-4')).res.status, 429);
    });

    it('keeps staff and customer sessions apart', async () => {
      // A staff session does not open the portal ...
      assert.equal((await admin.get('/api/portal/me')).status, 401);
      assert.equal((await admin.get('/api/portal/work-orders')).status, 401);
      // ... and a portal session does not open staff routes.
      const { c } = await login();
      assert.equal((await c.call('GET', `/api/customers/${customerId}`)).status, 401);
      assert.equal((await c.call('GET', '/api/work-orders/types')).status, 401);
    });

    it('lets a customer change their address, e-mail and backup phone, recorded in the customer history', async () => {
      const { c } = await login();
      const res = await c.call('PATCH', '/api/portal/me', {
        address: '济南市历下区经十路100号',
        email: 'jifei@example.com',
        backupPhone: '0531-88001234',
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body, {
        address: '济南市历下区经十路100号',
        email: 'jifei@example.com',
        backupPhone: '0531-88001234',
      });
      const seen = (await admin.get(`/api/customers/${customerId}`)).body;
      assert.deepEqual(
        [seen.address, seen.email, seen.backupPhone],
        ['济南市历下区经十路100号', 'jifei@example.com', '0531-88001234'],
      );
      assert.equal((await c.call('GET', '/api/portal/me')).body.customer.email, 'jifei@example.com');
      const history = (await admin.get(`/api/customers/${customerId}/history`)).body.items;
      const own = history.find((h: { actorName: string }) => h.actorName.startsWith('自助服务'));
      assert.deepEqual(Object.keys(own.changes).sort(), ['address', 'backupPhone', 'email']);
    });

    it('refuses bad contact details with field messages, and never changes the phone the customer signs in with', async () => {
      const { c } = await login();
      const bad = await c.call('PATCH', '/api/portal/me', { email: 'jifei-at-example', backupPhone: '12' });
      assert.equal(bad.status, 400);
      assert.ok(bad.body.error.fields.email);
      assert.match(bad.body.error.fields.backupPhone, /mobile/);
      const phone = await c.call('PATCH', '/api/portal/me', { phone: '13900009999' });
      assert.equal(phone.status, 400);
      assert.equal((await admin.get(`/api/customers/${customerId}`)).body.phone, '13600000001');
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

    it('offers only faults and complaints, with their sub-types, and the businesses the service desk uses', async () => {
      const { c } = await login();
      const options = (await c.call('GET', '/api/portal/work-order-options', undefined, { 'accept-language': 'en' }))
        .body;
      assert.deepEqual(
        options.types.map((t: { code: string }) => t.code),
        ['fault', 'complaint'],
      );
      const faultType = options.types.find((t: { code: string }) => t.code === 'fault');
      assert.equal(faultType.name, 'Fault repair');
      assert.ok(
        faultType.subtypes.some(
          (s: { code: string; name: string }) => s.code === 'broadband_down' && s.name === 'Broadband cannot connect',
        ),
      );
      const businessesOf = (code: string) =>
        faultType.subtypes.find((s: { code: string }) => s.code === code).businessTypes;
      assert.deepEqual(businessesOf('broadband_down'), ['broadband']);
      assert.deepEqual(businessesOf('cable_cut'), ['optical_cable'], 'an optical-cable cut is no broadband fault');
      assert.deepEqual(options.businessTypes, [
        'broadband',
        'fixed_line',
        'mobile',
        'iptv',
        'dedicated_line',
        'optical_cable',
      ]);
    });

    it('files a fault as a work order routed to the right department, with SLA deadlines, accepted by the account manager', async () => {
      const { c } = await login();
      const filed = await c.call('POST', '/api/portal/work-orders', fault());
      assert.equal(filed.status, 201, JSON.stringify(filed.body));
      assert.match(filed.body.orderNo, /^WO\d+$/);
      assert.equal(filed.body.status, 'dispatched');
      const order = (await admin.get(`/api/work-orders/${filed.body.id}`)).body;
      assert.equal(order.customerId, customerId);
      assert.equal(order.departmentId, org.get('JN-ANM'));
      assert.equal(order.channel, 'portal');
      assert.equal(order.acceptedById, staff.get('zhangwei'));
      assert.equal(order.subtypeName, '宽带无法上网');
      const minutes = (due: string) => Math.round((Date.parse(due) - Date.parse(order.createdAt)) / 60000);
      assert.deepEqual([minutes(order.responseDue), minutes(order.resolveDue)], [120, 1440]);
      const timeline = (await admin.get(`/api/work-orders/${filed.body.id}/timeline`)).body.items;
      assert.deepEqual([timeline[0].action, timeline[0].actorName], ['create', '自助服务：计费0001']);
      // The handling centre has it in its queue and was told.
      const handler = await app.login('gaojun');
      const queue = (await handler.get('/api/work-orders?queue=department')).body.items;
      assert.ok(queue.some((w: { id: string }) => w.id === filed.body.id));
      assert.ok(
        (await handler.get('/api/work-orders/notifications')).body.items.some(
          (n: { workOrderId: string }) => n.workOrderId === filed.body.id,
        ),
      );
      const audit = await app.services.db
        .selectFrom('audit_log')
        .select(['actor_name', 'changes'])
        .where('entity', '=', 'work_order')
        .where('entity_id', '=', filed.body.id)
        .executeTakeFirstOrThrow();
      assert.equal(audit.actor_name, '自助服务：计费0001');
    });

    it("names the customer on the order's timeline in the reader's language, whatever language they filed it in", async () => {
      const { c } = await login();
      const filed = await c.call(
        'POST',
        '/api/portal/work-orders',
        fault({ description: 'Broadband down, the modem light blinks red' }),
        { 'accept-language': 'en' },
      );
      assert.equal(filed.status, 201, JSON.stringify(filed.body));
      const creator = async (language: string) => {
        const [first] = (
          await admin.request('GET', `/api/work-orders/${filed.body.id}/timeline`, undefined, {
            'accept-language': language,
          })
        ).body.items;
        return [first.action, first.actorName];
      };
      assert.deepEqual(await creator('en'), ['create', 'Self-service: 计费0001']);
      assert.deepEqual(await creator('zh-CN,zh;q=0.9'), ['create', '自助服务：计费0001']);
    });

    it("gives a customer without an account manager their region's after-sales agent as the accepting agent", async () => {
      const { c } = await login('13600000002', 'portal-pass-2');
      const filed = await c.call('POST', '/api/portal/work-orders', {
        typeId: types.get('complaint'),
        subtypeId: types.get('billing_dispute'),
        businessType: 'mobile',
        description: '上月账单多扣了流量费',
        contactPhone: '13600000002',
      });
      assert.equal(filed.status, 201, JSON.stringify(filed.body));
      const order = (await admin.get(`/api/work-orders/${filed.body.id}`)).body;
      assert.equal(order.acceptedByName, '陈杰');
      assert.equal(order.departmentId, org.get('WLM'));
    });

    it('leaves an order no rule routes waiting for the accepting agent, who is told to dispatch it', async () => {
      const rules = (await admin.get('/api/routing-rules')).body.items as { id: string; businessType: string | null }[];
      const fixedLine = rules.filter((r) => r.businessType === 'fixed_line');
      for (const r of fixedLine)
        assert.equal((await admin.patch(`/api/routing-rules/${r.id}`, { ...r, active: false })).status, 200);
      try {
        const { c } = await login();
        const filed = await c.call(
          'POST',
          '/api/portal/work-orders',
          fault({ businessType: 'fixed_line', subtypeId: types.get('fixed_line_down'), description: '座机没有拨号音' }),
        );
        assert.equal(filed.status, 201, JSON.stringify(filed.body));
        assert.equal(filed.body.status, 'new');
        const manager = await app.login('zhangwei');
        const told = (await manager.get('/api/work-orders/notifications')).body.items;
        assert.ok(
          told.some(
            (n: { workOrderId: string; message: string }) =>
              n.workOrderId === filed.body.id && /请您派单/.test(n.message),
          ),
        );
        assert.ok(
          (await manager.get('/api/work-orders?queue=mine')).body.items.some(
            (w: { id: string }) => w.id === filed.body.id,
          ),
        );
      } finally {
        for (const r of fixedLine) await admin.patch(`/api/routing-rules/${r.id}`, { ...r, active: true });
      }
    });

    it('shows the customer staff moving the order, with the resolution but without internal notes or staff names', async () => {
      const { c } = await login();
      const filed = (
        await c.call(
          'POST',
          '/api/portal/work-orders',
          fault({ description: '网速很慢', subtypeId: types.get('broadband_slow') }),
        )
      ).body;
      const handler = await app.login('gaojun');
      assert.equal((await handler.post(`/api/work-orders/${filed.id}/transitions`, { action: 'start' })).status, 200);
      let mine = (await c.call('GET', '/api/portal/work-orders')).body.items;
      assert.equal(mine.find((w: { id: string }) => w.id === filed.id).status, 'in_progress');
      assert.equal(
        (await handler.post(`/api/work-orders/${filed.id}/notes`, { note: '内部：光猫型号老旧，库存不足' })).status,
        200,
      );
      assert.equal(
        (
          await handler.post(`/api/work-orders/${filed.id}/transitions`, {
            action: 'resolve',
            note: '已更换光猫，测速恢复到 300M',
          })
        ).status,
        200,
      );
      mine = (await c.call('GET', '/api/portal/work-orders')).body.items;
      assert.equal(mine.find((w: { id: string }) => w.id === filed.id).status, 'resolved');
      const detail = await c.call('GET', `/api/portal/work-orders/${filed.id}`);
      assert.equal(detail.status, 200, JSON.stringify(detail.body));
      assert.deepEqual(
        detail.body.timeline.map((e: { status: string }) => e.status),
        ['new', 'dispatched', 'in_progress', 'resolved'],
      );
      assert.equal(detail.body.timeline[1].departmentName, '济南接入网维护中心');
      assert.equal(detail.body.timeline.at(-1).note, '已更换光猫，测速恢复到 300M');
      const text = JSON.stringify(detail.body);
      assert.doesNotMatch(text, /内部|高军|张伟|acceptedBy|assignee/);
    });

    it("never shows a customer another customer's work order", async () => {
      const a = (await login()).c;
      const b = (await login('13600000002', 'portal-pass-2')).c;
      const ofA = (await a.call('POST', '/api/portal/work-orders', fault())).body;
      assert.equal((await b.call('GET', `/api/portal/work-orders/${ofA.id}`)).status, 404);
      assert.equal((await a.call('GET', `/api/portal/work-orders/${ofA.id}`)).status, 200);
      const listB = (await b.call('GET', '/api/portal/work-orders')).body.items;
      assert.ok(listB.length > 0);
      assert.ok(listB.every((w: { id: string }) => w.id !== ofA.id));
      const orders = await app.services.db
        .selectFrom('work_orders')
        .select('customer_id')
        .where(
          'id',
          'in',
          listB.map((w: { id: string }) => w.id),
        )
        .execute();
      assert.ok(orders.every((o) => o.customer_id === otherId));
    });

    it('refuses bad work-order input with field messages', async () => {
      const { c } = await login();
      const bad = await c.call(
        'POST',
        '/api/portal/work-orders',
        fault({ businessType: 'satellite', contactPhone: '123', description: ' ' }),
      );
      assert.equal(bad.status, 400);
      assert.deepEqual(Object.keys(bad.body.error.fields).sort(), ['businessType', 'contactPhone', 'description']);
      const consultation = await c.call(
        'POST',
        '/api/portal/work-orders',
        fault({ typeId: types.get('consultation'), subtypeId: undefined }),
      );
      assert.equal(consultation.status, 400);
      assert.ok(consultation.body.error.fields.typeId);
      const wrongSubtype = await c.call(
        'POST',
        '/api/portal/work-orders',
        fault({ subtypeId: types.get('billing_dispute') }),
      );
      assert.equal(wrongSubtype.status, 400);
      assert.ok(wrongSubtype.body.error.fields.subtypeId);
    });

    it('no longer has the staff page of portal requests', async () => {
      assert.equal((await admin.get('/api/portal-requests')).status, 404);
    });

    it('lets a customer set a password from a reset link once', async () => {
      const link = await admin.post(`/api/customers/${customerId}/portal-login`, {});
      assert.ok(link.body.resetToken);
      const anon = new PortalClient(app.baseUrl);
      assert.equal(
        (await anon.call('POST', '/api/portal/reset', { token: link.body.resetToken, password: 'new-portal-pass' }))
          .status,
        204,
      );
      assert.equal(
        (await anon.call('POST', '/api/portal/reset', { token: link.body.resetToken, password: 'again-portal-pass' }))
          .status,
        400,
      );
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
