import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';
import { upload, USAGE_HEADER, USAGE_MAPPING } from '../billing/billing-test-support.ts';

interface Row {
  id: string;
  phone: string;
  idCard: string | null;
  birthDate: string | null;
  accountManagerId: string | null;
}

/**
 * A role without `sensitive:view` sees 138****5678: nothing it can ask may give it the hidden digits back —
 * not a narrowing search, not the birth date inside the ID card, not the history, not an import error.
 */
for (const kind of testDatabases()) {
  describe(`masked numbers stay masked on ${kind}`, () => {
    let app: TestApp;
    let admin: TestClient;
    let sunli: TestClient;
    let visible: Row;
    let full: Row;

    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 60 });
      admin = await app.login('admin');
      sunli = await app.login('sunli');
      const seen = (await sunli.get('/api/customers?limit=200')).body.items as Row[];
      visible = seen.find((c) => /^1\d{2}\*{4}\d{4}$/.test(c.phone) && c.idCard)!;
      assert.ok(visible, 'the supervisor sees a customer with a mobile and an ID card');
      full = (await admin.get(`/api/customers/${visible.id}`)).body;
    });
    after(() => app.close());

    it('finds a masked customer only by the last 4 digits or the whole number, never by a longer suffix', async () => {
      const search = (client: TestClient, q: string) =>
        client.get(`/api/customers?q=${encodeURIComponent(q)}&limit=200`);
      const ids = (res: { body: { items: Row[] } }) => res.body.items.map((c) => c.id);
      assert.ok(ids(await search(sunli, full.phone.slice(-4))).includes(visible.id));
      assert.ok(ids(await search(sunli, full.phone)).includes(visible.id));
      for (const digits of [5, 6]) {
        const res = await search(sunli, full.phone.slice(-digits));
        assert.equal(res.status, 400, `${digits} digits`);
        assert.ok(res.body.error.fields.q);
      }
      // Seven digits and more are taken as a whole number: the last 8 or 10 digits of a mobile match nothing.
      for (const digits of [7, 8, 10])
        assert.ok(!ids(await search(sunli, full.phone.slice(-digits))).includes(visible.id), `${digits} digits`);
      // A wrong middle digit in a whole number finds nothing; a permitted role still searches any suffix.
      const wrong = full.phone.slice(0, 3) + ((Number(full.phone[3]) + 1) % 10) + full.phone.slice(4);
      assert.ok(!ids(await search(sunli, wrong)).includes(visible.id));
      assert.ok(ids(await search(admin, full.phone.slice(-7))).includes(visible.id));
      // The same rule holds in the contacts and work-order searches.
      assert.equal((await sunli.get(`/api/contacts?q=${full.phone.slice(-6)}`)).status, 400);
      assert.equal((await sunli.get(`/api/work-orders?q=${full.phone.slice(-6)}`)).status, 400);
    });

    it('hides the birth date, which is the part of the ID card its mask hides', async () => {
      assert.ok(full.birthDate);
      assert.equal(visible.birthDate, null);
      assert.equal((await sunli.get(`/api/customers/${visible.id}`)).body.birthDate, null);
      assert.ok(!full.idCard!.includes('*'));
    });

    it('masks every number in the history, the portal login phone included', async () => {
      assert.equal((await admin.patch(`/api/customers/${visible.id}`, { backupPhone: '13912345678' })).status, 200);
      assert.equal(
        (await admin.post(`/api/customers/${visible.id}/portal-login`, { password: 'Portal-pass-2026' })).status,
        200,
      );
      const history = await sunli.get(`/api/customers/${visible.id}/history`);
      assert.equal(history.status, 200);
      const text = JSON.stringify(history.body);
      assert.ok(text.includes('loginPhone'));
      assert.ok(!text.includes(full.phone), text);
      assert.ok(!text.includes('13912345678'), text);
      assert.ok(JSON.stringify((await admin.get(`/api/customers/${visible.id}/history`)).body).includes(full.phone));
    });

    it('masks the numbers in import errors for a role without sensitive:view', async () => {
      const file = `${USAGE_HEADER}\nM1,13700009999,call,local,out,2026-10-05 08:00:00,60,busy`;
      const res = await upload(admin, 'usage', file, { mapping: USAGE_MAPPING });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.match(res.body.errors[0].message, /13700009999/);
      // A billing clerk who sees every region's batches but not whole numbers.
      const role = await admin.post('/api/roles', {
        code: 'billing_clerk',
        name: '计费文员',
        permissions: ['billing:view'],
        dataScope: 'all',
      });
      const orgUnitId = (await admin.get('/api/auth/me')).body.employee.orgUnitId;
      assert.equal(
        (
          await admin.post('/api/employees', {
            username: 'clerk',
            password: 'Clerk-pass-2026',
            name: '文员',
            orgUnitId,
            roleIds: [role.body.id],
          })
        ).status,
        201,
      );
      const errors = await (await app.login('clerk', 'Clerk-pass-2026')).get(`/api/imports/${res.body.batchId}/errors`);
      assert.equal(errors.status, 200);
      assert.match(errors.body.items[0].message, /137\*{4}9999/);
    });

    it('logs each read of a whole customer record by a permitted role (the PII access log), not a masked one', async () => {
      const before = (await admin.get(`/api/audit?action=view_unmasked&entityId=${visible.id}`)).body.items.length;
      await admin.get(`/api/customers/${visible.id}`);
      await sunli.get(`/api/customers/${visible.id}`);
      const log = (await admin.get(`/api/audit?action=view_unmasked&entityId=${visible.id}`)).body.items;
      assert.equal(log.length, before + 1);
      assert.equal(log[0].actorName, '系统管理员');
      assert.ok(
        !JSON.stringify((await admin.get(`/api/customers/${visible.id}/history`)).body).includes('view_unmasked'),
      );
    });

    it('keeps numbers out of the log line of a search', async () => {
      const { requestForLog } = await import('../../platform/http/masked-responses.ts');
      const line = requestForLog({
        method: 'GET',
        url: `/api/customers?q=${full.phone}`,
        host: 'h',
        ip: '1',
        socket: null,
      } as never);
      assert.ok(!line.url.includes(full.phone));
    });
  });
}
