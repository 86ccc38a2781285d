import { z } from 'zod';
import type { Db } from '../db.ts';
import type { App } from '../module.ts';
import { id, isoDate } from '../http/schemas.ts';
import { registerFieldMessages } from '../http/field-messages.ts';
import type { RequestContext } from './context.ts';
import {
  listRecordShares,
  listSharedWithCaller,
  NO_SUCH_TARGET,
  revokeRecordShare,
  SHARE_EXPIRY,
  SHARE_WITH_ONE,
  shareRecord,
  type SharedEntity,
} from './record-shares.ts';

registerFieldMessages({
  [SHARE_WITH_ONE]: '请选择一名员工或一个组织单元（只能选其一）',
  [SHARE_EXPIRY]: '有效期须在今天到一年之内',
  [NO_SUCH_TARGET]: '不存在',
});

const RecordShare = z.object({
  id,
  employeeId: z.string().nullable(),
  employeeName: z.string().nullable(),
  orgUnitId: z.string().nullable(),
  orgUnitName: z.string().nullable(),
  expiresAt: z.string(),
  createdBy: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
const ShareBody = z.object({
  employeeId: id.optional(),
  orgUnitId: id.optional(),
  expiresOn: isoDate.describe('the last business day the share works'),
});

export interface ShareableRecords {
  /** '/api/customers' */
  prefix: string;
  entity: SharedEntity;
  /** The permission area: view to list, edit to share and revoke. */
  area: string;
  tag: string;
  /** Throws the module's 404 unless the caller sees the record by their own scope (a sharee cannot share it on). */
  requireOwnScope: (ctx: RequestContext, id: string) => Promise<void>;
  /** A line naming each record the caller may see ("王芳 C000123"), for the "shared with me" list. */
  labels: (ctx: RequestContext, ids: string[]) => Promise<Map<string, string>>;
}

/**
 * The sharing routes of one kind of record: `GET {prefix}/shared-with-me`, `GET|POST {prefix}/:id/shares` and
 * `DELETE {prefix}/:id/shares/:shareId`. Reading a shared record goes through the module's own routes, whose
 * scope predicate includes `sharedWithCaller`.
 */
export function recordShareRoutes(app: App, db: Db, r: ShareableRecords): void {
  const tags = [r.tag];
  const view = { permission: `${r.area}:view` as const };
  const edit = { permission: `${r.area}:edit` as const };
  app.get(
    `${r.prefix}/shared-with-me`,
    {
      config: view,
      schema: {
        tags,
        response: { 200: z.object({ items: z.array(RecordShare.extend({ recordId: id, label: z.string() })) }) },
      },
    },
    async (req) => {
      const shares = await listSharedWithCaller(db, req.ctx, r.entity);
      const labels = await r.labels(req.ctx, [...new Set(shares.map((s) => s.recordId))]);
      return {
        items: shares
          .filter((s) => labels.has(s.recordId))
          .map((s) => ({ ...s, label: labels.get(s.recordId) ?? s.recordId })),
      };
    },
  );
  app.get(
    `${r.prefix}/:id/shares`,
    {
      config: view,
      schema: { tags, params: z.object({ id }), response: { 200: z.object({ items: z.array(RecordShare) }) } },
    },
    async (req) => {
      await r.requireOwnScope(req.ctx, req.params.id);
      return { items: await listRecordShares(db, r.entity, req.params.id) };
    },
  );
  app.post(
    `${r.prefix}/:id/shares`,
    { config: edit, schema: { tags, params: z.object({ id }), body: ShareBody, response: { 201: RecordShare } } },
    async (req, reply) => {
      await r.requireOwnScope(req.ctx, req.params.id);
      return reply.code(201).send(await shareRecord(db, req.ctx, r.entity, req.params.id, req.body));
    },
  );
  app.delete(
    `${r.prefix}/:id/shares/:shareId`,
    { config: edit, schema: { tags, params: z.object({ id, shareId: id }) } },
    async (req, reply) => {
      await r.requireOwnScope(req.ctx, req.params.id);
      await revokeRecordShare(db, req.ctx, r.entity, req.params.id, req.params.shareId);
      return reply.code(204).send();
    },
  );
}
