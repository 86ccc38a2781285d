import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';

for (const kind of testDatabases()) {
  describe(`disabling an employee on ${kind}`, () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 0 });
    });
    after(() => app.close());

    it('ends their sessions for good: re-enabling them does not revive the old cookie, a new sign-in is needed', async () => {
      const admin = await app.login('admin');
      const agent = await app.login('chenjie');
      const id = (await agent.get('/api/auth/me')).body.employee.id as string;
      assert.equal((await agent.get('/api/customers?limit=1')).status, 200);

      assert.equal((await admin.patch(`/api/employees/${id}`, { status: 'disabled' })).status, 200);
      assert.equal((await agent.get('/api/customers?limit=1')).status, 401);
      assert.equal((await admin.patch(`/api/employees/${id}`, { status: 'active' })).status, 200);
      assert.equal((await agent.get('/api/customers?limit=1')).status, 401, 'the session ended with the disabling');

      const again = await app.login('chenjie');
      assert.equal((await again.get('/api/customers?limit=1')).status, 200);
    });

    it('leaves the sessions alone when an edit does not disable', async () => {
      const admin = await app.login('admin');
      const agent = await app.login('wangfang');
      const id = (await agent.get('/api/auth/me')).body.employee.id as string;
      assert.equal((await admin.patch(`/api/employees/${id}`, { phone: '13900001111' })).status, 200);
      assert.equal((await agent.get('/api/customers?limit=1')).status, 200);
    });
  });
}
