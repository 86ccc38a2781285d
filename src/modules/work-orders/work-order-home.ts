import { sql } from 'kysely';
import type { RequestContext } from '../../platform/access/context.ts';
import type { Db } from '../../platform/db.ts';
import * as repo from './work-orders.repository.ts';

const OPEN = ['new', 'dispatched', 'in_progress'] as const;

/** The caller's work-order queues with how many orders are open in each and how many of those broke their SLA. */
export async function myWorkOrderQueues(db: Db, ctx: RequestContext) {
  const breached = sql<boolean>`(w.response_breached OR w.resolve_breached)`;
  const count = (q: ReturnType<typeof repo.workOrderSelect>) =>
    db
      .selectFrom(q.clearSelect().select(breached.as('breached')).as('x'))
      .select([sql<string>`count(*)`.as('open'), sql<string>`count(*) FILTER (WHERE x.breached)`.as('breached')])
      .executeTakeFirstOrThrow();
  const open = repo.workOrderSelect(db, ctx).where('w.status', 'in', OPEN);
  const [mine, department, returnVisit] = await Promise.all([
    count(
      open.where((eb) => eb.or([eb('w.assignee_id', '=', ctx.employeeId), eb('w.accepted_by', '=', ctx.employeeId)])),
    ),
    count(open.where('w.department_id', '=', repo.lastIdOf(ctx.departmentPath))),
    count(repo.workOrderSelect(db, ctx).where('w.accepted_by', '=', ctx.employeeId).where('w.status', '=', 'resolved')),
  ]);
  const toQueue = (queue: 'mine' | 'department' | 'return_visit', r: { open: string; breached: string }) => ({
    queue,
    open: Number(r.open),
    breached: Number(r.breached),
  });
  return [toQueue('mine', mine), toQueue('department', department), toQueue('return_visit', returnVisit)];
}

/** The next steps waiting on the caller: orders assigned to them still open, and resolved orders they accepted awaiting a return visit. */
export async function myWorkOrderSteps(db: Db, ctx: RequestContext, limit: number) {
  const rows = await repo
    .workOrderSelect(db, ctx)
    .where((eb) =>
      eb.or([
        eb.and([eb('w.assignee_id', '=', ctx.employeeId), eb('w.status', 'in', OPEN)]),
        eb.and([eb('w.accepted_by', '=', ctx.employeeId), eb('w.status', '=', 'resolved')]),
      ]),
    )
    .orderBy('w.resolve_due')
    .orderBy('w.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    orderNo: r.order_no,
    status: r.status,
    step:
      r.status === 'resolved'
        ? ('return_visit' as const)
        : r.status === 'in_progress'
          ? ('resolve' as const)
          : ('start' as const),
    dueAt: r.resolve_due.toISOString(),
    breached: r.response_breached || r.resolve_breached,
  }));
}
