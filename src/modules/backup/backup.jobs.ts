import type { JobRunner } from '../../platform/jobs.ts';
import type { Services } from '../../platform/module.ts';
import { nowMs } from '../../platform/clock.ts';
import { runBackup } from './run-backup.ts';

/** "Back up now" from the backup page; one at a time. */
export const BACKUP_NOW_JOB = 'backup.now';
/** The schedule (LIANXI_BACKUP_EVERY_HOURS, daily by default). */
export const BACKUP_SCHEDULED_JOB = 'backup.scheduled';
export const BACKUP_JOBS = [BACKUP_NOW_JOB, BACKUP_SCHEDULED_JOB];

export async function backupJobs(runner: JobRunner, { database, config }: Services): Promise<void> {
  const backUp = () => runBackup(database, config);
  runner.register(BACKUP_NOW_JOB, backUp);
  if (config.backupEveryHours <= 0) return;
  const everyMs = config.backupEveryHours * 3_600_000;
  // The first scheduled backup waits one period: a first start has nothing worth keeping yet.
  await runner.scheduleRecurring(BACKUP_SCHEDULED_JOB, everyMs, backUp, { firstRunAt: new Date(nowMs() + everyMs) });
}
