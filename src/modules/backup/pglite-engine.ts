import { cp } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { DatabaseHandle, Db } from '../../platform/db.ts';
import { MANIFEST_SETTINGS, tableSums, type TableSum } from './manifest.ts';
import { backupError } from './backup.errors.ts';
import { FILE_STORES } from './file-stores.ts';

/**
 * A consistent copy of PGlite's data directory. PGlite has one session, and the project's driver hands it to one caller
 * at a time: holding that connection, no other statement runs, so the table sums, a CHECKPOINT and a plain copy of the
 * directory all see the same state. Requests wait for the copy (seconds for a first-run database); a server is the
 * answer for large ones. The attachment folder inside the data directory is archived apart, so it is skipped here.
 */
export async function snapshotPglite(database: DatabaseHandle, target: string): Promise<TableSum[]> {
  const dataDir = database.dataDir;
  if (!dataDir) throw backupError('BACKUP_IN_MEMORY_DATABASE');
  return database.db.connection().execute(async (conn) => {
    const tables = await sumTables(conn);
    await sql`CHECKPOINT`.execute(conn);
    await cp(dataDir, target, {
      recursive: true,
      filter: (source) => !FILE_STORES.some((store) => source === path.join(dataDir, store)),
    });
    return tables;
  });
}

/** Row counts and checksums of an open database, in one transaction. */
export function sumTables(db: Db): Promise<TableSum[]> {
  return db.transaction().execute(async (trx) => {
    await sql.raw(MANIFEST_SETTINGS).execute(trx);
    return tableSums(async (text) => (await sql.raw<Record<string, unknown>>(text).execute(trx)).rows);
  });
}

/** Whether a directory holds a PGlite (PostgreSQL) database. */
export function holdsPgliteDatabase(dataDir: string): boolean {
  return existsSync(path.join(dataDir, 'PG_VERSION'));
}

/** Puts an archived data directory in place; opening it replays its WAL to the copied state. */
export async function restorePglite(pgdata: string, dataDir: string): Promise<void> {
  await cp(pgdata, dataDir, { recursive: true, errorOnExist: true, force: false });
}
