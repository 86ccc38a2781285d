import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { migrate } from '../../platform/migrate.ts';
import { modules } from '../registry.ts';
import { ADMIN_PASSWORD, freshDatabase, startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';

// The auth module takes the counters over (0004); the portal module then drops its columns (0003).
const MOVE = ['auth', '0004_portal_lockouts.sql'];
const DROP = ['portal', '0003_login_throttle.sql'];
const sources = modules.flatMap((m) => (m.migrationsDir ? [{ module: m.name, dir: m.migrationsDir }] : []));

/**
 * Auth migration 0004 moves the failure counter on portal accounts into the shared login attempts and portal migration
 * 0003 drops it. The app starts on a database where those two files are marked as applied, the counters get values,
 * and then the files really run.
 */
for (const kind of testDatabases()) {
  describe(`portal lockouts move to the shared sign-in throttle on ${kind}`, () => {
    let app: TestApp;
    const phones: string[] = [];
    const login = (phone: string, password = ADMIN_PASSWORD) =>
      app.anonymous().post('/api/portal/login', { phone, password });

    before(async () => {
      const fresh = await freshDatabase(kind);
      await migrate(fresh.database.db, []);
      for (const [module, name] of [MOVE, DROP])
        await sql`INSERT INTO schema_migrations (module, name) VALUES (${module}, ${name})`.execute(fresh.database.db);
      // The demo gives the first three customers a portal login with the demo password.
      app = await startTestApp(kind, { database: fresh, demoCustomers: 3 });
      const db = app.services.db;
      phones.push(
        ...(
          await sql<{ login_phone: string }>`SELECT login_phone FROM portal_accounts ORDER BY customer_id`.execute(db)
        ).rows.map((r) => r.login_phone),
      );
      assert.equal(phones.length, 3);
      const [locked, counting, unlocked] = phones;
      await sql`UPDATE portal_accounts SET failed_logins = 0, locked_until = now() + interval '10 minutes' WHERE login_phone = ${locked}`.execute(
        db,
      );
      await sql`UPDATE portal_accounts SET failed_logins = 4, locked_until = NULL WHERE login_phone = ${counting}`.execute(
        db,
      );
      await sql`UPDATE portal_accounts SET failed_logins = 0, locked_until = now() - interval '1 minute' WHERE login_phone = ${unlocked}`.execute(
        db,
      );
      for (const [module, name] of [MOVE, DROP])
        await sql`DELETE FROM schema_migrations WHERE module = ${module} AND name = ${name}`.execute(db);
      assert.deepEqual(await migrate(db, sources), [MOVE.join('/'), DROP.join('/')]);
    });
    after(() => app.close());

    it('drops the counter columns', async () => {
      const columns = await sql<{ column_name: string }>`
        SELECT column_name FROM information_schema.columns WHERE table_name = 'portal_accounts' AND column_name IN ('failed_logins', 'locked_until')`.execute(
        app.services.db,
      );
      assert.deepEqual(columns.rows, []);
    });

    it('keeps a locked login locked for the time it had left, even against the right password', async () => {
      const res = await login(phones[0]);
      assert.equal(res.status, 429);
      assert.equal(res.body.error.code, 'ACCOUNT_LOCKED');
      assert.equal(res.body.error.details.minutes, 10);
    });

    it('keeps the failures counted so far: one more wrong password locks the login', async () => {
      assert.equal((await login(phones[1], 'wrong-password')).status, 401);
      assert.equal((await login(phones[1])).status, 429);
    });

    it('lets in a login whose lock had run out', async () => {
      assert.equal((await login(phones[2])).status, 200);
    });
  });
}
