import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from '../testing/test-app.ts';
import { upload, USAGE_HEADER, USAGE_MAPPING } from './billing/billing-test-support.ts';
import { addDays, today } from '../platform/clock.ts';

/** Lists and lookups that once ignored the data scope: each now stops at the caller's region like the customer list. */
for (const kind of testDatabases()) {
  describe(`data scope of retention plans, import batches and a customer's contacts on ${kind}`, () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 40 });
    });
    after(() => app.close());

    it('shows a Jinan retention plan to Jinan, not to Qingdao', async () => {
      const wangfang = await app.login('wangfang');
      const me = (await wangfang.get('/api/auth/me')).body.employee.id;
      const mine = (await wangfang.get('/api/customers?limit=1')).body.items[0];
      const created = await wangfang.post('/api/retention-plans', {
        name: '济南挽留',
        offer: '半价',
        ownerId: me,
        dueDate: addDays(today(), 30),
        customerIds: [mine.id],
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const planId = created.body.plan.id;
      const liuna = await app.login('liuna');
      assert.ok(!(await liuna.get('/api/retention-plans')).body.items.some((p: { id: string }) => p.id === planId));
      assert.equal((await liuna.get(`/api/retention-plans/${planId}`)).status, 404);
      assert.ok((await wangfang.get('/api/retention-plans')).body.items.some((p: { id: string }) => p.id === planId));
      assert.ok(
        (await (await app.login('admin')).get('/api/retention-plans')).body.items.some(
          (p: { id: string }) => p.id === planId,
        ),
      );
    });

    it("shows an import batch and its errors only within the importer's scope", async () => {
      const admin = await app.login('admin');
      const res = await upload(
        admin,
        'usage',
        `${USAGE_HEADER}\nS1,13700009998,call,local,out,2026-10-05 08:00:00,60,busy`,
        { mapping: USAGE_MAPPING },
      );
      assert.equal(res.status, 200);
      const liuna = await app.login('liuna');
      assert.ok(!(await liuna.get('/api/imports')).body.items.some((b: { id: string }) => b.id === res.body.batchId));
      assert.equal((await liuna.get(`/api/imports/${res.body.batchId}/errors`)).status, 404);
      assert.ok((await admin.get('/api/imports')).body.items.some((b: { id: string }) => b.id === res.body.batchId));
    });

    it('answers 404 for the contacts of a customer outside the scope', async () => {
      const admin = await app.login('admin');
      const liuna = await app.login('liuna');
      const theirs = new Set(
        ((await liuna.get('/api/customers?limit=200')).body.items as { id: string }[]).map((c) => c.id),
      );
      const outside = ((await admin.get('/api/customers?limit=200')).body.items as { id: string }[]).find(
        (c) => !theirs.has(c.id),
      )!;
      const inside = [...theirs][0];
      assert.equal((await liuna.get(`/api/customers/${outside.id}/contacts`)).status, 404);
      assert.equal((await liuna.get(`/api/customers/${inside}/contacts`)).status, 200);
    });
  });
}
