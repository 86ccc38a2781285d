import type { RequestContext } from '../../platform/access/context.ts';
import { withTransaction, type Db, type Trx } from '../../platform/db.ts';
import type { Locale } from '../../platform/errors.ts';
import { findCustomer } from '../customers/index.ts';
import * as repo from './work-orders.repository.ts';
import { workOrderError } from './work-orders.errors.ts';
import type {
  CustomerWorkOrder,
  CustomerWorkOrderDetail,
  CustomerWorkOrderInput,
  CustomerWorkOrderOptions,
} from './work-orders.schema.ts';
import { BUSINESS_TYPES, CUSTOMER_TYPE_CODES, type WorkOrderChannel } from './work-orders.tables.ts';
import { acceptWorkOrder } from './create-work-order.ts';

/**
 * A work order the customer opens themselves (in the self-service portal). It is accepted like any other —
 * routed, given SLA deadlines, announced to the handling department, audited — with the customer's name as the
 * timeline's actor (the caller's context names them) and, as the accepting agent who makes the return visit,
 * the person `work_order_acceptor` names: the account manager, else the region's after-sales staff, else an admin.
 */
export function openCustomerWorkOrder(
  db: Db,
  ctx: RequestContext,
  input: CustomerWorkOrderInput & { customerId: string; channel: Exclude<WorkOrderChannel, 'staff'> },
): Promise<CustomerWorkOrderDetail> {
  return withTransaction(db, async (trx) => {
    const customer = await findCustomer(trx, ctx, input.customerId);
    if (!customer) throw workOrderError('CUSTOMER_NOT_FOUND');
    const acceptedBy = await repo.customerAcceptor(trx, customer.id);
    if (!acceptedBy) throw workOrderError('NO_ACCEPTING_AGENT');
    const id = await acceptWorkOrder(
      trx,
      ctx,
      customer,
      { ...input, priority: 'normal' },
      { acceptedBy, channel: input.channel },
    );
    return getCustomerWorkOrder(trx, customer.id, id, ctx.locale);
  });
}

/** The types a customer may open (faults, then complaints) with their active sub-types (each with the businesses it is for, null: any), and the businesses to choose from. */
export async function customerWorkOrderOptions(db: Db, locale: Locale): Promise<CustomerWorkOrderOptions> {
  const rows = await db
    .selectFrom('work_order_types as t')
    .leftJoin('work_order_types as p', 'p.id', 't.parent_id')
    .select(['t.id', 't.parent_id', 't.code', 't.name', 't.name_en', 't.business_types', 'p.code as parent_code'])
    .where('t.active', '=', true)
    .where((eb) => eb.or([eb('t.code', 'in', CUSTOMER_TYPE_CODES), eb('p.code', 'in', CUSTOMER_TYPE_CODES)]))
    .orderBy('t.id')
    .execute();
  const named = (r: (typeof rows)[number]) => ({ id: r.id, code: r.code, name: locale === 'en' ? r.name_en : r.name });
  return {
    types: rows
      .filter((r) => r.parent_id === null)
      .sort((x, y) => CUSTOMER_TYPE_CODES.indexOf(x.code) - CUSTOMER_TYPE_CODES.indexOf(y.code))
      .map((top) => ({
        ...named(top),
        subtypes: rows
          .filter((r) => r.parent_id === top.id)
          .map((r) => ({ ...named(r), businessTypes: r.business_types })),
      })),
    businessTypes: [...BUSINESS_TYPES],
  };
}

type CustomerOrderRow = Awaited<ReturnType<ReturnType<typeof repo.customerOrderSelect>['executeTakeFirstOrThrow']>>;

function toCustomerWorkOrder(r: CustomerOrderRow, locale: Locale): CustomerWorkOrder {
  return {
    id: r.id,
    orderNo: r.order_no,
    typeName: locale === 'en' ? r.type_name_en : r.type_name,
    subtypeName: (locale === 'en' ? r.subtype_name_en : r.subtype_name) ?? null,
    businessType: r.business_type,
    status: r.status,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** A customer's own orders, newest first. */
export async function listCustomerWorkOrders(
  db: Db,
  customerId: string,
  locale: Locale,
  limit = 50,
): Promise<{ items: CustomerWorkOrder[] }> {
  const rows = await repo.customerOrderSelect(db, customerId).orderBy('w.id', 'desc').limit(limit).execute();
  return { items: rows.map((r) => toCustomerWorkOrder(r, locale)) };
}

const SHOWS_DEPARTMENT = new Set(['dispatch', 'transfer']);

/** One of the customer's own orders with its status changes; another customer's order is "not found". */
export async function getCustomerWorkOrder(
  db: Db | Trx,
  customerId: string,
  id: string,
  locale: Locale,
): Promise<CustomerWorkOrderDetail> {
  const row = await repo.customerOrderSelect(db, customerId).where('w.id', '=', id).executeTakeFirst();
  if (!row) throw workOrderError('WORK_ORDER_NOT_FOUND');
  const events = await repo.timelineRows(db, { locale }, id);
  return {
    ...toCustomerWorkOrder(row, locale),
    description: row.description,
    contactPhone: row.contact_phone,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    timeline: events.flatMap((e) =>
      e.to_status === null
        ? []
        : [
            {
              at: e.at.toISOString(),
              action: e.action,
              status: e.to_status as CustomerWorkOrder['status'],
              departmentName: SHOWS_DEPARTMENT.has(e.action) ? e.department_name : null,
              note: e.action === 'resolve' ? e.note : null,
            },
          ],
    ),
  };
}
