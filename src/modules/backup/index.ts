import { registerPermissionArea } from '../../platform/access/permissions.ts';
import type { CrmModule } from '../../platform/module.ts';
import { backupRoutes } from './backup.routes.ts';
import { backupJobs } from './backup.jobs.ts';

registerPermissionArea('backup', { zh: '备份与恢复', en: 'Backup & restore' });

/** Verified backups of the database and its attachment files: scheduled, on demand, and `npm run backup/restore`. */
export const backupModule: CrmModule = { name: 'backup', routes: backupRoutes, jobs: backupJobs };

export { runBackup } from './run-backup.ts';
export { restoreBackup } from './restore-backup.ts';
export { verifyBackup } from './verify-backup.ts';
