import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';

interface Row {
  id: string;
  regionId: string;
  accountManagerId: string | null;
  phone: string;
  idCard: string | null;
}
interface Unit {
  id: string;
  code: string;
  path: string;
}

async function listAll(client: TestClient): Promise<Row[]> {
  const rows: Row[] = [];
  let cursor = '';
  for (;;) {
    const res = await client.get(`/api/customers?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(res.status, 200);
    rows.push(...res.body.items);
    if (!res.body.nextCursor) return rows;
    cursor = res.body.nextCursor;
  }
}

/**
 * Every standard role sees exactly the customers its data scope allows — computed here from the org tree,
 * independently of the SQL — reaches no other by id (404), and sees phones and ID cards masked unless it
 * may see sensitive data.
 */
for (const kind of testDatabases()) {
  describe(`customer data scope and masking on ${kind}`, () => {
    let app: TestApp;
    let all: Row[];
    let units: Map<string, Unit>;
    let employeeUnit: Map<string, string>;
    let employeeId: Map<string, string>;

    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 80 });
      const admin = await app.login('admin');
      all = await listAll(admin);
      const unitList = (await admin.get('/api/org-units')).body.items as Unit[];
      units = new Map(unitList.map((u) => [u.code, u]));
      const byId = new Map(unitList.map((u) => [u.id, u]));
      const employees = (await admin.get('/api/employees?limit=200')).body.items as {
        id: string;
        username: string;
        orgUnitId: string;
      }[];
      employeeUnit = new Map(employees.map((e) => [e.id, byId.get(e.orgUnitId)!.path]));
      employeeId = new Map(employees.map((e) => [e.username, e.id]));
      void byId;
    });
    after(() => app.close());

    const pathOf = (code: string) => units.get(code)!.path;
    const regionPathOfCustomer = (c: Row) => [...units.values()].find((u) => u.id === c.regionId)!.path;
    const expectations: { user: string; visible: (c: Row) => boolean; unmasked: boolean }[] = [
      { user: 'admin', visible: () => true, unmasked: true },
      // Region scope: the customer's region lies in the employee's city subtree (Jinan for these three).
      { user: 'zhangwei', visible: (c) => regionPathOfCustomer(c).startsWith(pathOf('JN')), unmasked: true },
      { user: 'wangfang', visible: (c) => regionPathOfCustomer(c).startsWith(pathOf('JN')), unmasked: false },
      { user: 'chenjie', visible: (c) => regionPathOfCustomer(c).startsWith(pathOf('JN')), unmasked: true },
      { user: 'liuna', visible: (c) => regionPathOfCustomer(c).startsWith(pathOf('QD')), unmasked: true },
      // Own scope: only customers the telemarketer manages.
      { user: 'zhaolei', visible: (c) => c.accountManagerId === employeeId.get('zhaolei'), unmasked: false },
      // Department scope: customers managed by anyone in the call-centre subtree.
      {
        user: 'sunli',
        visible: (c) =>
          c.accountManagerId !== null && (employeeUnit.get(c.accountManagerId) ?? '').startsWith(pathOf('CC')),
        unmasked: false,
      },
    ];

    for (const { user, visible, unmasked } of expectations) {
      it(`${user} lists exactly the customers in scope, and gets 404 for the others`, async () => {
        const client = await app.login(user);
        const expected = all
          .filter(visible)
          .map((c) => c.id)
          .sort();
        assert.ok(expected.length > 0, 'the demo data gives every role something to see');
        const seen = await listAll(client);
        assert.deepEqual(seen.map((c) => c.id).sort(), expected);
        const outside = all.find((c) => !visible(c));
        if (outside) {
          const res = await client.get(`/api/customers/${outside.id}`);
          assert.equal(res.status, 404);
          assert.equal((await client.get(`/api/customers/${outside.id}/history`)).status, 404);
        }
        const sample = seen.find((c) => c.idCard) ?? seen[0];
        const original = all.find((c) => c.id === sample.id)!;
        if (unmasked) assert.equal(sample.phone, original.phone);
        else {
          assert.match(sample.phone, /^\d{3}\*{4}\d{4}$/);
          if (sample.idCard) assert.match(sample.idCard, /^\d{4}\*{10}[\dX]{4}$/);
        }
      });
    }

    it('refuses writes a role has no permission for', async () => {
      const someone = all[0].id;
      const telemarketer = await app.login('zhaolei');
      assert.equal(
        (
          await telemarketer.post('/api/customers', {
            name: 'x',
            phone: '13800000000',
            category: 'enterprise',
            regionId: units.get('JN')!.id,
          })
        ).status,
        403,
      );
      const marketing = await app.login('wangfang');
      assert.equal((await marketing.patch(`/api/customers/${someone}`, { level: 'vip' })).status, 403);
      const afterSales = await app.login('chenjie');
      assert.equal((await afterSales.post(`/api/customers/${someone}/cancel`, { reason: 'no right' })).status, 403);
      assert.equal(
        (await afterSales.post('/api/customers/merge', { survivorId: all[0].id, mergedId: all[1].id })).status,
        403,
      );
    });

    it('does not let an account manager place a customer in another region', async () => {
      const zhangwei = await app.login('zhangwei');
      const res = await zhangwei.post('/api/customers', {
        name: '青岛企业',
        phone: '0532-88886666',
        category: 'enterprise',
        regionId: units.get('QD')!.id,
      });
      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, 'OUT_OF_SCOPE');
      const admin = await app.login('admin');
      assert.equal(
        (await admin.get('/api/customers?q=0532-88886666')).body.items.length,
        0,
        'nothing was half-written',
      );
    });
  });
}
