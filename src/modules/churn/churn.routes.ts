import { z } from 'zod';
import type { App, Services } from '../../platform/module.ts';
import { enqueueJob } from '../../platform/jobs.ts';
import { idParams, page } from '../../platform/http/schemas.ts';
import { attachment, XLSX_TYPE } from '../stats/index.ts';
import {
  ChurnRecord,
  ChurnRecordQuery,
  ChurnReport,
  ChurnReportQuery,
  ImportChurnRecords,
  ImportReport,
  ModelInfo,
  RecordChurn,
  RiskItem,
  RiskQuery,
  UpdateChurnRecord,
} from './churn.schema.ts';
import { listChurnRecords, recordChurn, updateChurnRecord } from './churn-records.service.ts';
import { importChurnRecords } from './import-churn-records.ts';
import { churnReport, churnReportXlsx } from './churn-reports.ts';
import { currentModel, listAtRisk } from './risk/risk-queries.ts';
import { SCORE_NOW_JOB } from './churn.jobs.ts';

export function churnRoutes(app: App, { db }: Services): void {
  const tags = ['churn'];
  app.get(
    '/api/churn/records',
    {
      config: { permission: 'churn:view' },
      schema: { tags, querystring: ChurnRecordQuery, response: { 200: page(ChurnRecord) } },
    },
    (req) => listChurnRecords(db, req.ctx, req.query),
  );
  app.post(
    '/api/churn/records',
    { config: { permission: 'churn:create' }, schema: { tags, body: RecordChurn, response: { 201: ChurnRecord } } },
    async (req, reply) => reply.code(201).send(await recordChurn(db, req.ctx, req.body)),
  );
  app.patch(
    '/api/churn/records/:id',
    {
      config: { permission: 'churn:edit' },
      schema: { tags, params: idParams, body: UpdateChurnRecord, response: { 200: ChurnRecord } },
    },
    (req) => updateChurnRecord(db, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/churn/records/import',
    {
      config: { permission: 'churn:import' },
      bodyLimit: 20 * 1024 * 1024,
      schema: { tags, body: ImportChurnRecords, response: { 200: ImportReport } },
    },
    (req) => importChurnRecords(db, req.ctx, req.body),
  );

  app.get(
    '/api/churn/reports',
    {
      config: { permission: 'churn:view' },
      schema: { tags, querystring: ChurnReportQuery, response: { 200: ChurnReport } },
    },
    (req) => churnReport(db, req.ctx, req.query),
  );
  app.get(
    '/api/churn/reports.xlsx',
    { config: { permission: 'churn:export' }, schema: { tags, querystring: ChurnReportQuery } },
    async (req, reply) => {
      const report = await churnReport(db, req.ctx, req.query);
      const xlsx = await churnReportXlsx(req.ctx, report);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(`churn-${report.groupBy}-${report.from}-${report.to}.xlsx`))
        .send(xlsx);
    },
  );

  app.get(
    '/api/churn/risk',
    {
      config: { permission: 'churn:view' },
      schema: { tags, querystring: RiskQuery, response: { 200: page(RiskItem) } },
    },
    (req) => listAtRisk(db, req.ctx, req.query),
  );
  app.get(
    '/api/churn/model',
    { config: { permission: 'churn:view' }, schema: { tags, response: { 200: ModelInfo.nullable() } } },
    () => currentModel(db),
  );
  app.post(
    '/api/churn/risk/refresh',
    {
      config: { permission: 'churn:admin' },
      schema: { tags, response: { 202: z.object({ jobId: z.string().nullable() }) } },
    },
    async (_req, reply) =>
      reply
        .code(202)
        .send({ jobId: (await enqueueJob(db, SCORE_NOW_JOB, {}, { singletonKey: SCORE_NOW_JOB })) ?? null }),
  );
}
