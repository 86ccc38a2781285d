import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';

interface Hit {
  type: string;
  id: string;
  title: string;
  detail: string;
}
interface Group {
  type: string;
  items: Hit[];
}

async function search(client: TestClient, q: string): Promise<Group[]> {
  const res = await client.get(`/api/search?q=${encodeURIComponent(q)}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.groups;
}
const group = (groups: Group[], type: string) => groups.find((g) => g.type === type)?.items ?? [];

for (const kind of testDatabases()) {
  describe(`global search on ${kind}`, () => {
    let app: TestApp;
    let admin: TestClient;
    let zhangwei: TestClient;
    let sunli: TestClient;
    let zhaolei: TestClient;

    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 60 });
      admin = await app.login('admin');
      zhangwei = await app.login('zhangwei');
      sunli = await app.login('sunli');
      zhaolei = await app.login('zhaolei');
    });
    after(() => app.close());

    it('finds a customer by number only inside the caller’s data scope', async () => {
      const all = (await admin.get('/api/customers?limit=200')).body.items as { id: string; customerNo: string }[];
      const mine = new Set(
        ((await zhangwei.get('/api/customers?limit=200')).body.items as { id: string }[]).map((c) => c.id),
      );
      const inside = all.find((c) => mine.has(c.id))!;
      const outside = all.find((c) => !mine.has(c.id))!;
      assert.ok(inside && outside, 'the demo has customers on both sides of the Jinan scope');
      assert.deepEqual(
        group(await search(zhangwei, inside.customerNo), 'customer').map((h) => h.id),
        [inside.id],
      );
      assert.deepEqual(group(await search(zhangwei, outside.customerNo), 'customer'), []);
      assert.deepEqual(
        group(await search(admin, outside.customerNo), 'customer').map((h) => h.id),
        [outside.id],
      );
    });

    it('finds a masked customer by the last 4 digits and shows the phone masked', async () => {
      const seen = (await sunli.get('/api/customers?limit=200')).body.items as { id: string; phone: string }[];
      const masked = seen.find((c) => /^1\d{2}\*{4}\d{4}$/.test(c.phone))!;
      const full = (await admin.get(`/api/customers/${masked.id}`)).body.phone as string;
      const hits = group(await search(sunli, full.slice(-4)), 'customer');
      const found = hits.find((h) => h.id === masked.id);
      assert.ok(found, 'found by its last 4 digits');
      assert.ok(found.detail.includes(masked.phone), found.detail);
      assert.ok(!JSON.stringify(hits).includes(full));
      // A longer suffix would narrow the hidden digits: refused as in the customer list.
      assert.equal((await sunli.get(`/api/search?q=${full.slice(-6)}`)).status, 400);
    });

    it('caps each group at 5 and searches only the types the caller may see', async () => {
      const adminGroups = await search(admin, '张');
      assert.ok(adminGroups.every((g) => g.items.length <= 5));
      assert.ok(group(adminGroups, 'employee').some((h) => h.title === '张伟'));
      // A telemarketer has no system:view: employees are not searched for them.
      const telemarketer = await search(zhaolei, '张');
      assert.equal(group(telemarketer, 'employee').length, 0);
      assert.ok(telemarketer.every((g) => ['customer', 'contact', 'workOrder', 'article', 'product'].includes(g.type)));
    });

    it('finds a work order by its number, an article and a product by words', async () => {
      const order = (await admin.get('/api/work-orders?limit=1')).body.items[0] as { id: string; orderNo: string };
      assert.ok(order, 'the demo has work orders');
      assert.deepEqual(
        group(await search(admin, order.orderNo.toLowerCase()), 'workOrder').map((h) => h.id),
        [order.id],
      );
      assert.ok(group(await search(zhaolei, '宽带'), 'article').length > 0);
      const product = (await admin.get('/api/products')).body.items[0] as { id: string; name: string };
      assert.ok(group(await search(zhaolei, product.name), 'product').some((h) => h.id === product.id));
    });

    it('answers 400 on an empty or over-long query and 401 without a session', async () => {
      assert.equal((await admin.get('/api/search?q=')).status, 400);
      assert.equal((await admin.get(`/api/search?q=${'x'.repeat(51)}`)).status, 400);
      assert.equal((await app.anonymous().get('/api/search?q=x')).status, 401);
    });
  });
}
