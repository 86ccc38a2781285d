import { sql } from 'kysely';
import { withTransaction, type Db, type Trx } from '../../platform/db.ts';
import { recordAudit } from '../../platform/audit.ts';
import * as repo from './work-orders.repository.ts';
import type { Priority } from './work-orders.tables.ts';
import { now as clockNow } from '../../platform/clock.ts';

/** Used when an admin has removed a type's policy: one day to answer, three to resolve. */
const FALLBACK = { response_minutes: 1440, resolve_minutes: 4320 };
const MINUTE = 60_000;
const PRIORITY_UP: Record<Priority, Priority> = { low: 'normal', normal: 'high', high: 'urgent', urgent: 'urgent' };

export async function slaDeadlines(
  db: Db | Trx,
  typeId: string,
  priority: Priority,
  from: Date,
): Promise<{ responseDue: Date; resolveDue: Date }> {
  const policy = (await repo.findSlaPolicy(db, typeId, priority)) ?? FALLBACK;
  return {
    responseDue: new Date(from.getTime() + policy.response_minutes * MINUTE),
    resolveDue: new Date(from.getTime() + policy.resolve_minutes * MINUTE),
  };
}

const BATCH = 200;
const SLA_ACTOR = { employeeId: '0', name: 'SLA', ip: '127.0.0.1', requestId: 'sla-sweep' };

/**
 * The SLA sweep (a recurring durable job): marks response and resolution breaches, writes them on the
 * timeline, notifies the handler (or the whole department when nobody is assigned) and the department head,
 * and escalates a resolution breach by raising the priority one step. Each order in its own transaction.
 */
export async function sweepSlaBreaches(db: Db, now = clockNow()): Promise<{ breached: number }> {
  let breached = 0;
  for (;;) {
    const due = await db
      .selectFrom('work_orders')
      .select(['id'])
      .where('status', 'in', ['new', 'dispatched', 'in_progress'])
      .where((eb) =>
        eb.or([
          eb.and([eb('response_breached', '=', false), eb('responded_at', 'is', null), eb('response_due', '<', now)]),
          eb.and([eb('resolve_breached', '=', false), eb('resolve_due', '<', now)]),
        ]),
      )
      .orderBy('resolve_due')
      .limit(BATCH)
      .execute();
    for (const { id } of due) if (await markBreach(db, id, now)) breached++;
    if (due.length < BATCH) return { breached };
  }
}

async function markBreach(db: Db, id: string, now: Date): Promise<boolean> {
  return withTransaction(db, async (trx) => {
    const w = await trx.selectFrom('work_orders').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!w || !['new', 'dispatched', 'in_progress'].includes(w.status)) return false;
    const response = !w.response_breached && w.responded_at === null && w.response_due < now;
    const resolve = !w.resolve_breached && w.resolve_due < now;
    if (!response && !resolve) return false;
    const priority = resolve ? PRIORITY_UP[w.priority] : w.priority;
    await trx
      .updateTable('work_orders')
      .set({
        response_breached: w.response_breached || response,
        resolve_breached: w.resolve_breached || resolve,
        escalation_level: resolve ? sql`escalation_level + 1` : w.escalation_level,
        priority,
        updated_at: now,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .execute();
    const what = resolve ? '处理超时' : '响应超时';
    const note = resolve && priority !== w.priority ? `${what}，已升级为 ${priority}` : what;
    await repo.insertEvent(trx, {
      workOrderId: id,
      actorId: null,
      actorName: 'SLA',
      action: resolve ? 'resolve-breach' : 'response-breach',
      departmentId: w.department_id,
      note,
    });
    const people = w.department_id
      ? await repo.departmentPeople(trx, w.department_id)
      : { headId: null, staffIds: [] as string[] };
    const handlers = w.assignee_id ? [w.assignee_id] : people.staffIds;
    const kind = resolve ? ('resolve_breach' as const) : ('response_breach' as const);
    const message = `工单 ${w.order_no} ${what}`;
    await repo.insertNotifications(trx, [
      ...handlers.map((employeeId) => ({ employeeId, workOrderId: id, kind, message })),
      ...(people.headId
        ? [
            {
              employeeId: people.headId,
              workOrderId: id,
              kind: resolve ? ('escalated' as const) : kind,
              message: resolve ? `${message}，已升级，请督办` : message,
            },
          ]
        : []),
    ]);
    await recordAudit(trx, SLA_ACTOR, {
      action: 'sla-breach',
      entity: 'work_order',
      entityId: id,
      changes: {
        ...(response ? { responseBreached: [false, true] } : {}),
        ...(resolve ? { resolveBreached: [false, true], priority: [w.priority, priority] } : {}),
      },
    });
    return true;
  });
}
