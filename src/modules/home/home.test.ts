import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { today } from '../../platform/clock.ts';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';

for (const kind of testDatabases()) {
  describe(`home page on ${kind}`, () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 40 });
    });
    after(() => app.close());

    it('shows an account manager the win-back task an admin set for them today, and no key figures without stats', async () => {
      const admin = await app.login('admin');
      const zhangwei = await app.login('zhangwei');
      const me = (await zhangwei.get('/api/auth/me')).body;
      const customer = (await zhangwei.get('/api/customers?limit=1&status=active')).body.items[0];
      const task = await admin.post('/api/retention-tasks', {
        customerId: customer.id,
        offer: '宽带提速半年',
        dueDate: today(),
        assigneeId: me.employee.id,
      });
      assert.equal(task.status, 201, JSON.stringify(task.body));
      const home = await zhangwei.get('/api/home');
      assert.equal(home.status, 200);
      assert.equal(home.body.today, today());
      const found = home.body.retentionTasks.find((t: { id: string }) => t.id === task.body.id);
      assert.ok(found, 'the task is on the home page');
      assert.equal(found.customerNo, customer.customerNo);
      assert.ok(Array.isArray(home.body.atRisk));
    });

    it('gives each role only the parts its permissions allow', async () => {
      const admin = (await (await app.login('admin')).get('/api/home')).body;
      assert.ok(admin.keyFigures && typeof admin.keyFigures.active === 'number' && admin.keyFigures.active > 0);
      assert.deepEqual(
        admin.queues.map((q: { queue: string }) => q.queue),
        ['mine', 'department', 'return_visit'],
      );
      const telemarketer = (await (await app.login('zhaolei')).get('/api/home')).body;
      assert.equal(telemarketer.keyFigures, null);
      assert.equal(telemarketer.retentionTasks, null);
    });

    it("keeps another manager's tasks off the page", async () => {
      const liuna = (await (await app.login('liuna')).get('/api/home')).body;
      const zhangweiTasks = (
        (await (await app.login('zhangwei')).get('/api/home')).body.retentionTasks as { id: string }[]
      ).map((t) => t.id);
      assert.ok(zhangweiTasks.length > 0);
      for (const t of liuna.retentionTasks ?? []) assert.ok(!zhangweiTasks.includes(t.id));
    });

    it('asks for a login', async () => {
      assert.equal((await app.anonymous().get('/api/home')).status, 401);
    });
  });
}
