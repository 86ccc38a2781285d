import type { RequestContext } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTransaction, type Db, type Trx } from '../../platform/db.ts';
import { replaceCustomerSegments } from '../customers/index.ts';
import { toRunDetail } from './run-dto.ts';
import * as repo from './segmentation.repository.ts';
import { segmentationError } from './segmentation.errors.ts';
import type { RunDetail } from './segmentation.schema.ts';

async function finishedRun(trx: Trx, ctx: RequestContext, id: string) {
  const run = await repo.findRun(trx, ctx, id, true);
  if (!run) throw segmentationError('RUN_NOT_FOUND');
  if (run.status !== 'done') throw segmentationError('RUN_NOT_FINISHED');
  return run;
}

/**
 * Publishes this run: each customer it covered gets their cluster's name as segment; customers it did not cover
 * (another region's, or left out by its filter) keep theirs. Earlier published runs whose customers it all covers
 * stop being published; the others stay in effect for the customers only they cover.
 */
export function publishRun(db: Db, ctx: RequestContext, id: string): Promise<RunDetail & { customersUpdated: number }> {
  return withTransaction(db, async (trx) => {
    await finishedRun(trx, ctx, id);
    await repo.retireSupersededRuns(trx, id);
    await repo.updateRun(trx, id, { published_at: new Date(), published_by: ctx.employeeId });
    const customersUpdated = await replaceCustomerSegments(trx, repo.segmentsOfRun(trx, id));
    await recordAudit(trx, ctx, {
      action: 'publish',
      entity: 'segmentation_run',
      entityId: id,
      changes: { customersUpdated },
    });
    return { ...toRunDetail((await repo.findRun(trx, ctx, id))!), customersUpdated };
  });
}

/** Renames the clusters; on a published run the customers' segments follow. */
export function renameClusters(db: Db, ctx: RequestContext, id: string, names: string[]): Promise<RunDetail> {
  return withTransaction(db, async (trx) => {
    const run = await finishedRun(trx, ctx, id);
    if (names.length !== run.k)
      throw segmentationError('DUPLICATE_CLUSTER_NAMES', {}, { names: `give exactly ${run.k} names` });
    if (new Set(names).size !== names.length)
      throw segmentationError('DUPLICATE_CLUSTER_NAMES', {}, { names: 'each cluster needs a different name' });
    await repo.updateRun(trx, id, { cluster_names: JSON.stringify(names) });
    // Renaming a published run relabels only the customers whose segment still comes from it.
    if (run.published_at) await replaceCustomerSegments(trx, repo.segmentsOfRun(trx, id, true));
    await recordAudit(trx, ctx, {
      action: 'rename',
      entity: 'segmentation_run',
      entityId: id,
      changes: { names: [run.cluster_names, names] },
    });
    return toRunDetail((await repo.findRun(trx, ctx, id))!);
  });
}
