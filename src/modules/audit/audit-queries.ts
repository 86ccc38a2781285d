import { z } from 'zod';
import { endOfBusinessDay, isCalendarDate, startOfBusinessDay } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { cursor, cursorId, decodeCursor, id, isoDate, isoDateTime, limit } from '../../platform/http/schemas.ts';
import '../../platform/audit.ts';

/** The audit log's filters, shared by the page (`GET /api/audit`) and its export. */
export const AuditFilters = z.object({
  entity: z.string().max(40).optional(),
  entityId: z.string().max(40).optional(),
  actor: z.string().max(40).optional().describe('employee id or name'),
  action: z.string().max(40).optional(),
  from: isoDateTime.or(isoDate).optional(),
  to: isoDateTime.or(isoDate).optional(),
});
export type AuditFilters = z.infer<typeof AuditFilters>;
export const AuditQuery = AuditFilters.extend({ limit, cursor });

export interface AuditRow {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string;
  ip: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  changes: Record<string, unknown>;
}

/** Newest first: `max` rows after the keyset cursor `cursor` (an encoded id), matching every filter given. */
export async function listAudit(
  db: Db,
  f: AuditFilters,
  max: number,
  after?: string,
): Promise<{ rows: AuditRow[]; lastId: string | undefined }> {
  let query = db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor_id', 'actor_name', 'ip', 'action', 'entity', 'entity_id', 'changes'])
    .orderBy('id', 'desc')
    .limit(max);
  if (f.entity) query = query.where('entity', '=', f.entity);
  if (f.entityId) query = query.where('entity_id', '=', f.entityId);
  if (f.action) query = query.where('action', '=', f.action);
  if (f.actor)
    query = id.safeParse(f.actor).success
      ? query.where('actor_id', '=', f.actor)
      : query.where('actor_name', 'like', `%${f.actor}%`);
  // A bare date is a business day (00:00 in LIANXI_TIMEZONE, not UTC); a bare date `to` includes that whole day.
  if (f.from) query = query.where('at', '>=', isCalendarDate(f.from) ? startOfBusinessDay(f.from) : new Date(f.from));
  if (f.to) query = query.where('at', '<', isCalendarDate(f.to) ? endOfBusinessDay(f.to) : new Date(f.to));
  const before = decodeCursor(after, cursorId);
  if (before) query = query.where('id', '<', before);
  const rows = await query.execute();
  return {
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorId: r.actor_id,
      actorName: r.actor_name,
      ip: r.ip,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      changes: r.changes,
    })),
    lastId: rows.at(-1)?.id,
  };
}
