import { z } from 'zod';
import type { App, Services } from '../../platform/module.ts';
import { id, idParams } from '../../platform/http/schemas.ts';
import { listJobs, retryJob } from '../../platform/jobs.ts';
import { withTransaction } from '../../platform/db.ts';
import { recordAudit } from '../../platform/audit.ts';
import { systemError } from './system.errors.ts';

const STATUSES = ['queued', 'running', 'done', 'failed'] as const;
const Job = z.object({
  id,
  name: z.string(),
  status: z.enum(STATUSES),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  lastError: z.string().nullable(),
  lastRunAt: z.string().nullable(),
  nextRunAt: z.string().nullable(),
  updatedAt: z.string(),
});
const JobQuery = z.object({
  status: z.enum(STATUSES).optional(),
  before: id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Background jobs for administrators: what ran, what failed and why, and a retry for a failed one. */
export function jobsRoutes(app: App, { db }: Services): void {
  const tags = ['system'];
  app.get(
    '/api/system/jobs',
    {
      config: { permission: 'system:admin' },
      schema: {
        tags,
        querystring: JobQuery,
        response: { 200: z.object({ items: z.array(Job), nextBefore: id.nullable() }) },
      },
    },
    async (req) => {
      const rows = await listJobs(db, req.query);
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          status: r.status,
          attempts: r.attempts,
          maxAttempts: r.max_attempts,
          lastError: r.last_error,
          lastRunAt: r.last_run_at?.toISOString() ?? null,
          nextRunAt: r.status === 'queued' ? r.run_at.toISOString() : null,
          updatedAt: r.updated_at.toISOString(),
        })),
        nextBefore: rows.length === req.query.limit ? rows[rows.length - 1].id : null,
      };
    },
  );
  app.post(
    '/api/system/jobs/:id/retry',
    { config: { permission: 'system:admin' }, schema: { tags, params: idParams, response: { 202: z.object({ id }) } } },
    async (req, reply) =>
      withTransaction(db, async (trx) => {
        if (!(await retryJob(trx, req.params.id))) throw systemError('JOB_NOT_RETRYABLE');
        await recordAudit(trx, req.ctx, { action: 'retry', entity: 'job', entityId: req.params.id });
        return reply.code(202).send({ id: req.params.id });
      }),
  );
}
