import type { RequestContext } from '../../platform/access/context.ts';
import { phoneFor } from '../../platform/access/masking.ts';
import { can } from '../../platform/access/permissions.ts';
import type { WorkOrderRow } from './work-orders.repository.ts';
import type { WorkOrder } from './work-orders.schema.ts';
import { nextStepsFor } from './work-order-rules.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Row → API shape; the contact phone is masked unless the caller may see it. */
export function toWorkOrder(ctx: RequestContext, r: WorkOrderRow): WorkOrder {
  return {
    id: r.id,
    orderNo: r.order_no,
    customerId: r.customer_id,
    customerName: r.customer_name,
    customerNo: r.customer_no,
    customerVisible: Boolean(r.customer_in_scope) && can(ctx, 'customers:view'),
    typeId: r.type_id,
    typeName: r.type_name,
    subtypeId: r.subtype_id,
    subtypeName: r.subtype_name,
    businessType: r.business_type,
    regionId: r.region_id,
    regionName: r.region_name,
    priority: r.priority,
    contactPhone: phoneFor(ctx, r.contact_phone)!,
    description: r.description,
    status: r.status,
    departmentId: r.department_id,
    departmentName: r.department_name,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    acceptedById: r.accepted_by,
    acceptedByName: r.accepted_by_name,
    channel: r.channel,
    responseDue: r.response_due.toISOString(),
    resolveDue: r.resolve_due.toISOString(),
    respondedAt: iso(r.responded_at),
    resolvedAt: iso(r.resolved_at),
    archivedAt: iso(r.archived_at),
    responseBreached: r.response_breached,
    resolveBreached: r.resolve_breached,
    escalationLevel: r.escalation_level,
    reopenCount: r.reopen_count,
    satisfaction: r.satisfaction,
    customerWords: r.customer_words,
    version: r.version,
    nextSteps: nextStepsFor(ctx, r),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
