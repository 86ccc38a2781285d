import { z } from 'zod';
import { cursor, idParams, limit, page } from '../../platform/http/schemas.ts';
import type { App, Services } from '../../platform/module.ts';
import { attachmentHeader, EXPORT_CONTENT_TYPES } from '../../platform/files/table-export.ts';
import { exportRun } from './export-run.ts';
import { publishRun, renameClusters } from './publish-run.ts';
import { getRun, listRuns } from './run-queries.ts';
import { RenameClusters, RunDetail, RunSummary, StartRun } from './segmentation.schema.ts';
import { startRun } from './start-run.ts';
import { VARIABLES } from './variables.ts';

const Variable = z.object({
  key: z.string(),
  zh: z.string(),
  en: z.string(),
  unit: z.enum(['yuan', 'minutes', 'gb']),
  heavyTailed: z.boolean(),
});

export function segmentationRoutes(app: App, { db }: Services): void {
  const tags = ['segmentation'];
  app.get(
    '/api/segmentation/variables',
    {
      config: { permission: 'segmentation:view' },
      schema: { tags, response: { 200: z.object({ items: z.array(Variable) }) } },
    },
    async () => ({ items: [...VARIABLES] }),
  );
  app.post(
    '/api/segmentation/runs',
    {
      config: { permission: 'segmentation:create' },
      schema: { tags, body: StartRun, response: { 202: z.object({ runId: z.string() }) } },
    },
    async (req, reply) => reply.code(202).send(await startRun(db, req.ctx, req.body)),
  );
  app.get(
    '/api/segmentation/runs',
    {
      config: { permission: 'segmentation:view' },
      schema: { tags, querystring: z.object({ limit, cursor }), response: { 200: page(RunSummary) } },
    },
    (req) => listRuns(db, req.ctx, req.query.limit, req.query.cursor),
  );
  app.get(
    '/api/segmentation/runs/:id',
    { config: { permission: 'segmentation:view' }, schema: { tags, params: idParams, response: { 200: RunDetail } } },
    (req) => getRun(db, req.ctx, req.params.id),
  );
  app.put(
    '/api/segmentation/runs/:id/names',
    {
      config: { permission: 'segmentation:edit' },
      schema: { tags, params: idParams, body: RenameClusters, response: { 200: RunDetail } },
    },
    (req) => renameClusters(db, req.ctx, req.params.id, req.body.names),
  );
  app.post(
    '/api/segmentation/runs/:id/publish',
    {
      config: { permission: 'segmentation:edit' },
      schema: { tags, params: idParams, response: { 200: RunDetail.extend({ customersUpdated: z.number() }) } },
    },
    (req) => publishRun(db, req.ctx, req.params.id),
  );
  app.get(
    '/api/segmentation/runs/:id/export',
    {
      config: { permission: 'segmentation:export' },
      schema: {
        tags,
        params: idParams,
        querystring: z.object({
          what: z.enum(['profiles', 'assignments']),
          format: z.enum(['xlsx', 'csv']).default('xlsx'),
        }),
      },
    },
    async (req, reply) => {
      const { fileName, body } = await exportRun(db, req.ctx, req.params.id, req.query.what, req.query.format);
      return reply
        .header('content-type', EXPORT_CONTENT_TYPES[req.query.format])
        .header('content-disposition', attachmentHeader(fileName))
        .send(body);
    },
  );
}
