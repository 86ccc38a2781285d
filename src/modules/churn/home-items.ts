import type { RequestContext } from '../../platform/access/context.ts';
import type { Db } from '../../platform/db.ts';
import { today } from '../../platform/clock.ts';
import { taskSelect } from './retention.repository.ts';
import { listAtRisk } from './risk/risk-queries.ts';
import { RiskQuery } from './churn.schema.ts';

/** The caller's open win-back tasks due today or earlier, oldest due first (for the home page). */
export async function myRetentionTasksDue(db: Db, ctx: RequestContext, limit: number) {
  const day = today();
  const rows = await taskSelect(db, ctx)
    .where('t.assignee_id', '=', ctx.employeeId)
    .where('t.outcome', 'is', null)
    .where('t.due_date', '<=', day)
    .orderBy('t.due_date')
    .orderBy('t.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    customerNo: r.customer_no,
    customerName: r.customer_name,
    offer: r.offer,
    dueDate: String(r.due_date).slice(0, 10),
    overdue: String(r.due_date).slice(0, 10) < day,
  }));
}

/**
 * The customers most at risk of leaving: those the caller manages, or, for a caller who manages none,
 * the highest scores in their data scope.
 */
export async function myAtRiskCustomers(db: Db, ctx: RequestContext, limit: number) {
  const base = RiskQuery.parse({ limit, minScore: 50 });
  const mine = await listAtRisk(db, ctx, { ...base, managerId: ctx.employeeId });
  const items = mine.items.length > 0 || ctx.scope === 'own' ? mine.items : (await listAtRisk(db, ctx, base)).items;
  return items.map((r) => ({
    customerId: r.customerId,
    customerNo: r.customerNo,
    name: r.name,
    score: r.score,
    reason: r.factors[0]?.text ?? null,
  }));
}
