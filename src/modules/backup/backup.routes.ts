import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { z } from 'zod';
import type { App, Services } from '../../platform/module.ts';
import { withTransaction } from '../../platform/db.ts';
import { recordAudit } from '../../platform/audit.ts';
import { enqueueJob } from '../../platform/jobs.ts';
import { backupPath, listBackups } from './backup-store.ts';
import { backupError } from './backup.errors.ts';
import { BACKUP_JOBS, BACKUP_NOW_JOB } from './backup.jobs.ts';

const Verification = z.object({
  status: z.enum(['verified', 'failed']),
  at: z.string(),
  problems: z.array(z.string()),
});
const Backup = z.object({
  name: z.string(),
  createdAt: z.string(),
  sizeBytes: z.number(),
  engine: z.enum(['pglite', 'postgres']).nullable(),
  tables: z.number().nullable(),
  rows: z.number().nullable(),
  files: z.number().nullable(),
  verification: Verification.nullable(),
});
const BackupList = z.object({
  items: z.array(Backup),
  inProgress: z.boolean(),
  schedule: z.object({ everyHours: z.number(), keep: z.number(), dir: z.string() }),
});
const name = z.string().max(80);

/** Backups for administrators: the list with each one's verification, "back up now", and downloads (audited). */
export function backupRoutes(app: App, { db, config }: Services): void {
  const tags = ['backup'];
  app.get(
    '/api/backups',
    { config: { permission: 'backup:admin' }, schema: { tags, response: { 200: BackupList } } },
    async () => {
      const running = await db
        .selectFrom('jobs')
        .select('id')
        .where('name', 'in', BACKUP_JOBS)
        .where('status', '=', 'running')
        .unionAll(db.selectFrom('jobs').select('id').where('name', '=', BACKUP_NOW_JOB).where('status', '=', 'queued'))
        .executeTakeFirst();
      return {
        items: await listBackups(config.backupDir),
        inProgress: running !== undefined,
        schedule: { everyHours: config.backupEveryHours, keep: config.backupKeep, dir: config.backupDir },
      };
    },
  );

  app.post(
    '/api/backups',
    { config: { permission: 'backup:admin' }, schema: { tags, response: { 202: z.object({ jobId: z.string() }) } } },
    async (req, reply) => {
      const jobId = await withTransaction(db, async (trx) => {
        const queued = await enqueueJob(trx, BACKUP_NOW_JOB, {}, { singletonKey: BACKUP_NOW_JOB, maxAttempts: 1 });
        if (queued)
          await recordAudit(trx, req.ctx, {
            action: 'create',
            entity: 'backup',
            entityId: null,
            changes: { jobId: queued },
          });
        return queued;
      });
      if (!jobId) throw backupError('BACKUP_ALREADY_RUNNING');
      return reply.code(202).send({ jobId });
    },
  );

  app.get(
    '/api/backups/:name',
    { config: { permission: 'backup:admin' }, schema: { tags, params: z.object({ name }) } },
    async (req, reply) => {
      const file = backupPath(config.backupDir, req.params.name);
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) throw backupError('BACKUP_NOT_FOUND');
      await recordAudit(db, req.ctx, {
        action: 'download',
        entity: 'backup',
        entityId: req.params.name,
        changes: { sizeBytes: info.size },
      });
      return reply
        .header('content-type', 'application/gzip')
        .header('content-length', String(info.size))
        .header('content-disposition', `attachment; filename="${req.params.name}"`)
        .send(createReadStream(file));
    },
  );
}
