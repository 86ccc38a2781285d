import type { RequestContext } from '../../platform/access/context.ts';
import { can } from '../../platform/access/permissions.ts';
import { diffChanges, recordAudit } from '../../platform/audit.ts';
import { withTransaction, type Db } from '../../platform/db.ts';
import { platformError } from '../../platform/errors.ts';
import * as repo from './work-orders.repository.ts';
import { workOrderError } from './work-orders.errors.ts';
import type { UpdateWorkOrder, WorkOrder } from './work-orders.schema.ts';
import { toWorkOrder } from './work-order-dto.ts';
import { requireEmployee, requireRegion } from './work-order-rules.ts';

/** Corrects the details of an open work order (the accepting agent, the handling department or an admin). */
export function updateWorkOrder(db: Db, ctx: RequestContext, id: string, input: UpdateWorkOrder): Promise<WorkOrder> {
  return withTransaction(db, async (trx) => {
    const row = await repo.findWorkOrder(trx, ctx, id, true);
    if (!row) throw workOrderError('WORK_ORDER_NOT_FOUND');
    if (row.status === 'archived') throw workOrderError('WORK_ORDER_CLOSED');
    if (input.version !== undefined && input.version !== row.version) throw platformError('CONFLICT');
    const involved =
      row.accepted_by === ctx.employeeId ||
      row.assignee_id === ctx.employeeId ||
      (row.department_path !== null && ctx.orgPath.startsWith(row.department_path));
    if (!involved && !can(ctx, 'work-orders:admin'))
      throw workOrderError('NOT_YOUR_STEP', {
        who: ctx.locale === 'en' ? 'the people working on it' : '受理人或处理部门',
      });
    if (input.regionId) await requireRegion(trx, input.regionId);
    if (input.assigneeId) await requireEmployee(trx, input.assigneeId);
    if (input.subtypeId) {
      const sub = await repo.findType(trx, input.subtypeId);
      if (sub?.parent_id !== row.type_id)
        throw workOrderError('UNKNOWN_TYPE', undefined, { subtypeId: 'not a sub-type of this type' });
    }
    const after = {
      subtype_id: input.subtypeId,
      region_id: input.regionId,
      priority: input.priority,
      contact_phone: input.contactPhone,
      description: input.description,
      assignee_id: input.assigneeId,
    };
    const changes = diffChanges(row, after);
    if (Object.keys(changes).length > 0) {
      await repo.updateWorkOrderRow(
        trx,
        id,
        Object.fromEntries(Object.keys(changes).map((k) => [k, after[k as keyof typeof after]])),
      );
      await repo.insertEvent(trx, {
        workOrderId: id,
        actorId: ctx.employeeId,
        actorName: ctx.name,
        action: 'edit',
        note: Object.keys(changes).join(', '),
      });
      await recordAudit(trx, ctx, { action: 'update', entity: 'work_order', entityId: id, changes });
    }
    return toWorkOrder(ctx, (await repo.findWorkOrder(trx, ctx, id))!);
  });
}

/** A handler's (or the agent's) note on the timeline. */
export function addWorkOrderNote(db: Db, ctx: RequestContext, id: string, note: string): Promise<{ ok: true }> {
  return withTransaction(db, async (trx) => {
    const row = await repo.findWorkOrder(trx, ctx, id);
    if (!row) throw workOrderError('WORK_ORDER_NOT_FOUND');
    await repo.insertEvent(trx, {
      workOrderId: id,
      actorId: ctx.employeeId,
      actorName: ctx.name,
      action: 'note',
      departmentId: row.department_id,
      note,
    });
    await recordAudit(trx, ctx, {
      action: 'note',
      entity: 'work_order',
      entityId: id,
      changes: { note: [null, note] },
    });
    return { ok: true as const };
  });
}
