import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { DatabaseHandle } from '../../platform/db.ts';
import { now } from '../../platform/clock.ts';
import { ArchiveWriter, listFiles } from './archive.ts';
import { MANIFEST_FORMAT, type FileSum, type Manifest } from './manifest.ts';
import { snapshotPglite } from './pglite-engine.ts';
import { dumpPostgres } from './postgres-engine.ts';
import { FILE_STORES, storeDir } from './file-stores.ts';
import { backupFileName } from './backup-store.ts';

/** What is backed up: the open database, and the data directory its attachment folders live in. */
export interface BackupSource {
  database: DatabaseHandle;
  dataDir: string;
  databaseUrl?: string;
}

/**
 * Writes one archive into `dir`: the database first (a snapshot, with its table sums), then the attachment files.
 * Files are written before the row that names them commits and are never changed, so every file a row in the
 * snapshot names is already there; a file whose row came later is kept too, harmlessly.
 */
export async function createBackup(source: BackupSource, dir: string): Promise<{ file: string; manifest: Manifest }> {
  await mkdir(dir, { recursive: true });
  const createdAt = now();
  const file = path.join(dir, backupFileName(createdAt));
  const work = await mkdtemp(path.join(dir, '.work-'));
  const partial = path.join(work, 'archive.tar.gz');
  try {
    const { database } = source;
    const databaseFile = path.join(work, database.kind === 'pglite' ? 'pgdata' : 'database.dump');
    const tables =
      database.kind === 'pglite'
        ? await snapshotPglite(database, databaseFile)
        : await dumpPostgres(database.pool!, source.databaseUrl!, databaseFile);
    const archive = new ArchiveWriter(partial);
    if (database.kind === 'pglite') await archive.addDirectory('pgdata', databaseFile);
    else await archive.addFile('database.dump', databaseFile);
    const files: FileSum[] = [];
    for (const store of FILE_STORES) {
      const storePath = storeDir(source.dataDir, store);
      for (const relative of await listFiles(storePath)) {
        // Read whole (attachments are at most 10 MB), so the bytes hashed are the bytes archived.
        const data = await readFile(path.join(storePath, relative));
        files.push({
          path: `${store}/${relative}`,
          size: data.length,
          sha256: createHash('sha256').update(data).digest('hex'),
        });
        await archive.addBuffer(`files/${store}/${relative}`, data);
      }
    }
    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      createdAt: createdAt.toISOString(),
      engine: database.kind,
      tables,
      files,
    };
    await archive.addBuffer('manifest.json', Buffer.from(JSON.stringify(manifest, null, 1)));
    await archive.finish();
    await rename(partial, file);
    return { file, manifest };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
