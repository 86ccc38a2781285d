import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';

for (const kind of testDatabases()) {
  describe(`the employee directory on ${kind}`, () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 0 });
    });
    after(() => app.close());

    it('lets any signed-in employee pick colleagues by name and region, without system rights or personal details', async () => {
      const telemarketer = await app.login('zhaolei');
      assert.equal((await telemarketer.get('/api/employees')).status, 403);
      const all = await telemarketer.get('/api/employees/directory');
      assert.equal(all.status, 200);
      const zhang = all.body.items.find((e: { name: string }) => e.name === '张伟');
      assert.deepEqual(Object.keys(zhang).sort(), ['id', 'name', 'orgUnitId', 'orgUnitName']);

      const units = (await telemarketer.get('/api/org-units')).body.items as { id: string; code: string }[];
      const qingdao = units.find((u) => u.code === 'QD')!.id;
      const inQingdao = (await telemarketer.get(`/api/employees/directory?orgUnitId=${qingdao}`)).body.items.map(
        (e: { name: string }) => e.name,
      );
      assert.ok(inQingdao.includes('刘娜'));
      assert.ok(!inQingdao.includes('张伟'), 'a Jinan employee is not in the Qingdao subtree');
      assert.deepEqual(
        (await telemarketer.get('/api/employees/directory?q=zhangwei')).body.items.map((e: { name: string }) => e.name),
        ['张伟'],
      );
    });

    it('leaves out disabled employees and refuses anonymous callers', async () => {
      const admin = await app.login('admin');
      const liuna = (await admin.get('/api/employees/directory?q=liuna')).body.items[0];
      assert.equal((await admin.patch(`/api/employees/${liuna.id}`, { status: 'disabled' })).status, 200);
      assert.deepEqual((await admin.get('/api/employees/directory?q=liuna')).body.items, []);
      assert.equal((await app.anonymous().get('/api/employees/directory')).status, 401);
    });
  });
}
