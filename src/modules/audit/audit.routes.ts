import { z } from 'zod';
import { sql } from 'kysely';
import type { App, Services } from '../../platform/module.ts';
import {
  cursor,
  decodeCursor,
  encodeCursor,
  id,
  limit,
  page,
  cursorId,
  isoDate,
  isoDateTime,
} from '../../platform/http/schemas.ts';
import '../../platform/audit.ts';

const AuditRow = z.object({
  id,
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  ip: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()),
});
const AuditQuery = z.object({
  entity: z.string().max(40).optional(),
  entityId: z.string().max(40).optional(),
  actor: z.string().max(40).optional().describe('employee id or name'),
  action: z.string().max(40).optional(),
  from: isoDateTime.or(isoDate).optional(),
  to: isoDateTime.or(isoDate).optional(),
  limit,
  cursor,
});

/** The audit log, newest first, for administrators. */
export function auditRoutes(app: App, { db }: Services): void {
  app.get(
    '/api/audit',
    {
      config: { permission: 'audit:view' },
      schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: page(AuditRow) } },
    },
    async (req) => {
      const f = req.query;
      let query = db
        .selectFrom('audit_log')
        .select(['id', 'at', 'actor_id', 'actor_name', 'ip', 'action', 'entity', 'entity_id', 'changes'])
        .orderBy('id', 'desc')
        .limit(f.limit);
      if (f.entity) query = query.where('entity', '=', f.entity);
      if (f.entityId) query = query.where('entity_id', '=', f.entityId);
      if (f.action) query = query.where('action', '=', f.action);
      if (f.actor)
        query = id.safeParse(f.actor).success
          ? query.where('actor_id', '=', f.actor)
          : query.where('actor_name', 'like', `%${f.actor}%`);
      if (f.from) query = query.where('at', '>=', new Date(f.from));
      // A bare date `to` includes that whole day.
      if (f.to) query = query.where('at', '<', f.to.length === 10 ? sql<Date>`${f.to}::date + 1` : new Date(f.to));
      const before = decodeCursor(f.cursor, cursorId);
      if (before) query = query.where('id', '<', before);
      const rows = await query.execute();
      return {
        items: rows.map((r) => ({
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
        nextCursor: rows.length === f.limit ? encodeCursor(rows[rows.length - 1].id) : null,
      };
    },
  );
}
