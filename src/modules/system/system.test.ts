import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';
import { today as todayInBusiness } from '../../platform/clock.ts';

for (const kind of testDatabases()) {
  describe(`system management on ${kind}`, () => {
    let app: TestApp;
    let admin: TestClient;
    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 5 });
      admin = await app.login('admin');
    });
    after(() => app.close());

    it('keeps org units as a tree with materialised paths', async () => {
      const units = (await admin.get('/api/org-units')).body.items as {
        id: string;
        code: string;
        parentId: string;
        path: string;
      }[];
      const jn = units.find((u) => u.code === 'JN')!;
      const created = await admin.post('/api/org-units', {
        parentId: jn.id,
        name: '天桥区',
        kind: 'county',
        code: 'JN-TQ',
      });
      assert.equal(created.status, 201);
      assert.equal(created.body.path, `${jn.path}${created.body.id}/`);
      const bad = await admin.post('/api/org-units', { parentId: '999999', name: '无', kind: 'team' });
      assert.equal(bad.status, 404);
      assert.ok(bad.body.error.fields.parentId);
    });

    it("creates an employee with roles who can then sign in with the role's rights", async () => {
      const roles = (await admin.get('/api/roles')).body.items as { id: string; code: string; permissions: string[] }[];
      assert.deepEqual(roles.map((r) => r.code).slice(0, 6), [
        'admin',
        'account_manager',
        'marketing_manager',
        'after_sales',
        'telemarketer',
        'cc_supervisor',
      ]);
      const units = (await admin.get('/api/org-units')).body.items as { id: string; code: string }[];
      const res = await admin.post('/api/employees', {
        username: 'NewAgent',
        password: 'agent-pass-1',
        name: '新坐席',
        orgUnitId: units.find((u) => u.code === 'CC-T1')!.id,
        roleIds: [roles.find((r) => r.code === 'telemarketer')!.id],
      });
      assert.equal(res.status, 201);
      assert.equal(res.body.username, 'newagent');
      const agent = await app.login('newagent', 'agent-pass-1');
      const me = (await agent.get('/api/auth/me')).body;
      assert.equal(me.scope, 'own');
      // The role's rights, whatever later modules granted telemarketers in their migrations.
      const telemarketer = roles.find((r) => r.code === 'telemarketer')!;
      assert.deepEqual([...me.permissions].sort(), [...telemarketer.permissions].sort());
      assert.ok(me.permissions.includes('customers:view') && !me.permissions.includes('sensitive:view'));
      assert.equal((await agent.get('/api/employees')).status, 403);
      const dup = await admin.post('/api/employees', {
        username: 'newagent',
        password: 'agent-pass-1',
        name: 'x',
        orgUnitId: units[0].id,
      });
      assert.equal(dup.status, 409);
      assert.ok(dup.body.error.fields.username);
    });

    it('resets a password and changes roles, taking effect at once', async () => {
      const list = (await admin.get('/api/employees?q=wangfang')).body.items;
      assert.equal(list.length, 1);
      const roles = (await admin.get('/api/roles')).body.items as { id: string; code: string }[];
      const manager = await app.login('wangfang');
      assert.equal((await manager.patch(`/api/customers/1`, { level: 'vip' })).status, 403);
      await admin.patch(`/api/employees/${list[0].id}`, {
        roleIds: [roles.find((r) => r.code === 'account_manager')!.id],
        password: 'reset-pass-22',
      });
      assert.notEqual((await manager.patch(`/api/customers/1`, { level: 'vip' })).status, 403);
      await app.login('wangfang', 'reset-pass-22');
    });

    it('validates role permissions and applies edited ones to signed-in users', async () => {
      const bad = await admin.post('/api/roles', {
        code: 'auditor',
        name: '审计员',
        permissions: ['audit:read'],
        dataScope: 'all',
      });
      assert.equal(bad.status, 400);
      assert.ok(bad.body.error.fields['permissions.0']);
      const role = await admin.post('/api/roles', {
        code: 'auditor',
        name: '审计员',
        permissions: ['audit:view'],
        dataScope: 'all',
      });
      assert.equal(role.status, 201);
      const units = (await admin.get('/api/org-units')).body.items as { id: string }[];
      await admin.post('/api/employees', {
        username: 'auditor1',
        password: 'auditor-pass',
        name: '审计',
        orgUnitId: units[0].id,
        roleIds: [role.body.id],
      });
      const auditor = await app.login('auditor1', 'auditor-pass');
      assert.equal((await auditor.get('/api/audit')).status, 200);
      assert.equal((await auditor.get('/api/customers')).status, 403);
      await admin.patch(`/api/roles/${role.body.id}`, { permissions: ['audit:view', 'customers:view'] });
      assert.equal((await auditor.get('/api/customers')).status, 200);
    });

    it('lets admins filter the audit log by entity, actor and date', async () => {
      const customer = (await admin.get('/api/customers?limit=1')).body.items[0];
      await admin.patch(`/api/customers/${customer.id}`, { job: '审计测试' });
      const rows = (await admin.get(`/api/audit?entity=customer&entityId=${customer.id}`)).body.items;
      assert.equal(rows[0].action, 'update');
      assert.deepEqual(rows[0].changes.job[1], '审计测试');
      assert.equal(rows[0].ip, '127.0.0.1');
      const today = todayInBusiness();
      const byActor = (
        await admin.get(`/api/audit?actor=${encodeURIComponent('系统管理员')}&from=${today}&to=${today}&action=update`)
      ).body.items;
      assert.ok(byActor.length >= 1);
      for (const r of byActor) assert.equal(r.actorName, '系统管理员');
      assert.equal((await admin.get('/api/audit?from=not-a-date')).status, 400);
      const logins = (await admin.get('/api/audit?entity=session&action=login')).body.items;
      assert.ok(logins.length >= 1);
    });
  });
}
