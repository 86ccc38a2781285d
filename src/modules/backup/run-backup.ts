import path from 'node:path';
import type { Config } from '../../platform/config.ts';
import type { DatabaseHandle } from '../../platform/db.ts';
import { createBackup } from './create-backup.ts';
import { verifyBackup } from './verify-backup.ts';
import { listBackups, pruneBackups, recordBackup, type BackupInfo } from './backup-store.ts';

/**
 * One backup as the schedule, the "back up now" button and `npm run backup` take it: write the archive, verify it by
 * restoring it into a scratch database, record the result beside it, then keep only the newest `backupKeep`.
 */
export async function runBackup(database: DatabaseHandle, config: Config): Promise<BackupInfo> {
  const { file, manifest } = await createBackup(
    { database, dataDir: config.dataDir, databaseUrl: config.databaseUrl },
    config.backupDir,
  );
  const verification = await verifyBackup(file, config.databaseUrl);
  const name = path.basename(file);
  await recordBackup(config.backupDir, name, manifest, verification);
  await pruneBackups(config.backupDir, config.backupKeep);
  return (await listBackups(config.backupDir)).find((b) => b.name === name)!;
}
