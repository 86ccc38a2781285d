import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { migrate } from '../../platform/migrate.ts';
import { modules } from '../registry.ts';
import { freshDatabase, startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';

// The work-orders module converts the requests (0005); the portal module then drops its old table (0002).
const CONVERSION = ['work-orders', '0005_portal_requests_to_work_orders.sql'];
const DROP = ['portal', '0002_requests_to_work_orders.sql'];
const sources = modules.flatMap((m) => (m.migrationsDir ? [{ module: m.name, dir: m.migrationsDir }] : []));

/**
 * Work-orders migration 0005 turns the portal requests of before the service desk into work orders, and portal
 * migration 0002 drops their table. The app starts on a database where those two files are marked as applied, the
 * old table gets rows, and then the files really run.
 */
for (const kind of testDatabases()) {
  describe(`portal requests become work orders on ${kind}`, () => {
    let app: TestApp;
    let admin: TestClient;
    const customers: string[] = [];
    const staff = new Map<string, string>();
    const requests = new Map<string, string>();

    before(async () => {
      const fresh = await freshDatabase(kind);
      await migrate(fresh.database.db, []);
      for (const [module, name] of [CONVERSION, DROP])
        await sql`INSERT INTO schema_migrations (module, name) VALUES (${module}, ${name})`.execute(fresh.database.db);
      app = await startTestApp(kind, { database: fresh, demoCustomers: 2 });
      admin = await app.login('admin');
      const db = app.services.db;
      for (const e of await db.selectFrom('employees').select(['id', 'username']).execute())
        staff.set(e.username, e.id);
      customers.push(...(await db.selectFrom('customers').select('id').orderBy('id').execute()).map((c) => c.id));
      // The second customer has nobody looking after them.
      await db.updateTable('customers').set({ account_manager_id: null }).where('id', '=', customers[1]).execute();
      const rows: [string, string, string, string, string, string | null, string | null][] = [
        // customer, kind, subject, description, status, reply, handled by
        [customers[0], 'fault', '宽带无法上网', '光猫红灯', 'open', null, null],
        [customers[0], 'complaint', '话费多扣', '上月多扣 20 元', 'resolved', '已退还 20 元', 'chenjie'],
        [customers[1], 'fault', '手机没有信号', '家里没有 5G 信号', 'in_progress', '已派工程师', 'chenjie'],
        [customers[1], 'complaint', '营业员态度差', '排队时被呵斥', 'closed', '已向您致歉', 'admin'],
      ];
      for (const [customer, k, subject, description, status, reply, by] of rows) {
        const r = await sql<{
          id: string;
        }>`INSERT INTO portal_requests (customer_id, kind, subject, description, status, reply, handled_by, created_at, updated_at)
          VALUES (${customer}, ${k}, ${subject}, ${description}, ${status}, ${reply}, ${by && staff.get(by)}, now() - interval '3 days', now() - interval '1 day')
          RETURNING id`.execute(db);
        requests.set(subject, r.rows[0].id);
      }
      for (const [module, name] of [CONVERSION, DROP])
        await sql`DELETE FROM schema_migrations WHERE module = ${module} AND name = ${name}`.execute(db);
      assert.deepEqual(await migrate(db, sources), [CONVERSION.join('/'), DROP.join('/')]);
    });
    after(() => app.close());

    async function orderFor(subject: string) {
      const audit = await app.services.db
        .selectFrom('audit_log')
        .select('entity_id')
        .where('entity', '=', 'work_order')
        .where(sql<boolean>`changes->'portalRequestId'->>0 = ${requests.get(subject)}`)
        .executeTakeFirstOrThrow();
      const order = await admin.get(`/api/work-orders/${audit.entity_id}`);
      assert.equal(order.status, 200);
      const timeline = (await admin.get(`/api/work-orders/${audit.entity_id}/timeline`)).body.items;
      return { order: order.body, timeline };
    }

    it('drops the old table and makes one portal work order per request', async () => {
      const table = await sql<{ name: string | null }>`SELECT to_regclass('portal_requests')::text AS name`.execute(
        app.services.db,
      );
      assert.equal(table.rows[0].name, null);
      const db = app.services.db;
      const audited = await db
        .selectFrom('audit_log')
        .select('entity_id')
        .where('entity', '=', 'work_order')
        .where('actor_name', '=', 'migration work-orders/0005')
        .execute();
      assert.equal(audited.length, 4);
      const converted = await db
        .selectFrom('work_orders')
        .select('channel')
        .where(
          'id',
          'in',
          audited.map((a) => a.entity_id!),
        )
        .execute();
      assert.deepEqual(
        converted.map((o) => o.channel),
        ['portal', 'portal', 'portal', 'portal'],
      );
    });

    it('keeps an open request open, waiting for a hand dispatch by the accepting agent', async () => {
      const { order, timeline } = await orderFor('宽带无法上网');
      assert.equal(order.status, 'new');
      assert.equal(order.typeName, '故障报修');
      assert.equal(order.businessType, 'broadband');
      assert.equal(order.description, '宽带无法上网\n\n光猫红灯');
      const customer = await app.services.db
        .selectFrom('customers')
        .select('account_manager_id')
        .where('id', '=', customers[0])
        .executeTakeFirstOrThrow();
      assert.ok(customer.account_manager_id);
      assert.equal(order.acceptedById, customer.account_manager_id);
      assert.match(order.orderNo, /^WO\d{13}$/);
      assert.deepEqual(
        timeline.map((e: { action: string }) => e.action),
        ['create'],
      );
      assert.equal(timeline[0].actorName, `自助服务：${order.customerName}`);
      assert.equal(Date.parse(order.responseDue) - Date.parse(order.createdAt), 120 * 60000);
    });

    it('keeps the answer: the step it reached, with the reply the customer saw as the resolution', async () => {
      const { order, timeline } = await orderFor('话费多扣');
      assert.equal(order.status, 'resolved');
      assert.equal(order.assigneeName, '陈杰');
      assert.equal(order.businessType, 'mobile');
      assert.deepEqual(
        timeline.map((e: { action: string; note: string | null }) => [e.action, e.note]),
        [
          ['create', null],
          ['resolve', '已退还 20 元'],
        ],
      );
      const handler = await app.login('chenjie');
      assert.equal((await handler.get(`/api/work-orders/${order.id}`)).status, 200);
    });

    it('gives a customer without an account manager the after-sales agent, and closes a closed request as archived', async () => {
      const progress = await orderFor('手机没有信号');
      assert.equal(progress.order.status, 'in_progress');
      assert.equal(progress.order.acceptedByName, '陈杰');
      assert.deepEqual(
        progress.timeline.map((e: { action: string }) => e.action),
        ['create', 'start'],
      );
      const closed = await orderFor('营业员态度差');
      assert.equal(closed.order.status, 'archived');
      assert.deepEqual(
        closed.timeline.map((e: { action: string }) => e.action),
        ['create', 'resolve', 'archive'],
      );
    });
  });
}
