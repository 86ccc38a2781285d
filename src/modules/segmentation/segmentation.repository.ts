import { sql, type Updateable } from 'kysely';
import type { RequestContext } from '../../platform/access/context.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import type { Db, Trx } from '../../platform/db.ts';
import type { SegmentationRunsTable } from './segmentation.tables.ts';
import './segmentation.tables.ts';

type Conn = Db | Trx;
/** Rows per INSERT of assignments: two arrays of this length travel as two parameters. */
const ASSIGNMENT_BATCH = 50_000;

/** Runs the caller may see: those started by someone inside the caller's data scope. */
function runSelect(db: Conn, ctx: RequestContext) {
  return db
    .selectFrom('segmentation_runs as r')
    .innerJoin('employees as e', 'e.id', 'r.created_by')
    .selectAll('r')
    .select('e.name as created_by_name')
    .where(scopeWhere(ctx, { owner: 'r.created_by', region: 'r.org_unit_id' }));
}
export type RunRow = Awaited<ReturnType<ReturnType<typeof runSelect>['executeTakeFirstOrThrow']>>;

export async function findRun(db: Conn, ctx: RequestContext, id: string, lock = false): Promise<RunRow | undefined> {
  let query = runSelect(db, ctx).where('r.id', '=', id);
  if (lock) query = query.forUpdate('r');
  return query.executeTakeFirst();
}

export async function listRuns(db: Conn, ctx: RequestContext, limit: number, beforeId?: string): Promise<RunRow[]> {
  let query = runSelect(db, ctx).orderBy('r.id', 'desc').limit(limit);
  if (beforeId) query = query.where('r.id', '<', beforeId);
  return query.execute();
}

export async function insertRun(
  trx: Trx,
  values: Pick<SegmentationRunsTable, 'month' | 'variables' | 'k_requested' | 'seed' | 'created_by' | 'org_unit_id'> & {
    months: number;
    log_spend: boolean;
    filter: string;
  },
): Promise<string> {
  return (await trx.insertInto('segmentation_runs').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** The run as the background job sees it: no data scope, the job acts for the run's creator. */
export async function findRunForJob(db: Conn, id: string) {
  return db.selectFrom('segmentation_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateRun(db: Conn, id: string, values: Updateable<SegmentationRunsTable>): Promise<void> {
  await db.updateTable('segmentation_runs').set(values).where('id', '=', id).execute();
}

/** Stores each customer's cluster, in batches passed as two arrays (fast on both engines). */
export async function insertAssignments(
  trx: Trx,
  runId: string,
  customerIds: string[],
  labels: Int32Array,
): Promise<void> {
  for (let from = 0; from < customerIds.length; from += ASSIGNMENT_BATCH) {
    const ids = customerIds.slice(from, from + ASSIGNMENT_BATCH);
    const clusters = Array.from(labels.subarray(from, from + ids.length));
    await sql`INSERT INTO segmentation_assignments (run_id, customer_id, cluster)
      SELECT ${runId}::bigint, u.customer_id, u.cluster FROM unnest(${ids}::bigint[], ${clusters}::smallint[]) AS u(customer_id, cluster)`.execute(
      trx,
    );
  }
}

/**
 * (customer_id, segment) of a run, the segment being the cluster's current name: what publishing writes. With
 * `latestOnly`, only the customers no run published after this one covered (they carry this run's segment).
 */
export function segmentsOfRun(trx: Trx, runId: string, latestOnly = false) {
  let query = trx
    .selectFrom('segmentation_assignments as a')
    .innerJoin('segmentation_runs as r', 'r.id', 'a.run_id')
    .select(['a.customer_id', sql<string>`r.cluster_names ->> a.cluster::int`.as('segment')])
    .where('a.run_id', '=', runId);
  if (latestOnly)
    query = query.where(
      sql<boolean>`NOT EXISTS (SELECT 1 FROM segmentation_assignments b JOIN segmentation_runs later ON later.id = b.run_id
        WHERE b.customer_id = a.customer_id AND later.id <> r.id AND later.published_at > r.published_at)`,
    );
  return query;
}

/**
 * Before run `runId` is published: the published runs whose every customer it covers are no longer in effect.
 * A run that still gives some customers their segment (another region's, say) stays published.
 */
export async function retireSupersededRuns(trx: Trx, runId: string): Promise<void> {
  await sql`UPDATE segmentation_runs r SET published_at = NULL, published_by = NULL
    WHERE r.published_at IS NOT NULL AND r.id <> ${runId}
      AND NOT EXISTS (SELECT 1 FROM segmentation_assignments a WHERE a.run_id = r.id
        AND NOT EXISTS (SELECT 1 FROM segmentation_assignments b WHERE b.run_id = ${runId} AND b.customer_id = a.customer_id))`.execute(
    trx,
  );
}
