import { systemContext } from '../../platform/access/context.ts';
import type { JobHelpers } from '../../platform/jobs.ts';
import { withTransaction } from '../../platform/db.ts';
import { runSegmentation } from './engine/segment.ts';
import { loadSegmentationInput } from './load-input.ts';
import * as repo from './segmentation.repository.ts';
import type { RunFilter, StoredResult } from './segmentation.schema.ts';
import type { RunJobPayload } from './start-run.ts';
import { VARIABLES } from './variables.ts';

/**
 * The background half of a run: read the profiles in the analyst's scope, cluster them, and store the
 * outcome and every customer's cluster together. Progress goes to the run (the page polls it): reading is the
 * first 10 %, clustering up to 95 %, saving the rest. A failure is recorded on the run, not retried.
 */
export async function runSegmentationJob(payload: RunJobPayload, { db, reportProgress }: JobHelpers): Promise<unknown> {
  const run = await repo.findRunForJob(db, payload.runId);
  // 'running' here means the process that ran it died (the job's lock expired): start it again.
  if (!run || (run.status !== 'queued' && run.status !== 'running')) return { skipped: true };
  await repo.updateRun(db, run.id, { status: 'running', started_at: new Date(), progress: 0 });
  let shown = 0;
  const progress = async (percent: number) => {
    if (percent <= shown) return;
    shown = percent;
    await repo.updateRun(db, run.id, { progress: percent });
    await reportProgress(percent);
  };
  try {
    const ctx = { ...systemContext(payload.scope.employeeId), ...payload.scope };
    const input = await loadSegmentationInput(
      db,
      ctx,
      {
        month: run.month.slice(0, 7),
        months: run.months,
        filter: run.filter as RunFilter,
        variables: run.variables,
      },
      (done) => progress(Math.floor(10 * done)),
    );
    const n = input.customerIds.length;
    const out = await runSegmentation(
      input.matrix,
      n,
      {
        variables: run.variables,
        k: run.k_requested ?? 'auto',
        seed: run.seed,
        logColumns: run.variables.map((key) => run.log_spend && VARIABLES.some((v) => v.key === key && v.heavyTailed)),
      },
      (p) => progress(10 + Math.floor(p * 0.85)),
    );
    const result: StoredResult = {
      sizes: out.sizes,
      profiles: out.profiles,
      overall: out.overall,
      suggestedNames: out.suggestedNames,
      elbow: out.elbow,
      elbowSampleSize: out.elbowSampleSize,
      projection: out.projection,
    };
    await withTransaction(db, async (trx) => {
      await repo.insertAssignments(trx, run.id, input.customerIds, out.labels);
      await repo.updateRun(trx, run.id, {
        status: 'done',
        progress: 100,
        finished_at: new Date(),
        k: out.k,
        customer_count: n,
        iterations: out.iterations,
        converged: out.converged,
        inertia: out.inertia,
        silhouette: out.silhouette,
        result: JSON.stringify(result),
        cluster_names: JSON.stringify(out.suggestedNames.map((name) => (payload.locale === 'en' ? name.en : name.zh))),
      });
    });
    return { runId: run.id, k: out.k, customers: n };
  } catch (err) {
    await repo.updateRun(db, run.id, {
      status: 'failed',
      finished_at: new Date(),
      error: err instanceof Error ? err.message.slice(0, 2000) : String(err),
    });
    return { runId: run.id, failed: true };
  }
}
