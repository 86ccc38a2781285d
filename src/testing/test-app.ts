import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { readConfig, type Config } from '../platform/config.ts';
import { openDatabase, type DatabaseHandle, type DbKind } from '../platform/db.ts';
import { startLianxi } from '../server.ts';
import { TestClient } from './test-client.ts';

export const ADMIN_PASSWORD = 'admin-pass-2026';

/** PGlite always; the PostgreSQL server too when DATABASE_URL is set (CI sets it). */
export function testDatabases(): DbKind[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** A fresh, empty database: in-memory PGlite, or a new database on the server, dropped afterwards. */
export async function freshDatabase(
  kind: DbKind,
): Promise<{ database: DatabaseHandle; url?: string; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({});
    return { database, drop: () => database.close() };
  }
  const serverUrl = process.env.DATABASE_URL!;
  const name = `lianxi_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 10 });
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      // The pool's end() resolves before its sockets have closed; forcing the drop while they close would
      // terminate them with an error nobody listens for any more. Wait (briefly) until they are gone.
      for (let i = 0; i < 50; i++) {
        const open = await c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if (open.rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** An open database and how to let go of it when the app closes. */
export interface OpenedDatabase {
  database: DatabaseHandle;
  drop(): Promise<void>;
}

export interface TestApp {
  kind: DbKind;
  baseUrl: string;
  services: Awaited<ReturnType<typeof startLianxi>>['services'];
  config: Config;
  /** A signed-in client; demo staff share the admin's password. */
  login(username: string, password?: string): Promise<TestClient>;
  anonymous(): TestClient;
  close(): Promise<void>;
}

/**
 * Starts Lianxi CRM on a fresh database with the demo org tree, roles and staff (and a few demo customers),
 * listening on a free port, as a user's `npm start` would.
 */
export async function startTestApp(
  kind: DbKind,
  opts: { demoCustomers?: number; config?: Partial<Config>; database?: OpenedDatabase } = {},
): Promise<TestApp> {
  // A caller-supplied database (see reopenable-database.ts) is closed, not dropped, by close().
  const fresh = opts.database ?? (await freshDatabase(kind));
  const config: Config = {
    ...readConfig({}),
    adminPassword: ADMIN_PASSWORD,
    demo: true,
    logLevel: 'warn',
    ...opts.config,
  };
  const started = await startLianxi(config, {
    database: fresh.database,
    logger: false,
    demoCustomers: opts.demoCustomers ?? 30,
  });
  const address = await started.app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = address.replace('[::1]', '127.0.0.1');
  return {
    kind,
    baseUrl,
    services: started.services,
    config,
    login: async (username, password = ADMIN_PASSWORD) => {
      const client = new TestClient(baseUrl);
      const res = await client.post('/api/auth/login', { username, password });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return client;
    },
    anonymous: () => new TestClient(baseUrl),
    close: async () => {
      await started.services.jobs.stop();
      await started.app.close();
      await fresh.drop();
    },
  };
}
