import { sql } from 'kysely';
import type { RequestContext } from '../../platform/access/context.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import { customerScope } from '../customers/index.ts';
import type { Db, Trx } from '../../platform/db.ts';
import './churn.tables.ts';
import '../customers/index.ts';

type Conn = Db | Trx;

/**
 * Plans in the caller's scope (by the owner: their org unit stands for the plan's region; a creator always sees their
 * own), with their task counts by outcome; the success rate is won back over tasks with an outcome.
 */
export function planSelect(db: Conn, ctx: RequestContext) {
  return db
    .selectFrom('retention_plans as p')
    .innerJoin('employees as e', 'e.id', 'p.owner_id')
    .where((eb) =>
      eb.or([
        scopeWhere(ctx, { owner: 'p.owner_id', region: 'e.org_unit_id' }),
        eb('p.created_by', '=', ctx.employeeId),
      ]),
    )
    .selectAll('p')
    .select([
      'e.name as owner_name',
      sql<string>`(SELECT count(*) FROM retention_tasks t WHERE t.plan_id = p.id)`.as('tasks'),
      sql<string>`(SELECT count(*) FROM retention_tasks t WHERE t.plan_id = p.id AND t.outcome IS NOT NULL)`.as('done'),
      sql<string>`(SELECT count(*) FROM retention_tasks t WHERE t.plan_id = p.id AND t.outcome = 'won_back')`.as(
        'won_back',
      ),
      sql<string>`(SELECT count(*) FROM retention_tasks t WHERE t.plan_id = p.id AND t.outcome = 'refused')`.as(
        'refused',
      ),
      sql<string>`(SELECT count(*) FROM retention_tasks t WHERE t.plan_id = p.id AND t.outcome = 'unreachable')`.as(
        'unreachable',
      ),
    ]);
}
export type PlanRow = Awaited<ReturnType<ReturnType<typeof planSelect>['executeTakeFirstOrThrow']>>;

/**
 * Tasks of customers in the caller's scope, and tasks given to the caller (an admin may give a manager a customer
 * outside the manager's own book: it is still the manager's task), with the names the task list shows.
 */
export function taskSelect(db: Conn, ctx: RequestContext) {
  return db
    .selectFrom('retention_tasks as t')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .innerJoin('employees as a', 'a.id', 't.assignee_id')
    .leftJoin('retention_plans as p', 'p.id', 't.plan_id')
    .selectAll('t')
    .select(['c.customer_no', 'c.name as customer_name', 'c.phone', 'a.name as assignee_name', 'p.name as plan_name'])
    .where((eb) => eb.or([customerScope(ctx), eb('t.assignee_id', '=', ctx.employeeId)]));
}
export type TaskRow = Awaited<ReturnType<ReturnType<typeof taskSelect>['executeTakeFirstOrThrow']>>;

export async function isActiveEmployee(db: Conn, id: string): Promise<boolean> {
  return Boolean(
    await db
      .selectFrom('employees')
      .select('id')
      .where('id', '=', id)
      .where('status', '=', 'active')
      .executeTakeFirst(),
  );
}
