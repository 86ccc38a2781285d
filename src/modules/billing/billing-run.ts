import { sql, type RawBuilder } from 'kysely';
import type { RequestContext } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTransaction, type Db, type Trx } from '../../platform/db.ts';
import { billingError } from './billing.errors.ts';
import { rateMonth } from './rate-month.ts';
import { monthStart } from './usage-profiles.ts';
import { firstDayOfMonth, thisMonth } from '../../platform/clock.ts';

export interface RunResult {
  runId: string;
  month: string;
  customers: number;
  total: string;
  unrated: number;
}

/** Bills a month for every customer with a package in it; running it again re-rates the month (same data, same bills). */
export function runBilling(db: Db, ctx: RequestContext, month: string): Promise<RunResult> {
  const m = monthStart(month);
  return withTransaction(db, async (trx) => {
    if (m > firstDayOfMonth(thisMonth()))
      throw billingError('FUTURE_MONTH', undefined, { month: 'this month or earlier' });
    // Rating sorts the month's records by customer and time; in memory that is several times faster than spilling to disk.
    await sql`SET LOCAL work_mem = '256MB'`.execute(trx);
    const run = await trx
      .insertInto('billing_runs')
      .values({
        month: m,
        reason: 'run',
        customers: 0,
        total: '0',
        started_by: ctx.employeeId === '0' ? null : ctx.employeeId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const result = await rateMonth(trx, { month: m, runId: run.id });
    await trx
      .updateTable('billing_runs')
      .set({ customers: result.customers, total: result.total, unrated: result.unrated })
      .where('id', '=', run.id)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'billing_run',
      entity: 'billing_run',
      entityId: run.id,
      changes: { month: m, ...result },
    });
    return { runId: run.id, month: m.slice(0, 7), ...result };
  });
}

/** Late usage for a month that was already billed: re-rate the customers it touches, in the importing transaction. */
export async function rerateLateUsage(trx: Trx, month: string, customerIds: RawBuilder<unknown>): Promise<void> {
  const billed = await trx.selectFrom('bills').select('id').where('month', '=', month).limit(1).executeTakeFirst();
  if (!billed) return;
  const run = await trx
    .insertInto('billing_runs')
    .values({ month, reason: 'rerate', customers: 0, total: '0', started_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const result = await rateMonth(trx, { month, runId: run.id, customerIds });
  await trx
    .updateTable('billing_runs')
    .set({ customers: result.customers, total: result.total, unrated: result.unrated })
    .where('id', '=', run.id)
    .execute();
}

export async function listRuns(db: Db) {
  const rows = await db
    .selectFrom('billing_runs as r')
    .leftJoin('employees as e', 'e.id', 'r.started_by')
    .select([
      'r.id',
      'r.month',
      'r.reason',
      'r.customers',
      'r.total',
      'r.unrated',
      'r.started_at',
      'e.name as started_by',
    ])
    .orderBy('r.id', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    month: r.month.slice(0, 7),
    reason: r.reason,
    customers: r.customers,
    total: r.total,
    unrated: r.unrated,
    startedAt: new Date(r.started_at).toISOString(),
    startedBy: r.started_by,
  }));
}
