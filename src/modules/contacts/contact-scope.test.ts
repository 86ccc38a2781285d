import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';

for (const kind of testDatabases()) {
  describe(`contacts shared across regions on ${kind}`, () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 0 });
    });
    after(() => app.close());

    it('lists with a contact only the customers the caller may see', async () => {
      const admin = await app.login('admin');
      const units = (await admin.get('/api/org-units')).body.items as { id: string; code: string }[];
      const region = (code: string) => units.find((u) => u.code === code)!.id;
      const jinan = await admin.post('/api/customers', {
        name: '济南甲公司',
        category: 'enterprise',
        phone: '053188880001',
        regionId: region('JN'),
      });
      const qingdao = await admin.post('/api/customers', {
        name: '青岛乙公司',
        category: 'enterprise',
        phone: '053288880002',
        regionId: region('QD'),
      });
      const contact = await admin.post('/api/contacts', { name: '两地会计' });
      assert.equal(
        (await admin.post(`/api/customers/${jinan.body.id}/contacts`, { contactId: contact.body.id, role: 'finance' }))
          .status,
        201,
      );
      assert.equal(
        (
          await admin.post(`/api/customers/${qingdao.body.id}/contacts`, {
            contactId: contact.body.id,
            role: 'finance',
          })
        ).status,
        201,
      );

      const names = (body: { customers: { customerName: string }[] }) =>
        body.customers.map((c) => c.customerName).sort();
      assert.deepEqual(names((await admin.get(`/api/contacts/${contact.body.id}`)).body), ['济南甲公司', '青岛乙公司']);
      const zhangwei = await app.login('zhangwei');
      assert.deepEqual(names((await zhangwei.get(`/api/contacts/${contact.body.id}`)).body), ['济南甲公司']);
      const tab = await zhangwei.get(`/api/customers/${jinan.body.id}/contacts`);
      assert.deepEqual(names(tab.body.items[0]), ['济南甲公司']);
    });

    it('shows an unlinked contact to its creator and to a role that sees everything, not to others', async () => {
      const zhangwei = await app.login('zhangwei');
      const made = await zhangwei.post('/api/contacts', { name: '尚未关联的联系人' });
      assert.equal(made.status, 201);
      assert.equal((await zhangwei.get(`/api/contacts/${made.body.id}`)).status, 200);
      assert.equal((await (await app.login('admin')).get(`/api/contacts/${made.body.id}`)).status, 200);
      assert.equal((await (await app.login('liuna')).get(`/api/contacts/${made.body.id}`)).status, 404);
    });
  });
}
