import type { RequestContext } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTransaction, type Db, type Trx } from '../../platform/db.ts';
import { findCustomer } from '../customers/index.ts';
import * as repo from './work-orders.repository.ts';
import { workOrderError } from './work-orders.errors.ts';
import type { CreateWorkOrder, WorkOrder } from './work-orders.schema.ts';
import { CUSTOMER_TYPE_CODES, type CustomerCategory, type WorkOrderChannel } from './work-orders.tables.ts';
import { toWorkOrder } from './work-order-dto.ts';
import { routeWorkOrder } from './routing.ts';
import { slaDeadlines } from './sla.ts';
import { requireRegion } from './work-order-rules.ts';
import { now as clockNow } from '../../platform/clock.ts';

/**
 * Accepts a work order for a customer the caller can see, routes it by the first matching rule (it stays
 * "new" for a hand dispatch when none matches), sets its SLA deadlines and tells the handling department.
 */
export function createWorkOrder(db: Db, ctx: RequestContext, input: CreateWorkOrder): Promise<WorkOrder> {
  return withTransaction(db, async (trx) => {
    const customer = await findCustomer(trx, ctx, input.customerId);
    if (!customer)
      throw workOrderError('CUSTOMER_NOT_FOUND', undefined, { customerId: 'no such customer in your scope' });
    const id = await acceptWorkOrder(trx, ctx, customer, input, { acceptedBy: ctx.employeeId, channel: 'staff' });
    return toWorkOrder(ctx, (await repo.findWorkOrder(trx, ctx, id))!);
  });
}

/** Who accepts the order (and gets it back for the return visit), and through which channel it came. */
export interface Acceptance {
  acceptedBy: string;
  channel: WorkOrderChannel;
}

/**
 * What accepting a work order means, whoever opens it: check the type, route it, set its SLA deadlines, write
 * the timeline's first entries (as actor the caller's name, or the customer's own name when they opened it themselves:
 * the timeline says "self-service" in the reader's language), tell the handling department and audit it. An order
 * that nobody routed and that someone else accepts on the caller's behalf is announced to that person, who
 * dispatches it. Runs in the caller's transaction; returns the new order's id.
 */
export async function acceptWorkOrder(
  trx: Trx,
  ctx: RequestContext,
  customer: { id: string; name: string; region_id: string; category: CustomerCategory },
  input: CreateWorkOrder,
  how: Acceptance,
): Promise<string> {
  const type = await repo.findType(trx, input.typeId);
  const subtype = input.subtypeId ? await repo.findType(trx, input.subtypeId) : undefined;
  const typeAllowed =
    type && type.parent_id === null && (how.channel === 'staff' || CUSTOMER_TYPE_CODES.includes(type.code));
  if (!type || !typeAllowed || (input.subtypeId && subtype?.parent_id !== type.id)) {
    throw workOrderError('UNKNOWN_TYPE', undefined, { [typeAllowed ? 'subtypeId' : 'typeId']: 'unknown' });
  }
  const regionId = input.regionId ?? customer.region_id;
  const regionPath = await requireRegion(trx, regionId);
  const now = clockNow();
  const due = await slaDeadlines(trx, type.id, input.priority, now);
  const route = await routeWorkOrder(trx, {
    regionPath,
    businessType: input.businessType,
    customerCategory: customer.category,
    typeId: type.id,
  });
  const id = await repo.insertWorkOrder(trx, {
    customer_id: customer.id,
    type_id: type.id,
    subtype_id: subtype?.id ?? null,
    business_type: input.businessType,
    region_id: regionId,
    priority: input.priority,
    contact_phone: input.contactPhone,
    description: input.description,
    accepted_by: how.acceptedBy,
    channel: how.channel,
    status: route ? 'dispatched' : 'new',
    department_id: route?.departmentId ?? null,
    assignee_id: route?.assigneeId ?? null,
    routing_rule_id: route?.ruleId ?? null,
    response_due: due.responseDue,
    resolve_due: due.resolveDue,
    created_at: now,
  });
  await repo.insertEvent(trx, {
    workOrderId: id,
    actorId: ctx.employeeId,
    actorName: how.channel === 'staff' ? ctx.name : customer.name,
    action: 'create',
    toStatus: 'new',
  });
  if (route) {
    await repo.insertEvent(trx, {
      workOrderId: id,
      actorId: null,
      actorName: '自动派单', // shown in the reader's language by workOrderTimeline
      action: 'dispatch',
      fromStatus: 'new',
      toStatus: 'dispatched',
      departmentId: route.departmentId,
      note: route.ruleName,
    });
    await notifyDepartment(trx, id, route.departmentId, route.assigneeId);
  } else if (how.acceptedBy !== ctx.employeeId) {
    const order = await trx.selectFrom('work_orders').select('order_no').where('id', '=', id).executeTakeFirstOrThrow();
    await repo.insertNotifications(trx, [
      {
        employeeId: how.acceptedBy,
        workOrderId: id,
        kind: 'assigned',
        message: `新工单 ${order.order_no} 未匹配派单规则，请您派单`,
      },
    ]);
  }
  await recordAudit(trx, ctx, {
    action: 'create',
    entity: 'work_order',
    entityId: id,
    changes: {
      customerId: [null, customer.id],
      typeId: [null, type.id],
      businessType: [null, input.businessType],
      regionId: [null, regionId],
      departmentId: [null, route?.departmentId ?? null],
      acceptedBy: [null, how.acceptedBy],
      channel: [null, how.channel],
    },
  });
  return id;
}

/** A work order arriving in a department shows up in its staff's (or its assignee's) notifications. */
export async function notifyDepartment(
  trx: Parameters<typeof repo.insertNotifications>[0],
  workOrderId: string,
  departmentId: string,
  assigneeId: string | null,
): Promise<void> {
  const people = assigneeId ? { staffIds: [assigneeId] } : await repo.departmentPeople(trx, departmentId);
  const order = await trx
    .selectFrom('work_orders')
    .select('order_no')
    .where('id', '=', workOrderId)
    .executeTakeFirstOrThrow();
  await repo.insertNotifications(
    trx,
    people.staffIds.map((employeeId) => ({
      employeeId,
      workOrderId,
      kind: 'assigned' as const,
      message: `新工单 ${order.order_no} 已派到您的部门`,
    })),
  );
}
