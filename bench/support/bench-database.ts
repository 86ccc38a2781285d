import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { readConfig } from '../../src/platform/config.ts';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db.ts';
import { startLianxi } from '../../src/server.ts';

/** Where the bench keeps its data: a database of its own on the server, or a PGlite directory under the temp dir. */
export interface BenchTarget {
  kind: 'postgres' | 'pglite';
  /** The server process gets these variables to open the same database. */
  env: Record<string, string>;
  describe: string;
}

export const BENCH_DATABASE = process.env.BENCH_DATABASE ?? 'lianxi_bench';
/** The app's default pool size; the bare-client ceiling uses the same number of connections. */
export const POOL_SIZE = 20;

export function benchTarget(): BenchTarget {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${BENCH_DATABASE}`;
    return {
      kind: 'postgres',
      env: { DATABASE_URL: url.toString() },
      describe: `PostgreSQL ${url.host}/${BENCH_DATABASE}`,
    };
  }
  const dataDir = path.join(os.tmpdir(), 'lianxi-bench-pglite');
  return { kind: 'pglite', env: { LIANXI_DATA_DIR: dataDir }, describe: `PGlite ${dataDir}` };
}

/**
 * Opens the bench database, fresh unless `reuse` (BENCH_REUSE=1 keeps a loaded one between runs), and brings
 * it to the state of a first start: migrations, the admin, the demo org tree and staff, no demo customers.
 * Never touches any other database on the server.
 */
export async function openBenchDatabase(
  target: BenchTarget,
  reuse: boolean,
  password: string,
): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    if (!reuse) await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [BENCH_DATABASE]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${BENCH_DATABASE}`);
    await admin.end();
  } else if (!reuse) {
    rmSync(target.env.LIANXI_DATA_DIR, { recursive: true, force: true });
  }
  const database = await openDatabase({
    databaseUrl: target.env.DATABASE_URL,
    dataDir: target.env.LIANXI_DATA_DIR,
    poolSize: POOL_SIZE,
  });
  const config = { ...readConfig({}), adminPassword: password, demo: true, logLevel: 'warn' };
  const { app } = await startLianxi(config, { database, logger: false, demoCustomers: 0 });
  await app.close();
  await sql`CREATE TABLE IF NOT EXISTS bench_loaded (key text PRIMARY KEY, loaded_at timestamptz NOT NULL DEFAULT now())`.execute(
    database.db,
  );
  return database;
}

/** Runs `load` unless the database already records `key` as loaded; records it afterwards. */
export async function loadOnce(database: DatabaseHandle, key: string, load: () => Promise<void>): Promise<boolean> {
  const done = await sql`SELECT 1 FROM bench_loaded WHERE key = ${key}`.execute(database.db);
  if (done.rows.length > 0) return false;
  await load();
  await sql`INSERT INTO bench_loaded (key) VALUES (${key})`.execute(database.db);
  return true;
}
