import { sql } from 'kysely';
import { z } from 'zod';
import type { DatabaseHandle } from '../db.ts';
import { jobFigures } from '../jobs.ts';
import { localeFrom, platformError } from '../errors.ts';
import type { App } from '../module.ts';
import { DATABASE_RETRY_AFTER_SECONDS } from './error-handler.ts';

/** How long the health check waits for the database before calling it down. */
const CHECK_TIMEOUT_MS = 2000;

const JobFigures = z.object({
  queued: z.number().int(),
  running: z.number().int(),
  failed: z.number().int(),
  failedLast24h: z.number().int(),
  stuck: z.number().int(),
});

/**
 * `GET /api/health`: 200 when the database answers a real query within 2 s, with the job queue's figures (failed and
 * stuck jobs); 503 with Retry-After when it does not, so a load balancer stops sending traffic here until it is back.
 */
export function healthRoute(app: App, database: DatabaseHandle) {
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        response: {
          200: z.object({
            status: z.literal('ok'),
            db: z.enum(['pglite', 'postgres']),
            dbLatencyMs: z.number(),
            jobs: JobFigures,
          }),
          503: z.object({
            status: z.literal('unavailable'),
            db: z.enum(['pglite', 'postgres']),
            error: z.object({ code: z.string(), message: z.string() }),
          }),
        },
      },
    },
    async (request, reply) => {
      const started = performance.now();
      try {
        const jobs = await withTimeout(
          (async () => {
            await sql`SELECT 1`.execute(database.db);
            return jobFigures(database.db);
          })(),
          CHECK_TIMEOUT_MS,
        );
        return { status: 'ok' as const, db: database.kind, dbLatencyMs: Math.round(performance.now() - started), jobs };
      } catch (err) {
        request.log.warn({ err }, 'health check: database unavailable');
        const error = platformError('DATABASE_UNAVAILABLE');
        return reply
          .code(503)
          .header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
          .send({
            status: 'unavailable' as const,
            db: database.kind,
            error: { code: error.code, message: error.messageFor(localeFrom(request.headers['accept-language'])) },
          });
      }
    },
  );
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  work.catch(() => {}); // a late failure after the timeout has nobody to tell
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
