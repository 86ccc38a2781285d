import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Config } from '../../platform/config.ts';
import { openDatabase } from '../../platform/db.ts';
import { recordAudit } from '../../platform/audit.ts';
import { compareManifests, type Manifest } from './manifest.ts';
import { openArchive, sumFiles } from './open-archive.ts';
import { holdsPgliteDatabase, restorePglite, sumTables } from './pglite-engine.ts';
import { clearPostgres, holdsPostgresTables, restorePostgres } from './postgres-engine.ts';
import { FILE_STORES, storeDir } from './file-stores.ts';
import { backupError } from './backup.errors.ts';

export interface RestoreResult {
  manifest: Manifest;
  problems: string[];
}

/**
 * `npm run restore <file>`: puts a backup into the database the configuration names (DATABASE_URL, or the PGlite data
 * directory) and its files into the data directory, then compares what is there with the manifest. A damaged archive
 * (a file that does not match its sha256) is refused before anything is touched; so is a database that already holds
 * tables, unless `force`. Run it with the server stopped.
 */
export async function restoreBackup(
  config: Config,
  file: string,
  options: { force?: boolean } = {},
): Promise<RestoreResult> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'lianxi-restore-'));
  try {
    const archive = await openArchive(file, scratch);
    const damaged = compareManifests(
      { tables: [], files: archive.manifest.files },
      { tables: [], files: archive.files },
    );
    if (damaged.length > 0) throw backupError('BACKUP_INVALID', { reason: damaged.join('; ') });
    const engine = config.databaseUrl ? 'postgres' : 'pglite';
    if (archive.manifest.engine !== engine)
      throw backupError('BACKUP_ENGINE_MISMATCH', { from: archive.manifest.engine, to: engine });

    if (config.databaseUrl) {
      if (await holdsPostgresTables(config.databaseUrl)) {
        if (!options.force) throw backupError('BACKUP_TARGET_NOT_EMPTY');
        await clearPostgres(config.databaseUrl);
      }
      await restorePostgres(archive.databasePath, config.databaseUrl);
    } else {
      if (holdsPgliteDatabase(config.dataDir)) {
        if (!options.force) throw backupError('BACKUP_TARGET_NOT_EMPTY');
        await rm(config.dataDir, { recursive: true, force: true });
      }
      await restorePglite(archive.databasePath, config.dataDir);
    }
    for (const store of FILE_STORES) {
      await rm(storeDir(config.dataDir, store), { recursive: true, force: true });
      await cp(path.join(archive.filesDir, store), storeDir(config.dataDir, store), { recursive: true }).catch(
        (err: NodeJS.ErrnoException) => {
          if (err.code !== 'ENOENT') throw err;
        },
      );
    }

    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
    try {
      const tables = await sumTables(database.db);
      const files = (
        await Promise.all(
          FILE_STORES.map(async (store) =>
            (await sumFiles(storeDir(config.dataDir, store))).map((f) => ({ ...f, path: `${store}/${f.path}` })),
          ),
        )
      ).flat();
      const problems = compareManifests(archive.manifest, { tables, files });
      await recordAudit(
        database.db,
        { employeeId: '0', name: 'npm run restore', ip: '127.0.0.1' },
        {
          action: 'restore',
          entity: 'backup',
          entityId: path.basename(file),
          changes: { createdAt: archive.manifest.createdAt, problems },
        },
      );
      return { manifest: archive.manifest, problems };
    } finally {
      await database.close();
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
