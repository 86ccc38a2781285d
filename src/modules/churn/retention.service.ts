import type { RequestContext } from '../../platform/access/context.ts';
import { phoneFor } from '../../platform/access/masking.ts';
import { customerScope } from '../customers/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTransaction, type Db, type Trx } from '../../platform/db.ts';
import { decodeCursor, encodeCursor, cursorId } from '../../platform/http/schemas.ts';
import { churnError } from './churn.errors.ts';
import type { CreatePlan, Plan, RecordOutcome, StartTask, Task, TaskQuery } from './churn.schema.ts';
import * as repo from './retention.repository.ts';
import { addDays, now, today } from '../../platform/clock.ts';
import { notify } from '../notifications/index.ts';

function toPlan(r: repo.PlanRow): Plan {
  const done = Number(r.done);
  return {
    id: r.id,
    name: r.name,
    offer: r.offer,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    dueDate: r.due_date,
    createdAt: r.created_at.toISOString(),
    tasks: Number(r.tasks),
    done,
    wonBack: Number(r.won_back),
    refused: Number(r.refused),
    unreachable: Number(r.unreachable),
    successRate: done ? Math.round((Number(r.won_back) / done) * 1000) / 1000 : null,
  };
}

function toTask(ctx: RequestContext, r: repo.TaskRow): Task {
  return {
    id: r.id,
    planId: r.plan_id,
    planName: r.plan_name,
    customerId: r.customer_id,
    customerNo: r.customer_no,
    customerName: r.customer_name,
    phone: phoneFor(ctx, r.phone)!,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    offer: r.offer,
    dueDate: r.due_date,
    riskScore: r.risk_score,
    outcome: r.outcome,
    note: r.note,
    doneAt: r.done_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  };
}

export async function listPlans(db: Db, ctx: RequestContext, limit: number, cursor?: string) {
  const before = decodeCursor(cursor, cursorId);
  let query = repo.planSelect(db, ctx).orderBy('p.id', 'desc').limit(limit);
  if (before) query = query.where('p.id', '<', before);
  const rows = await query.execute();
  return { items: rows.map(toPlan), nextCursor: rows.length === limit ? encodeCursor(rows[rows.length - 1].id) : null };
}

export async function getPlan(db: Db, ctx: RequestContext, id: string): Promise<Plan> {
  const row = await repo.planSelect(db, ctx).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw churnError('PLAN_NOT_FOUND');
  return toPlan(row);
}

/**
 * A plan becomes one task per target customer, for the customer's account manager (the plan's owner when
 * the customer has none). Targets outside the caller's scope, not active, or already in an open task are
 * skipped and reported; the plan and its tasks are written together.
 */
export function createPlan(db: Db, ctx: RequestContext, input: CreatePlan) {
  return withTransaction(db, async (trx) => {
    if (!(await repo.isActiveEmployee(trx, input.ownerId)))
      throw churnError('UNKNOWN_EMPLOYEE', undefined, { ownerId: 'no such active employee' });
    const { id } = await trx
      .insertInto('retention_plans')
      .values({
        name: input.name,
        offer: input.offer,
        owner_id: input.ownerId,
        due_date: input.dueDate,
        created_by: ctx.employeeId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const targets = [...new Set(input.customerIds)];
    const found = await targetRows(trx, ctx, targets);
    const skipped: { customerId: string; reason: string }[] = [];
    const values = [];
    for (const customerId of targets) {
      const c = found.get(customerId);
      if (!c) skipped.push({ customerId, reason: 'not found' });
      else if (c.status !== 'active') skipped.push({ customerId, reason: 'not active' });
      else if (c.open_task_id) skipped.push({ customerId, reason: 'already has an open retention task' });
      else
        values.push({
          plan_id: id,
          customer_id: customerId,
          assignee_id: c.account_manager_id ?? input.ownerId,
          offer: input.offer,
          due_date: input.dueDate,
          risk_score: c.score,
          created_by: ctx.employeeId,
        });
    }
    for (let i = 0; i < values.length; i += 1000)
      await trx
        .insertInto('retention_tasks')
        .values(values.slice(i, i + 1000))
        .execute();
    const perAssignee = new Map<string, number>();
    for (const v of values) perAssignee.set(v.assignee_id, (perAssignee.get(v.assignee_id) ?? 0) + 1);
    await notify(
      trx,
      [...perAssignee]
        .filter(([employeeId]) => employeeId !== ctx.employeeId)
        .map(([employeeId, count]) => ({
          employeeId,
          kind: 'retention_task',
          subject: input.name,
          count,
          link: RETENTION_PAGE,
        })),
    );
    await recordAudit(trx, ctx, {
      action: 'create',
      entity: 'retention_plan',
      entityId: id,
      changes: { name: input.name, tasks: values.length, skipped: skipped.length },
    });
    const plan = await repo.planSelect(trx, ctx).where('p.id', '=', id).executeTakeFirstOrThrow();
    return { plan: toPlan(plan), skipped };
  });
}

/** Where a retention task's notification leads: the retention page with "my tasks". */
const RETENTION_PAGE = '/churn/retention';

async function targetRows(trx: Trx, ctx: RequestContext, ids: string[]) {
  const rows = [];
  for (let i = 0; i < ids.length; i += 5000) {
    rows.push(
      ...(await trx
        .selectFrom('customers as c')
        .leftJoin('churn_risk_scores as s', 's.customer_id', 'c.id')
        .leftJoin('retention_tasks as t', (join) =>
          join.onRef('t.customer_id', '=', 'c.id').on('t.outcome', 'is', null),
        )
        .select(['c.id', 'c.name', 'c.status', 'c.account_manager_id', 's.score', 't.id as open_task_id'])
        .where('c.id', 'in', ids.slice(i, i + 5000))
        .where(customerScope(ctx))
        .forUpdate('c')
        .execute()),
    );
  }
  return new Map(rows.map((r) => [r.id, r]));
}

/** One click on the at-risk list: a retention task for the customer's account manager, due in a week unless said otherwise. */
export function startTask(db: Db, ctx: RequestContext, input: StartTask): Promise<Task> {
  return withTransaction(db, async (trx) => {
    const c = (await targetRows(trx, ctx, [input.customerId])).get(input.customerId);
    if (!c) throw churnError('CUSTOMER_NOT_FOUND', undefined, { customerId: 'no such customer' });
    if (c.open_task_id) throw churnError('TASK_ALREADY_OPEN', { taskId: c.open_task_id });
    if (input.assigneeId && !(await repo.isActiveEmployee(trx, input.assigneeId)))
      throw churnError('UNKNOWN_EMPLOYEE', undefined, { assigneeId: 'no such active employee' });
    const assignee = input.assigneeId ?? c.account_manager_id ?? ctx.employeeId;
    const dueDate = input.dueDate ?? addDays(today(), 7);
    const { id } = await trx
      .insertInto('retention_tasks')
      .values({
        customer_id: input.customerId,
        assignee_id: assignee,
        offer: input.offer,
        due_date: dueDate,
        risk_score: c.score,
        created_by: ctx.employeeId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (assignee !== ctx.employeeId)
      await notify(trx, [{ employeeId: assignee, kind: 'retention_task', subject: c.name, link: RETENTION_PAGE }]);
    await recordAudit(trx, ctx, {
      action: 'create',
      entity: 'retention_task',
      entityId: id,
      changes: { customerId: input.customerId, assigneeId: assignee },
    });
    return toTask(ctx, (await repo.taskSelect(trx, ctx).where('t.id', '=', id).executeTakeFirst())!);
  });
}

export async function listTasks(db: Db, ctx: RequestContext, f: TaskQuery) {
  let query = repo.taskSelect(db, ctx);
  if (f.planId) query = query.where('t.plan_id', '=', f.planId);
  if (f.customerId) query = query.where('t.customer_id', '=', f.customerId);
  if (f.assigneeId) query = query.where('t.assignee_id', '=', f.assigneeId);
  if (f.mine) query = query.where('t.assignee_id', '=', ctx.employeeId);
  if (f.status) query = query.where('t.outcome', f.status === 'open' ? 'is' : 'is not', null);
  const before = decodeCursor(f.cursor, cursorId);
  if (before) query = query.where('t.id', '<', before);
  const rows = await query.orderBy('t.id', 'desc').limit(f.limit).execute();
  return {
    items: rows.map((r) => toTask(ctx, r)),
    nextCursor: rows.length === f.limit ? encodeCursor(rows[rows.length - 1].id) : null,
  };
}

/** The account manager's call result. Won back also ends the customer's churn status for scoring. */
export function recordOutcome(db: Db, ctx: RequestContext, id: string, input: RecordOutcome): Promise<Task> {
  return withTransaction(db, async (trx) => {
    const task = await repo.taskSelect(trx, ctx).where('t.id', '=', id).forUpdate('t').executeTakeFirst();
    if (!task) throw churnError('TASK_NOT_FOUND');
    if (task.outcome) throw churnError('TASK_ALREADY_DONE');
    await trx
      .updateTable('retention_tasks')
      .set({ outcome: input.outcome, note: input.note, done_at: now(), updated_at: now() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'outcome',
      entity: 'retention_task',
      entityId: id,
      changes: { outcome: [null, input.outcome] },
    });
    return toTask(ctx, (await repo.taskSelect(trx, ctx).where('t.id', '=', id).executeTakeFirst())!);
  });
}
