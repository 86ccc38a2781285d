// npm run backup: one verified backup of the configured database and its attachment files into LIANXI_BACKUP_DIR.
// On PGlite, stop the server first (one process may open a data directory) or use System → Backup & restore.
import { readConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db.ts';
import { runBackup } from '../src/modules/backup/index.ts';

const config = readConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
try {
  const backup = await runBackup(database, config);
  console.log(
    `${config.backupDir}/${backup.name}: ${(backup.sizeBytes / 1048576).toFixed(1)} MB, ${backup.tables} tables, ${backup.rows} rows, ${backup.files} files`,
  );
  if (backup.verification?.status === 'verified')
    console.log('verified: restored into a scratch database, every table and file matches the manifest');
  else {
    console.error(`verification FAILED:\n  ${backup.verification?.problems.join('\n  ')}`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
