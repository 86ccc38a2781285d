import { sql } from 'kysely';
import type { RequestContext } from '../../platform/access/context.ts';
import { phoneSearchFor } from '../../platform/access/masking.ts';
import type { Db } from '../../platform/db.ts';
import type { Locale } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor, cursorId } from '../../platform/http/schemas.ts';
import { COUNT_LIMIT, countUpTo, type ListCount } from '../../platform/files/list-export.ts';
import * as repo from './work-orders.repository.ts';
import { workOrderError } from './work-orders.errors.ts';
import type { WorkOrder, WorkOrderQuery } from './work-orders.schema.ts';
import { toWorkOrder } from './work-order-dto.ts';

export async function getWorkOrder(db: Db, ctx: RequestContext, id: string): Promise<WorkOrder> {
  const row = await repo.findWorkOrder(db, ctx, id);
  // Outside the caller's scope is "not found": existence must not leak.
  if (!row) throw workOrderError('WORK_ORDER_NOT_FOUND');
  return toWorkOrder(ctx, row);
}

/** A contact phone by its last digits; a masked caller only by the last 4 or the whole number (see phoneSearchFor). */
function wherePhone(ctx: RequestContext, query: ReturnType<typeof repo.workOrderSelect>, q: string) {
  const digits = q.replace(/-/g, '');
  const suffix = query.where('w.contact_phone', 'like', `%${q}`);
  return phoneSearchFor(ctx, digits) === 'whole'
    ? suffix.where(sql<number>`length(replace(w.contact_phone, '-', ''))`, '=', digits.length)
    : suffix;
}

const OPEN = ['new', 'dispatched', 'in_progress'] as const;

/** What narrows the work-order list: the queue, the filters and the search box (not the page). */
export type WorkOrderFilter = Omit<WorkOrderQuery, 'limit' | 'cursor'>;

/** The orders of a queue in the caller's scope that the filters and the search box select. */
function filteredWorkOrders(db: Db, ctx: RequestContext, f: WorkOrderFilter) {
  let query = repo.workOrderSelect(db, ctx);
  switch (f.queue) {
    case 'mine':
      query = query.where((eb) =>
        eb.or([eb('w.assignee_id', '=', ctx.employeeId), eb('w.accepted_by', '=', ctx.employeeId)]),
      );
      break;
    case 'department':
      // Exactly the caller's department: one index range, fast at millions of orders.
      query = query.where('w.department_id', '=', repo.lastIdOf(ctx.departmentPath));
      break;
    case 'return_visit':
      query = query.where('w.accepted_by', '=', ctx.employeeId).where('w.status', 'in', ['resolved', 'visited']);
      break;
    case 'overdue':
      query = query
        .where('w.status', 'in', OPEN)
        .where((eb) => eb.or([eb('w.response_breached', '=', true), eb('w.resolve_breached', '=', true)]));
      break;
  }
  if (f.status) query = query.where('w.status', '=', f.status);
  if (f.open === true) query = query.where('w.status', 'in', OPEN);
  if (f.open === false) query = query.where('w.status', 'not in', OPEN);
  if (f.typeId) query = query.where('w.type_id', '=', f.typeId);
  if (f.businessType) query = query.where('w.business_type', '=', f.businessType);
  if (f.priority) query = query.where('w.priority', '=', f.priority);
  if (f.customerId) query = query.where('w.customer_id', '=', f.customerId);
  if (f.q) {
    const q = f.q;
    query = /^WO\d+$/i.test(q)
      ? query.where('w.order_no', '=', q.toUpperCase())
      : /^[\d-]{4,16}$/.test(q)
        ? wherePhone(ctx, query, q)
        : query.where((eb) =>
            eb.or([
              eb('c.name', 'like', `${q.replace(/[\\%_]/g, '\\$&')}%`),
              sql<boolean>`w.description ILIKE ${'%' + q.replace(/[\\%_]/g, '\\$&') + '%'}`,
            ]),
          );
  }
  return query;
}

/** The rows to count for the list's total (see countUpTo). */
export function countWorkOrders(db: Db, ctx: RequestContext, f: WorkOrderFilter): Promise<ListCount> {
  return countUpTo(db, filteredWorkOrders(db, ctx, f).clearSelect().select('w.id').limit(COUNT_LIMIT));
}

/** The queues ("mine", "my department's", "waiting for my return visit", "overdue") with filters, newest first, keyset-paged. */
export async function listWorkOrders(db: Db, ctx: RequestContext, f: WorkOrderQuery) {
  let query = filteredWorkOrders(db, ctx, f);
  const after = decodeCursor(f.cursor, cursorId);
  if (after) query = query.where('w.id', '<', after);
  const rows = await query.orderBy('w.id', 'desc').limit(f.limit).execute();
  return {
    items: rows.map((r) => toWorkOrder(ctx, r)),
    nextCursor: rows.length === f.limit ? encodeCursor(rows[rows.length - 1].id) : null,
  };
}

/** How the timeline names the customer who opened an order themselves, in the reader's language. */
const SELF_SERVICE: Record<Locale, (name: string) => string> = {
  'zh-CN': (name) => `自助服务：${name}`,
  en: (name) => `Self-service: ${name}`,
};

/** Steps taken by the system (no employee) store a Chinese name; the reader sees it in their language. */
const SYSTEM_ACTORS: Record<string, Record<Locale, string>> = {
  自动派单: { 'zh-CN': '自动派单', en: 'Automatic routing' },
  'automatic routing': { 'zh-CN': '自动派单', en: 'Automatic routing' },
  SLA: { 'zh-CN': 'SLA 监控', en: 'SLA monitor' },
};

export async function workOrderTimeline(db: Db, ctx: RequestContext, id: string) {
  const order = await getWorkOrder(db, ctx, id);
  const rows = await repo.timelineRows(db, ctx, id);
  // An order the customer opened (not through staff) stores just their name as the creator.
  const actor = (r: (typeof rows)[number]) =>
    r.action === 'create' && order.channel !== 'staff'
      ? SELF_SERVICE[ctx.locale](r.actor_name)
      : r.actor_id === null
        ? (SYSTEM_ACTORS[r.actor_name]?.[ctx.locale] ?? r.actor_name)
        : r.actor_name;
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorName: actor(r),
      action: r.action,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      departmentId: r.department_id,
      departmentName: r.department_name,
      note: r.note,
    })),
  };
}
