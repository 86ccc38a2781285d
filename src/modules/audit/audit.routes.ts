import { z } from 'zod';
import type { App, Services } from '../../platform/module.ts';
import { encodeCursor, id, page } from '../../platform/http/schemas.ts';
import { attachment, XLSX_TYPE } from '../stats/index.ts';
import { exportAudit } from './audit-export.ts';
import { AuditFilters, AuditQuery, listAudit } from './audit-queries.ts';

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

/** The audit log, newest first, for administrators and auditors; `action=view_unmasked` is the PII access log. */
export function auditRoutes(app: App, { db }: Services): void {
  app.get(
    '/api/audit',
    {
      config: { permission: 'audit:view' },
      schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: page(AuditRow) } },
    },
    async (req) => {
      const { limit, cursor, ...filters } = req.query;
      const { rows, lastId } = await listAudit(db, filters, limit, cursor);
      return { items: rows, nextCursor: rows.length === limit && lastId ? encodeCursor(lastId) : null };
    },
  );

  app.get(
    '/api/audit/export',
    {
      config: { permission: 'audit:export' },
      schema: {
        tags: ['audit'],
        description: 'The filtered audit log as an xlsx or CSV file (at most 50,000 rows, newest first); audited.',
        querystring: AuditFilters.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
      },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query;
      const { body } = await exportAudit(db, req.ctx, filters, format);
      const name = `audit-log-${filters.action ?? 'all'}.${format}`;
      return reply
        .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE)
        .header('content-disposition', attachment(name))
        .send(body);
    },
  );
}
