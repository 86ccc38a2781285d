import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from './db.ts';

export interface MigrationSource {
  /** Module name, recorded with each file so that two modules may both have a 0001_*.sql. */
  module: string;
  dir: string;
}

/** Thrown at start-up when a migration already applied to this database no longer has the content it was applied with. */
export class MigrationEditedError extends Error {}

/**
 * Applies every not-yet-applied `.sql` file in ONE global order: the sources in the given order (the module registry's),
 * and each source's files in name order. Each file runs in its own transaction and is recorded in `schema_migrations`
 * with the sha256 of its text.
 *
 * Before applying anything, every applied file is compared with its recorded checksum: an edited file stops the start
 * (MigrationEditedError, naming the module and file). A row recorded before checksums existed gets the file's checksum
 * (back-fill). The one sanctioned rewrite is a file that names the checksum it replaces in a `-- replaces sha256: <hex>`
 * line (see docs/DEVELOPING.md, "Migrations"); its record then takes the new checksum.
 * An advisory lock keeps two processes starting at once from applying the same file twice.
 */
export async function migrate(db: Db, sources: MigrationSource[]): Promise<string[]> {
  // The runner's own table; `checksum` came later, so older databases get the column here.
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    module text NOT NULL, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (module, name))`.execute(db);
  await sql`ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS checksum text`.execute(db);
  const applied: string[] = [];
  await db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(7423001)`.execute(conn);
    try {
      const done = await sql<{
        module: string;
        name: string;
        checksum: string | null;
      }>`SELECT module, name, checksum FROM schema_migrations`.execute(conn);
      const recorded = new Map(done.rows.map((r) => [`${r.module}/${r.name}`, r.checksum]));
      const pending: MigrationFile[] = [];
      for (const file of migrationFiles(sources)) {
        if (!recorded.has(file.id)) {
          pending.push(file);
          continue;
        }
        const stored = recorded.get(file.id) ?? null;
        if (stored === file.checksum) continue;
        if (stored !== null && !file.replaces.includes(stored)) throw editedError(file, stored);
        // Recorded before checksums (NULL), or a declared rewrite: the record takes the file's checksum.
        await sql`UPDATE schema_migrations SET checksum = ${file.checksum}
          WHERE module = ${file.module} AND name = ${file.name}`.execute(conn);
      }
      for (const file of pending) {
        await conn.transaction().execute(async (trx) => {
          await sql.raw(file.text).execute(trx);
          await sql`INSERT INTO schema_migrations (module, name, checksum)
            VALUES (${file.module}, ${file.name}, ${file.checksum})`.execute(trx);
        });
        applied.push(file.id);
      }
    } finally {
      await sql`SELECT pg_advisory_unlock(7423001)`.execute(conn);
    }
  });
  return applied;
}

interface MigrationFile {
  /** `module/file.sql`, as schema_migrations records it. */
  id: string;
  module: string;
  name: string;
  file: string;
  text: string;
  checksum: string;
  /** Checksums of earlier versions this file declares it replaces (`-- replaces sha256: <hex>`). */
  replaces: string[];
}

/** Every migration file in the global order: sources as given, files by name within each. */
function migrationFiles(sources: MigrationSource[]): MigrationFile[] {
  return sources.flatMap((source) => {
    if (!existsSync(source.dir)) return [];
    return readdirSync(source.dir)
      .filter((f) => f.endsWith('.sql'))
      .sort()
      .map((name) => {
        const file = path.join(source.dir, name);
        const bytes = readFileSync(file);
        const text = bytes.toString('utf8');
        return {
          id: `${source.module}/${name}`,
          module: source.module,
          name,
          file,
          text,
          checksum: migrationChecksum(bytes),
          replaces: [...text.matchAll(/^-- replaces sha256: ([0-9a-f]{64})\s*$/gm)].map((m) => m[1]),
        };
      });
  });
}

/** The checksum recorded for a migration: sha256 of the file's bytes, hex. */
export function migrationChecksum(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function editedError(file: MigrationFile, stored: string): MigrationEditedError {
  return new MigrationEditedError(
    `Migration ${file.id} was edited after it was applied to this database ` +
      `(recorded sha256 ${stored.slice(0, 12)}…, ${path.relative(process.cwd(), file.file)} now ${file.checksum.slice(0, 12)}…). ` +
      `An applied migration is never edited: restore the file (git checkout) and put the change in a new migration of module ${file.module}. ` +
      'Lianxi CRM does not start until then.',
  );
}
