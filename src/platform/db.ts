import { mkdirSync } from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { businessTimeZone } from './clock.ts';
import { pgliteDialect } from './pglite-driver.ts';
import { PreparingClient } from './prepared-statements.ts';

/**
 * The tables of every module. The platform declares none of them: each module adds its own by
 * augmenting this interface (`declare module '../../platform/db.ts' { interface Database { ... } }`).
 */
// biome-ignore lint/suspicious/noEmptyInterface: each module adds its tables by declaration merging
export interface Database {}

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
export type DbKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  kind: DbKind;
  /** The embedded engine, when running on PGlite (COPY through /dev/blob, dumps). */
  pglite?: PGlite;
  /** PGlite's data directory on disk (none when it runs in memory): what a backup copies. */
  dataDir?: string;
  /** The connection pool, when running on a PostgreSQL server (COPY streams, raw benchmarks). */
  pool?: pg.Pool;
  close(): Promise<void>;
}

// bigint, numeric and date come back as strings on both engines; ids, money and dates are mapped explicitly.
pg.types.setTypeParser(20, (v) => v);
pg.types.setTypeParser(1700, (v) => v);
pg.types.setTypeParser(1082, (v) => v);

/** Where a lost idle connection is reported when nobody has a logger for it. */
export const logConnectionLost = (err: Error): void => console.error('idle database connection lost:', err);

export interface OpenOptions {
  databaseUrl?: string;
  dataDir?: string;
  poolSize?: number;
  /**
   * Hears an idle pooled connection die (the server restarted, or an administrator ended it). The pool drops that
   * connection and opens a new one when needed; without a listener the error would crash the process. Default: console.error.
   */
  onError?: (err: Error) => void;
}

export async function openDatabase(opts: OpenOptions): Promise<DatabaseHandle> {
  if (opts.databaseUrl) {
    // PreparingClient: every parameterised query becomes a named prepared statement (see prepared-statements.ts).
    // Every session speaks the business time zone, so a date compared with a timestamp, date_trunc and to_char
    // mean a day in Beijing (by default), never a UTC day. A database that does not answer (a host gone, not a
    // refused port) fails a request in 15 s instead of holding it. The same timeout bounds the wait for a free
    // pooled connection: at 5 s, 500 agents working at once (npm run bench -- journey) got 503s on a busy machine.
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 20,
      Client: PreparingClient,
      options: `-c TimeZone=${businessTimeZone()}`,
      connectionTimeoutMillis: 15_000,
      keepAlive: true,
    });
    pool.on('error', opts.onError ?? logConnectionLost);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', pool, close: () => db.destroy() };
  }
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir: opts.dataDir,
    // Extensions must be passed at every open of a data directory, or every query fails.
    extensions: { pg_trgm },
    parsers: { [types.INT8]: (v: string) => v, [types.NUMERIC]: (v: string) => v, [types.DATE]: (v: string) => v },
  });
  await pglite.exec(`SET TIME ZONE '${businessTimeZone().replaceAll("'", "''")}'`);
  const db = new Kysely<Database>({ dialect: pgliteDialect(pglite) });
  return { db, kind: 'pglite', pglite, dataDir: opts.dataDir, close: () => db.destroy() };
}

const commitCallbacks = new WeakMap<Trx, (() => void)[]>();

/** Runs `fn` in one transaction: everything it writes commits together, or nothing does. */
export async function withTransaction<T>(db: Db, fn: (trx: Trx) => Promise<T>): Promise<T> {
  const callbacks: (() => void)[] = [];
  const result = await db.transaction().execute((trx) => {
    commitCallbacks.set(trx, callbacks);
    return fn(trx);
  });
  for (const callback of callbacks) callback();
  return result;
}

/**
 * Runs `fn` once the transaction `conn` (opened by withTransaction) has committed, never if it rolls back; on a
 * plain connection (or a transaction opened otherwise), at once. For telling others about a change (live updates).
 */
export function afterCommit(conn: Db | Trx, fn: () => void): void {
  const callbacks = commitCallbacks.get(conn as Trx);
  if (callbacks) callbacks.push(fn);
  else fn();
}
