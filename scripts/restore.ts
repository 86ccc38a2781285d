// npm run restore -- <file> [--force]: restores a backup into the configured database (DATABASE_URL, or the PGlite
// directory LIANXI_DATA_DIR) and data directory, then checks it against the backup's manifest. Stop the server first.
import { parseArgs } from 'node:util';
import { readConfig } from '../src/platform/config.ts';
import { AppError } from '../src/platform/errors.ts';
import { restoreBackup } from '../src/modules/backup/index.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { force: { type: 'boolean', default: false } },
});
if (positionals.length !== 1) {
  console.error('usage: npm run restore -- <backup.tar.gz> [--force]');
  process.exit(2);
}
const config = readConfig();
try {
  const { manifest, problems } = await restoreBackup(config, positionals[0], { force: values.force });
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `restored the backup of ${manifest.createdAt} into ${config.databaseUrl ? 'the PostgreSQL database' : config.dataDir}: ${manifest.tables.length} tables, ${rows} rows, ${manifest.files.length} files`,
  );
  if (problems.length === 0)
    console.log('checked: every table and file matches the manifest. Start the server with npm start.');
  else {
    console.error(`the restored data does NOT match the manifest:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  }
} catch (err) {
  console.error(err instanceof AppError ? err.messageFor('en') : err);
  process.exitCode = 1;
}
