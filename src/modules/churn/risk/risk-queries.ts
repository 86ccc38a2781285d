import { z } from 'zod';
import type { RequestContext } from '../../../platform/access/context.ts';
import { phoneFor } from '../../../platform/access/masking.ts';
import { customerScope } from '../../customers/index.ts';
import type { Db } from '../../../platform/db.ts';
import { localizedName } from '../../../platform/localized-name.ts';
import { decodeCursor, encodeCursor, cursorId, cursorText } from '../../../platform/http/schemas.ts';
import type { RiskItem, RiskQuery } from '../churn.schema.ts';
import { describeFactor, type FeatureName } from './features.ts';
import { weightsByFeature } from './train-model.ts';
import type { LogisticModel } from './logistic.ts';
import '../churn.tables.ts';
import '../../customers/index.ts';

const SORT = { score: 's.score', name: 'c.name', customerNo: 'c.customer_no' } as const;

/**
 * The scores to list: all of them, or (when `candidates` is given) only the highest `candidates` in the
 * requested order — a fenced subquery that walks the score index, so a wide scope stops after a few
 * hundred rows instead of joining every customer in the region first.
 */
function scoresFrom(db: Db, f: RiskQuery, after: [string | number, string] | undefined, candidates?: number) {
  let scores = db.selectFrom('churn_risk_scores as x').selectAll('x').where('x.score', '>=', f.minScore);
  if (candidates === undefined) return scores.as('s');
  if (after)
    scores = scores.where((eb) =>
      eb(
        eb.refTuple('x.score', 'x.customer_id'),
        f.order === 'asc' ? '>' : '<',
        eb.tuple(after[0] as number, after[1]),
      ),
    );
  return scores.orderBy('x.score', f.order).orderBy('x.customer_id', f.order).limit(candidates).as('s');
}

function atRiskQuery(
  db: Db,
  ctx: RequestContext,
  f: RiskQuery,
  after: [string | number, string] | undefined,
  candidates?: number,
) {
  let query = db
    .selectFrom(scoresFrom(db, f, after, candidates))
    // Each score looks up its customer (and the scope) by id: cheap per row when the scores are few.
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('customers as c')
          .select(['c.id', 'c.customer_no', 'c.name', 'c.phone', 'c.account_manager_id', 'c.region_id'])
          .whereRef('c.id', '=', 's.customer_id')
          .where(customerScope(ctx))
          .where('c.status', '=', 'active')
          .as('c'),
      (join) => join.onTrue(),
    )
    .innerJoin('org_units as o', 'o.id', 'c.region_id')
    .innerJoin('churn_models as md', 'md.id', 's.model_id')
    .leftJoin('employees as m', 'm.id', 'c.account_manager_id')
    .leftJoin('retention_tasks as t', (join) =>
      join.onRef('t.customer_id', '=', 's.customer_id').on('t.outcome', 'is', null),
    )
    .select([
      's.customer_id',
      's.score',
      's.factors',
      's.scored_at',
      'c.customer_no',
      'c.name',
      'c.phone',
      'c.account_manager_id',
      localizedName(ctx, 'o').as('region_name'),
      'm.name as manager_name',
      'md.kind',
      't.id as open_task_id',
    ]);
  if (f.managerId) query = query.where('c.account_manager_id', '=', f.managerId);
  if (f.customerId) query = query.where('s.customer_id', '=', f.customerId);
  const column = SORT[f.sort];
  if (after)
    query = query.where((eb) =>
      eb(eb.refTuple(column, 's.customer_id'), f.order === 'asc' ? '>' : '<', eb.tuple(after[0] as string, after[1])),
    );
  return query.orderBy(column, f.order).orderBy('s.customer_id', f.order).limit(f.limit);
}

/** The at-risk list: scored active customers in the caller's scope, highest risk first unless asked otherwise. */
export async function listAtRisk(db: Db, ctx: RequestContext, f: RiskQuery) {
  const after = decodeCursor(f.cursor, z.tuple([z.union([cursorText, z.number().finite()]), cursorId]));
  let rows: Awaited<ReturnType<ReturnType<typeof atRiskQuery>['execute']>> | undefined;
  // By score over a wide scope (a region, everything), walk the highest scores in growing batches; a
  // manager's or a customer's own list, or another sort, is narrow enough for the planner's own plan.
  if (f.sort === 'score' && !f.managerId && !f.customerId && (ctx.scope === 'all' || ctx.scope === 'region')) {
    for (const candidates of [f.limit * 4, f.limit * 32, f.limit * 256]) {
      rows = await atRiskQuery(db, ctx, f, after, candidates).execute();
      if (rows.length === f.limit) break;
      rows = undefined;
    }
  }
  rows ??= await atRiskQuery(db, ctx, f, after).execute();
  const items: RiskItem[] = rows.map((r) => ({
    customerId: r.customer_id,
    customerNo: r.customer_no,
    name: r.name,
    phone: phoneFor(ctx, r.phone)!,
    regionName: r.region_name,
    accountManagerId: r.account_manager_id,
    accountManagerName: r.manager_name,
    score: r.score,
    model: r.kind,
    factors: (r.factors as { feature: FeatureName; value: number }[]).map((x) => ({
      ...x,
      text: describeFactor(x.feature, x.value)[ctx.locale === 'en' ? 'en' : 'zh'],
    })),
    scoredAt: r.scored_at.toISOString(),
    openTaskId: r.open_task_id,
  }));
  const last = rows[rows.length - 1];
  const sortValue = (r: typeof last) => (f.sort === 'score' ? r.score : f.sort === 'name' ? r.name : r.customer_no);
  return { items, nextCursor: rows.length === f.limit ? encodeCursor([sortValue(last), last.customer_id]) : null };
}

/** The model now in use: what it was trained on, how well it ranked held-out customers, its calibration. */
export async function currentModel(db: Db) {
  const m = await db.selectFrom('churn_models').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!m) return null;
  const params = m.params as Partial<LogisticModel>;
  return {
    id: m.id,
    kind: m.kind,
    asOf: m.as_of,
    samples: m.samples,
    positives: m.positives,
    holdoutAuc: m.holdout_auc === null ? null : Number(m.holdout_auc),
    createdAt: m.created_at.toISOString(),
    calibration: m.calibration as { decile: number; count: number; meanPredicted: number; observedRate: number }[],
    weights: m.kind === 'logistic' && params.weights ? weightsByFeature(params as LogisticModel) : null,
  };
}
