import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { migrate } from '../../platform/migrate.ts';
import { modules } from '../registry.ts';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';

const FILE = '0003_self_service_actor_by_name.sql';
const sources = modules.flatMap((m) => (m.migrationsDir ? [{ module: m.name, dir: m.migrationsDir }] : []));

/**
 * Orders customers opened in the portal used to store "自助服务：<name>" as their creator; migration 0003 keeps the name,
 * and the timeline says "self-service" in the reader's language. The demo's portal order is put back as it was stored, then the file runs again.
 */
for (const kind of testDatabases()) {
  describe(`work-orders migration 0003 (self-service creators by name) on ${kind}`, () => {
    let app: TestApp;
    let admin: TestClient;
    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 2 });
      admin = await app.login('admin');
    });
    after(() => app.close());

    it("leaves the customer's name, which the timeline names in the reader's language; staff creators stay as they were", async () => {
      const db = app.services.db;
      const portal = await db
        .selectFrom('work_orders as w')
        .innerJoin('customers as c', 'c.id', 'w.customer_id')
        .select(['w.id', 'c.name'])
        .where('w.channel', '=', 'portal')
        .executeTakeFirstOrThrow();
      const staff = await db
        .selectFrom('work_orders')
        .select('id')
        .where('channel', '=', 'staff')
        .executeTakeFirstOrThrow();
      const creator = (id: string) =>
        db
          .selectFrom('work_order_events')
          .select('actor_name')
          .where('work_order_id', '=', id)
          .where('action', '=', 'create')
          .executeTakeFirstOrThrow();
      const staffCreator = (await creator(staff.id)).actor_name;
      for (const id of [portal.id, staff.id]) {
        await db
          .updateTable('work_order_events')
          .set({ actor_name: sql<string>`'自助服务：' || actor_name` })
          .where('work_order_id', '=', id)
          .where('action', '=', 'create')
          .execute();
      }
      await sql`DELETE FROM schema_migrations WHERE module = 'work-orders' AND name = ${FILE}`.execute(db);
      assert.deepEqual(await migrate(db, sources), [`work-orders/${FILE}`]);

      assert.equal((await creator(portal.id)).actor_name, portal.name);
      assert.equal((await creator(staff.id)).actor_name, `自助服务：${staffCreator}`, 'only orders customers opened');
      const first = async (language: string) =>
        (
          await admin.request('GET', `/api/work-orders/${portal.id}/timeline`, undefined, {
            'accept-language': language,
          })
        ).body.items[0].actorName;
      assert.equal(await first('zh-CN'), `自助服务：${portal.name}`);
      assert.equal(await first('en'), `Self-service: ${portal.name}`);
    });
  });
}
