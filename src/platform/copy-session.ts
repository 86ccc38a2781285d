import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database, DatabaseHandle, Db } from './db.ts';

/**
 * One database session that can both run Kysely queries and bulk-load rows with COPY, so that a COPY lands inside
 * the same transaction as the statements around it. `copyRows` takes rows in COPY's text format (tab-separated,
 * one per line, see `copyValue`); a server receives them as a COPY stream, PGlite through /dev/blob.
 */
export interface CopySession {
  db: Db;
  copyRows(table: string, columns: readonly string[], text: string): Promise<void>;
}

export async function withCopySession<T>(
  database: DatabaseHandle,
  fn: (session: CopySession) => Promise<T>,
): Promise<T> {
  const target = (table: string, columns: readonly string[]) => `COPY ${table} (${columns.join(', ')}) FROM`;
  if (database.pglite) {
    const pglite = database.pglite;
    // Holding the driver's one connection queues every other request, so their statements cannot land in between.
    return database.db.connection().execute((db) =>
      fn({
        db,
        copyRows: async (table, columns, text) => {
          await pglite.query(`${target(table, columns)} '/dev/blob'`, [], { blob: new Blob([text]) });
        },
      }),
    );
  }
  const client = await database.pool!.connect();
  // A Kysely of its own over this one client (never released to it), so queries and COPY share the session.
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: { connect: async () => soleClient(client), end: async () => {} } }),
  });
  try {
    return await fn({
      db,
      copyRows: (table, columns, text) =>
        new Promise<void>((resolve, reject) => {
          const stream = client.query(copyFrom(`${target(table, columns)} STDIN`));
          stream.on('finish', resolve);
          stream.on('error', reject);
          stream.end(text);
        }),
    });
  } finally {
    await db.destroy();
    client.release();
  }
}

function soleClient(client: pg.PoolClient) {
  return { query: client.query.bind(client), release: () => {} } as unknown as pg.PoolClient;
}

/** A value in COPY's text format: the characters that separate fields and rows are escaped. */
export function copyValue(value: string): string {
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : value;
}
