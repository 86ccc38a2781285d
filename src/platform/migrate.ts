import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from './db.ts';

export interface MigrationSource {
  /** Module name, recorded with each file so that two modules may both have a 0001_*.sql. */
  module: string;
  dir: string;
}

/**
 * Applies every not-yet-applied `.sql` file of each source, sources in the given order and files in
 * name order, each file in its own transaction, and records it in `schema_migrations`.
 * An advisory lock keeps two processes starting at once from applying the same file twice.
 */
export async function migrate(db: Db, sources: MigrationSource[]): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    module text NOT NULL, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (module, name))`.execute(db);
  const applied: string[] = [];
  await db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(7423001)`.execute(conn);
    try {
      const done = await sql<{ module: string; name: string }>`SELECT module, name FROM schema_migrations`.execute(
        conn,
      );
      const seen = new Set(done.rows.map((r) => `${r.module}/${r.name}`));
      for (const source of sources) {
        if (!existsSync(source.dir)) continue;
        const files = readdirSync(source.dir)
          .filter((f) => f.endsWith('.sql'))
          .sort();
        for (const file of files) {
          if (seen.has(`${source.module}/${file}`)) continue;
          const text = readFileSync(path.join(source.dir, file), 'utf8');
          await conn.transaction().execute(async (trx) => {
            await sql.raw(text).execute(trx);
            await sql`INSERT INTO schema_migrations (module, name) VALUES (${source.module}, ${file})`.execute(trx);
          });
          applied.push(`${source.module}/${file}`);
        }
      }
    } finally {
      await sql`SELECT pg_advisory_unlock(7423001)`.execute(conn);
    }
  });
  return applied;
}
