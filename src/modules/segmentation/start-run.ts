import type { RequestContext } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTransaction, type Db } from '../../platform/db.ts';
import { enqueueJob } from '../../platform/jobs.ts';
import { countCustomersWithProfiles } from './load-input.ts';
import * as repo from './segmentation.repository.ts';
import { segmentationError } from './segmentation.errors.ts';
import type { StartRun } from './segmentation.schema.ts';

export const RUN_JOB = 'segmentation.run';

/** What the job needs to see the customers as the analyst saw them (their data scope), kept in its payload. */
export interface RunJobPayload {
  runId: string;
  locale: RequestContext['locale'];
  scope: Pick<RequestContext, 'employeeId' | 'scope' | 'orgUnitId' | 'orgPath' | 'departmentPath' | 'regionPath'>;
}

/**
 * Records a run and queues it. The customers are checked first, so an empty filter or too few customers for K
 * is a 400 at once rather than a failed run later.
 */
export async function startRun(db: Db, ctx: RequestContext, input: StartRun): Promise<{ runId: string }> {
  const minimum = input.k === 'auto' ? 3 : input.k + 1;
  const count = await countCustomersWithProfiles(db, ctx, input, minimum);
  if (count === 0)
    throw segmentationError(
      'NO_CUSTOMERS',
      {},
      { filter: 'no customer with usage data matches', month: 'no usage data for the chosen customers' },
    );
  if (count < minimum)
    throw segmentationError(
      'TOO_FEW_CUSTOMERS',
      { count, k: input.k === 'auto' ? 2 : input.k },
      { k: `only ${count} customers` },
    );
  return withTransaction(db, async (trx) => {
    const runId = await repo.insertRun(trx, {
      month: `${input.month}-01`,
      months: input.months,
      variables: input.variables,
      k_requested: input.k === 'auto' ? null : input.k,
      seed: input.seed,
      log_spend: input.log,
      filter: JSON.stringify(input.filter),
      created_by: ctx.employeeId,
      org_unit_id: ctx.orgUnitId,
    });
    const payload: RunJobPayload = {
      runId,
      locale: ctx.locale,
      scope: {
        employeeId: ctx.employeeId,
        scope: ctx.scope,
        orgUnitId: ctx.orgUnitId,
        orgPath: ctx.orgPath,
        departmentPath: ctx.departmentPath,
        regionPath: ctx.regionPath,
      },
    };
    await enqueueJob(trx, RUN_JOB, payload, { maxAttempts: 1 });
    await recordAudit(trx, ctx, {
      action: 'start',
      entity: 'segmentation_run',
      entityId: runId,
      changes: { ...input },
    });
    return { runId };
  });
}
