import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type DatabaseHandle } from '../../platform/db.ts';
import { now } from '../../platform/clock.ts';
import { compareManifests, type TableSum } from './manifest.ts';
import { openArchive, type OpenedArchive } from './open-archive.ts';
import { sumTables } from './pglite-engine.ts';
import { restorePostgres, scratchPostgres } from './postgres-engine.ts';

export interface Verification {
  status: 'verified' | 'failed';
  at: string;
  problems: string[];
}

/**
 * Restores an archive into a scratch database (a temporary PGlite directory, or a new database on the server named by
 * `databaseUrl`), then compares its tables and the archived files with the manifest. The scratch copy is removed.
 */
export async function verifyBackup(file: string, databaseUrl: string | undefined): Promise<Verification> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'lianxi-verify-'));
  let problems: string[];
  try {
    const archive = await openArchive(file, scratch);
    const tables = await restoredTableSums(archive, databaseUrl);
    problems = compareManifests(archive.manifest, { tables, files: archive.files });
  } catch (err) {
    problems = [err instanceof Error ? err.message : String(err)];
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return { status: problems.length === 0 ? 'verified' : 'failed', at: now().toISOString(), problems };
}

async function restoredTableSums(archive: OpenedArchive, databaseUrl: string | undefined): Promise<TableSum[]> {
  if (archive.manifest.engine === 'pglite') return sumsOf(await openDatabase({ dataDir: archive.databasePath }));
  if (!databaseUrl) throw new Error('a PostgreSQL backup is verified on a PostgreSQL server: set DATABASE_URL');
  const scratch = await scratchPostgres(databaseUrl);
  try {
    await restorePostgres(archive.databasePath, scratch.url);
    return await sumsOf(await openDatabase({ databaseUrl: scratch.url, poolSize: 1 }));
  } finally {
    await scratch.drop();
  }
}

/** The table sums of a database opened for that only, then closed. */
export async function sumsOf(database: DatabaseHandle): Promise<TableSum[]> {
  try {
    return await sumTables(database.db);
  } finally {
    await database.close();
  }
}
