import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';

interface BellItem {
  key: string;
  kind: string;
  message: string;
  link: string;
  read: boolean;
}

/** Opens the live socket as `client` (Node's WebSocket takes headers: the session cookie). */
function openLive(app: TestApp, client: TestClient): Promise<{ socket: WebSocket; next: () => Promise<string> }> {
  const url = `${app.baseUrl.replace('http', 'ws')}/api/notifications/live`;
  const init = { headers: { cookie: client.cookie ?? '' } } as unknown as string[];
  const socket = new WebSocket(url, init);
  const messages: string[] = [];
  let waiting: ((m: string) => void) | undefined;
  socket.addEventListener('message', (e) => {
    const text = String(e.data);
    if (waiting) {
      waiting(text);
      waiting = undefined;
    } else messages.push(text);
  });
  const next = () =>
    messages.length ? Promise.resolve(messages.shift()!) : new Promise<string>((resolve) => (waiting = resolve));
  return new Promise((resolve, reject) => {
    socket.addEventListener('open', () => resolve({ socket, next }));
    socket.addEventListener('error', () => reject(new Error('the socket did not open')));
  });
}

for (const kind of testDatabases()) {
  describe(`the notifications bell on ${kind}`, () => {
    let app: TestApp;
    let admin: TestClient;
    let zhangwei: TestClient;

    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 40 });
      admin = await app.login('admin');
      zhangwei = await app.login('zhangwei');
    });
    after(() => app.close());

    it('tells an account manager live about a retention task assigned to them, then marks it read', async () => {
      const me = (await zhangwei.get('/api/auth/me')).body.employee.id as string;
      const customers = (await zhangwei.get('/api/customers?limit=200&status=active')).body.items as {
        id: string;
        name: string;
        accountManagerId: string | null;
      }[];
      const target = customers.find((c) => c.accountManagerId === me)!;
      assert.ok(target, 'zhangwei manages a demo customer');
      await zhangwei.post('/api/notifications/read');
      assert.equal((await zhangwei.get('/api/notifications')).body.unread, 0);

      const live = await openLive(app, zhangwei);
      try {
        const started = await admin.post('/api/retention-tasks', { customerId: target.id, offer: '赠送 10GB 流量' });
        assert.equal(started.status, 201, JSON.stringify(started.body));
        assert.deepEqual(JSON.parse(await live.next()), { topic: 'notifications' });
      } finally {
        live.socket.close();
      }
      const bell = (await zhangwei.get('/api/notifications')).body as { items: BellItem[]; unread: number };
      assert.equal(bell.unread, 1);
      const item = bell.items.find((i) => i.kind === 'retention_task' && !i.read)!;
      assert.equal(item.message, `新的挽留任务：${target.name}`);
      assert.equal(item.link, '/churn/retention');
      // The assigner is not told about their own work.
      assert.ok(!(await admin.get('/api/notifications')).body.items.some((i: BellItem) => i.kind === 'retention_task'));

      assert.equal((await zhangwei.post('/api/notifications/read')).status, 200);
      const after = (await zhangwei.get('/api/notifications')).body as { items: BellItem[]; unread: number };
      assert.equal(after.unread, 0);
      assert.ok(after.items.every((i) => i.read));
    });

    it('holds the service desk’s notifications too', async () => {
      const customer = (await admin.get('/api/customers?limit=1&status=active')).body.items[0] as { id: string };
      const type = (await admin.get('/api/work-orders/types')).body.items[0] as { id: string };
      const created = await admin.post('/api/work-orders', {
        customerId: customer.id,
        typeId: type.id,
        businessType: 'broadband',
        contactPhone: '13800138000',
        description: '宽带无法上网',
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const told = await app.services.db
        .selectFrom('work_order_notifications as n')
        .innerJoin('employees as e', 'e.id', 'n.employee_id')
        .select(['n.id', 'e.username'])
        .where('n.work_order_id', '=', created.body.id)
        .executeTakeFirst();
      assert.ok(told, 'the new order notified someone');
      const bell = (await (await app.login(told.username)).get('/api/notifications')).body.items as BellItem[];
      const item = bell.find((i) => i.key === `wo-${told.id}`);
      assert.ok(item && !item.read);
      assert.equal(item.link, `/work-orders/${created.body.id}`);
    });

    it('refuses the live socket without a session', async () => {
      await assert.rejects(openLive(app, app.anonymous()));
    });
  });
}
