import type { RequestContext } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTransaction, type Db, type Trx } from '../../platform/db.ts';
import { workOrderError } from './work-orders.errors.ts';
import type { Priority } from './work-orders.tables.ts';

/** Types and sub-types (admins add and rename them; deactivating hides one from new work orders). */
export async function listTypes(db: Db) {
  const rows = await db
    .selectFrom('work_order_types')
    .select(['id', 'parent_id', 'code', 'name', 'name_en', 'active'])
    .orderBy('id')
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      parentId: r.parent_id,
      code: r.code,
      name: r.name,
      nameEn: r.name_en,
      active: r.active,
    })),
  };
}

export function saveType(
  db: Db,
  ctx: RequestContext,
  input: { parentId: string | null; code: string; name: string; nameEn: string; active: boolean },
) {
  return withTransaction(db, async (trx) => {
    if (input.parentId) {
      const parent = await trx
        .selectFrom('work_order_types')
        .select('parent_id')
        .where('id', '=', input.parentId)
        .executeTakeFirst();
      if (!parent || parent.parent_id !== null)
        throw workOrderError('UNKNOWN_TYPE', undefined, { parentId: 'a sub-type belongs to a top-level type' });
    }
    const row = await trx
      .insertInto('work_order_types')
      .values({
        parent_id: input.parentId,
        code: input.code,
        name: input.name,
        name_en: input.nameEn,
        active: input.active,
      })
      // A code already taken is a 409 on `code` (the unique key, mapped by the error handler), never a silent rename.
      .returning(['id', 'parent_id', 'code', 'name', 'name_en', 'active'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'save', entity: 'work_order_type', entityId: row.id, changes: { ...input } });
    return {
      id: row.id,
      parentId: row.parent_id,
      code: row.code,
      name: row.name,
      nameEn: row.name_en,
      active: row.active,
    };
  });
}

export async function listSlaPolicies(db: Db | Trx, ctx: RequestContext) {
  const rows = await db
    .selectFrom('sla_policies as s')
    .innerJoin('work_order_types as t', 't.id', 's.type_id')
    .select(['s.type_id', 't.name', 't.name_en', 's.priority', 's.response_minutes', 's.resolve_minutes'])
    .orderBy('s.type_id')
    .orderBy('s.response_minutes')
    .execute();
  return {
    items: rows.map((r) => ({
      typeId: r.type_id,
      typeName: ctx.locale === 'en' ? r.name_en : r.name,
      priority: r.priority,
      responseMinutes: r.response_minutes,
      resolveMinutes: r.resolve_minutes,
    })),
  };
}

/** Saves the deadlines of the listed (type, priority) pairs; they apply to work orders accepted from now on. */
export function saveSlaPolicies(
  db: Db,
  ctx: RequestContext,
  items: { typeId: string; priority: Priority; responseMinutes: number; resolveMinutes: number }[],
) {
  return withTransaction(db, async (trx) => {
    for (const p of items) {
      const type = await trx
        .selectFrom('work_order_types')
        .select('parent_id')
        .where('id', '=', p.typeId)
        .executeTakeFirst();
      if (!type || type.parent_id !== null)
        throw workOrderError('UNKNOWN_TYPE', undefined, { typeId: 'SLA is set per top-level type' });
      await trx
        .insertInto('sla_policies')
        .values({
          type_id: p.typeId,
          priority: p.priority,
          response_minutes: p.responseMinutes,
          resolve_minutes: p.resolveMinutes,
        })
        .onConflict((oc) =>
          oc.columns(['type_id', 'priority']).doUpdateSet({
            response_minutes: p.responseMinutes,
            resolve_minutes: p.resolveMinutes,
            updated_at: new Date(),
          }),
        )
        .execute();
    }
    await recordAudit(trx, ctx, { action: 'update', entity: 'sla_policy', changes: { items } });
    return listSlaPolicies(trx, ctx);
  });
}

/** The caller's latest notifications, unread first. */
export async function listNotifications(db: Db, ctx: RequestContext) {
  const rows = await db
    .selectFrom('work_order_notifications as n')
    .innerJoin('work_orders as w', 'w.id', 'n.work_order_id')
    .select(['n.id', 'n.work_order_id', 'w.order_no', 'n.kind', 'n.message', 'n.read_at', 'n.created_at'])
    .where('n.employee_id', '=', ctx.employeeId)
    .orderBy('n.id', 'desc')
    .limit(50)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      workOrderId: r.work_order_id,
      orderNo: r.order_no,
      kind: r.kind,
      message: r.message,
      read: r.read_at !== null,
      createdAt: r.created_at.toISOString(),
    })),
    unread: rows.filter((r) => r.read_at === null).length,
  };
}

export async function markNotificationsRead(db: Db, ctx: RequestContext): Promise<{ ok: true }> {
  await db
    .updateTable('work_order_notifications')
    .set({ read_at: new Date() })
    .where('employee_id', '=', ctx.employeeId)
    .where('read_at', 'is', null)
    .execute();
  return { ok: true };
}
