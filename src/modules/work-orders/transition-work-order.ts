import type { RequestContext } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTransaction, type Db, type Trx } from '../../platform/db.ts';
import * as repo from './work-orders.repository.ts';
import type { WorkOrderRow } from './work-orders.repository.ts';
import { workOrderError } from './work-orders.errors.ts';
import type { Transition, WorkOrder } from './work-orders.schema.ts';
import type { WorkOrdersTable } from './work-orders.tables.ts';
import { toWorkOrder } from './work-order-dto.ts';
import { nextStatus, requireDepartment, requireEmployee, requireStepOwner } from './work-order-rules.ts';
import { notifyDepartment } from './create-work-order.ts';
import { slaDeadlines } from './sla.ts';
import type { Updateable } from 'kysely';
import { now as clockNow } from '../../platform/clock.ts';

const UNHAPPY = new Set(['dissatisfied', 'very_dissatisfied']);

/** Moves a work order one step along its flow; the step, its timeline entry and its audit row commit together. */
export function transitionWorkOrder(db: Db, ctx: RequestContext, id: string, t: Transition): Promise<WorkOrder> {
  return withTransaction(db, async (trx) => {
    const row = await repo.findWorkOrder(trx, ctx, id, true);
    if (!row) throw workOrderError('WORK_ORDER_NOT_FOUND');
    const to = nextStatus(t.action, row.status);
    requireStepOwner(ctx, row, t.action);
    const now = clockNow();
    const { changes, note, departmentId } = await applyStep(trx, ctx, row, t, now);
    await repo.updateWorkOrderRow(trx, id, { ...changes, status: to });
    await repo.insertEvent(trx, {
      workOrderId: id,
      actorId: ctx.employeeId,
      actorName: ctx.name,
      action: t.action,
      fromStatus: row.status,
      toStatus: to,
      departmentId: departmentId ?? row.department_id,
      note,
    });
    await recordAudit(trx, ctx, {
      action: t.action,
      entity: 'work_order',
      entityId: id,
      changes: {
        status: [row.status, to],
        ...Object.fromEntries(
          Object.entries(changes).map(([k, v]) => [k, [(row as Record<string, unknown>)[k] ?? null, v]]),
        ),
      },
    });
    // The caller may no longer see the order (a handler who transferred it away): answer with what they last saw.
    const after = await repo.findWorkOrder(trx, ctx, id);
    return toWorkOrder(ctx, after ?? ({ ...row, ...changes, status: to } as WorkOrderRow));
  });
}

async function applyStep(
  trx: Trx,
  ctx: RequestContext,
  row: WorkOrderRow,
  t: Transition,
  now: Date,
): Promise<{ changes: Updateable<WorkOrdersTable>; note: string | null; departmentId?: string }> {
  switch (t.action) {
    case 'dispatch':
    case 'transfer': {
      await requireDepartment(trx, t.departmentId);
      if (t.action === 'transfer' && t.departmentId === row.department_id) throw workOrderError('SAME_DEPARTMENT');
      // A hand re-dispatch of an order already with a department must say why.
      if (t.action === 'dispatch' && row.status !== 'new' && !t.reason)
        throw workOrderError(
          'INVALID_TRANSITION',
          { status: row.status, action: 'dispatch' },
          { reason: 'say why the order moves' },
        );
      const assigneeId = t.action === 'dispatch' ? (t.assigneeId ?? null) : null;
      if (assigneeId) await requireEmployee(trx, assigneeId);
      await notifyDepartment(trx, row.id, t.departmentId, assigneeId);
      return {
        changes: { department_id: t.departmentId, assignee_id: assigneeId },
        note: t.reason ?? null,
        departmentId: t.departmentId,
      };
    }
    case 'start':
      return {
        changes: { assignee_id: row.assignee_id ?? ctx.employeeId, responded_at: row.responded_at ?? now },
        note: t.note || null,
      };
    case 'resolve':
      await repo.insertNotifications(trx, [
        {
          employeeId: row.accepted_by,
          workOrderId: row.id,
          kind: 'resolved',
          message: `工单 ${row.order_no} 已处理完毕，请回访客户`,
        },
      ]);
      return { changes: { resolved_at: now }, note: t.note };
    case 'return-visit':
      return {
        changes: { satisfaction: t.satisfaction, customer_words: t.customerWords || null },
        note: t.customerWords || null,
      };
    case 'reopen': {
      // Back to the department that handled it, with a fresh resolution deadline.
      const due = await slaDeadlines(trx, row.type_id, row.priority, now);
      await notifyDepartment(trx, row.id, row.department_id!, row.assignee_id);
      return {
        changes: {
          reopen_count: row.reopen_count + 1,
          resolved_at: null,
          resolve_due: due.resolveDue,
          resolve_breached: false,
        },
        note: t.reason,
      };
    }
    case 'archive':
      if (row.satisfaction === null || UNHAPPY.has(row.satisfaction))
        throw workOrderError('CANNOT_ARCHIVE_DISSATISFIED');
      return { changes: { archived_at: now }, note: t.note || null };
  }
}
