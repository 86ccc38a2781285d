import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';

for (const kind of testDatabases()) {
  describe(`contacts on ${kind}`, () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 40 });
    });
    after(() => app.close());

    it('links one contact to several customers with a role each, edits, searches and unlinks', async () => {
      const zhangwei = await app.login('zhangwei');
      const [a, b] = (await zhangwei.get('/api/customers?limit=2')).body.items;
      const contact = await zhangwei.post('/api/contacts', { name: '周总', phone: '138 0531 9999', title: '总经理' });
      assert.equal(contact.status, 201);
      assert.equal(contact.body.phone, '13805319999');
      assert.equal(
        (
          await zhangwei.post(`/api/customers/${a.id}/contacts`, {
            contactId: contact.body.id,
            role: 'legal_representative',
          })
        ).status,
        201,
      );
      const linked = await zhangwei.post(`/api/customers/${b.id}/contacts`, {
        contactId: contact.body.id,
        role: 'finance',
      });
      assert.deepEqual(linked.body.customers.map((c: { role: string }) => c.role).sort(), [
        'finance',
        'legal_representative',
      ]);
      assert.equal(
        (await zhangwei.post(`/api/customers/${b.id}/contacts`, { contactId: contact.body.id, role: 'finance' }))
          .status,
        409,
      );

      const changed = await zhangwei.patch(`/api/customers/${b.id}/contacts/${contact.body.id}`, { role: 'technical' });
      assert.ok(
        changed.body.customers.some(
          (c: { customerId: string; role: string }) => c.customerId === b.id && c.role === 'technical',
        ),
      );
      assert.equal(
        (await zhangwei.patch(`/api/contacts/${contact.body.id}`, { title: '董事长' })).body.title,
        '董事长',
      );

      assert.ok(
        (await zhangwei.get('/api/contacts?q=周总')).body.items.some((c: { id: string }) => c.id === contact.body.id),
      );
      assert.ok(
        (await zhangwei.get('/api/contacts?q=9999')).body.items.some((c: { id: string }) => c.id === contact.body.id),
      );

      assert.equal((await zhangwei.delete(`/api/customers/${a.id}/contacts/${contact.body.id}`)).status, 204);
      const history = (await zhangwei.get(`/api/customers/${a.id}/history`)).body.items;
      assert.equal(history[0].action, 'unlink_contact');
      assert.equal(history[1].action, 'link_contact');
      const remaining = (await zhangwei.get(`/api/customers/${a.id}/contacts`)).body.items as { id: string }[];
      assert.ok(!remaining.some((c) => c.id === contact.body.id));
    });

    it("hides contacts of customers outside the caller's scope, and masks their phones for telemarketers", async () => {
      const liuna = await app.login('liuna');
      const qdCustomer = (await liuna.get('/api/customers?limit=1')).body.items[0];
      const contact = (await liuna.post('/api/contacts', { name: '青岛联系人', phone: '13700009999' })).body;
      await liuna.post(`/api/customers/${qdCustomer.id}/contacts`, { contactId: contact.id, role: 'other' });
      const zhangwei = await app.login('zhangwei');
      assert.equal((await zhangwei.get(`/api/contacts/${contact.id}`)).status, 404);
      assert.ok(!(await zhangwei.get('/api/contacts?q=青岛联系人')).body.items.length);

      const admin = await app.login('admin');
      const telemarketerCustomers = (await (await app.login('zhaolei')).get('/api/customers?limit=1')).body.items;
      assert.equal(telemarketerCustomers.length, 1, 'the demo gives the telemarketer customers of their own');
      const own = await admin.post('/api/contacts', { name: '外呼联系人', phone: '13911118888' });
      await admin.post(`/api/customers/${telemarketerCustomers[0].id}/contacts`, {
        contactId: own.body.id,
        role: 'family',
      });
      const seen = (await (await app.login('zhaolei')).get(`/api/contacts/${own.body.id}`)).body;
      assert.equal(seen.phone, '139****8888');
    });
  });
}
