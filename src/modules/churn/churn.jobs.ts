import type { JobRunner } from '../../platform/jobs.ts';
import type { Services } from '../../platform/module.ts';
import { refreshRiskScores } from './risk/refresh-scores.ts';

export const MONTHLY_JOB = 'churn.score-monthly';
export const SCORE_NOW_JOB = 'churn.score-now';
const MONTH_MS = 30 * 86_400_000;

/** Scores refresh monthly; an administrator can also ask for a run now (after an import, say). */
export async function churnJobs(jobs: JobRunner, { db }: Services): Promise<void> {
  const run = (_payload: unknown, helpers: { reportProgress(p: number): Promise<void> }) =>
    refreshRiskScores(db, { progress: helpers.reportProgress });
  jobs.register(SCORE_NOW_JOB, run);
  await jobs.scheduleRecurring(MONTHLY_JOB, MONTH_MS, run);
}
