import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App, Services } from '../../platform/module.ts';
import { id, idParams } from '../../platform/http/schemas.ts';
import { recordAudit } from '../../platform/audit.ts';
import { textFor } from '../../platform/access/masking.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import type { RequestContext } from '../../platform/access/context.ts';
import { withTransaction } from '../../platform/db.ts';
import { drainUpload } from '../../platform/files/drain.ts';
import { billingError } from './billing.errors.ts';
import { previewImport, runImport, type ImportRequest } from './run-import.ts';
import { usageImport } from './import-usage.ts';
import { paymentsImport } from './import-payments.ts';
import type { ImportSpec } from './import-spec.ts';
import { HEADER_SEARCH_ROWS } from '../../platform/files/import-text.ts';

const ImportReport = z.object({
  batchId: id,
  batchKey: z.string(),
  encoding: z.string(),
  accepted: z.number(),
  rejected: z.number(),
  previousBatches: z.array(id),
  warnings: z.array(z.object({ code: z.string(), message: z.string(), count: z.number(), rows: z.array(z.number()) })),
  errors: z.array(z.object({ row: z.number(), message: z.string() })),
});
const Options = z.object({
  mapping: z
    .string()
    .max(4000)
    .transform((s, c) => {
      try {
        return z.record(z.string(), z.string().max(200)).parse(JSON.parse(s));
      } catch {
        c.addIssue({ code: 'custom', message: 'a JSON object: field → column header' });
        return z.NEVER;
      }
    })
    .optional(),
  encoding: z.enum(['auto', 'utf-8', 'gbk']).default('auto'),
  batchKey: z.string().trim().min(1).max(200).optional(),
  /** The file row holding the column headers (1-based); a title may sit above it. */
  headerRow: z.coerce.number().int().min(1).max(HEADER_SEARCH_ROWS).optional(),
});
const kindParam = z.object({ kind: z.enum(['usage', 'payments']) });
const SPECS: Record<'usage' | 'payments', ImportSpec> = { usage: usageImport, payments: paymentsImport };

/** The uploaded file and the form fields sent before it (the web app sends mapping and encoding first). */
async function readUpload(
  req: FastifyRequest,
): Promise<Omit<ImportRequest, 'mapping'> & { mapping?: Record<string, string> }> {
  if (!req.isMultipart()) throw billingError('NO_FILE');
  const file = await req.file({ limits: { fileSize: 4 * 1024 * 1024 * 1024, fields: 10 } });
  if (!file) throw billingError('NO_FILE');
  const raw: Record<string, string> = {};
  for (const [name, field] of Object.entries(file.fields)) {
    const f = Array.isArray(field) ? field[0] : field;
    if (f && f.type === 'field') raw[name] = String(f.value);
  }
  const parsed = Options.safeParse(raw);
  if (!parsed.success) {
    await drainUpload(file.file);
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    throw billingError('MAPPING_INVALID', {}, fields);
  }
  const format = /\.xlsx$/i.test(file.filename) ? 'xlsx' : 'csv';
  return { fileName: file.filename, stream: file.file, format, ...parsed.data };
}

export async function importsRoutes(app: App, { database, db }: Services): Promise<void> {
  const tags = ['imports'];
  // A batch belongs to the region of whoever imported it; batches the system imported (no importer) only to scope "all".
  const visibleBatches = (ctx: RequestContext) =>
    db
      .selectFrom('import_batches as b')
      .leftJoin('employees as e', 'e.id', 'b.imported_by')
      .where(scopeWhere(ctx, { owner: 'b.imported_by', region: 'e.org_unit_id' }));
  // Multipart only for these routes; the upload is streamed, never buffered.
  await app.register(async (scope: App) => {
    await scope.register(multipart);
    scope.post(
      '/api/imports/:kind',
      {
        config: { permission: 'billing:import' },
        schema: { tags, params: kindParam, consumes: ['multipart/form-data'], response: { 200: ImportReport } },
      },
      async (req) => {
        const upload = await readUpload(req);
        try {
          return await runImport(database, req.ctx, SPECS[req.params.kind], {
            ...upload,
            mapping: upload.mapping ?? {},
          });
        } finally {
          await drainUpload(upload.stream);
        }
      },
    );
    scope.post(
      '/api/imports/:kind/preview',
      {
        config: { permission: 'billing:import' },
        schema: {
          tags,
          params: kindParam,
          consumes: ['multipart/form-data'],
          response: {
            200: z.object({
              encoding: z.string(),
              top: z.array(z.array(z.string())),
              headerRow: z.number(),
              header: z.array(z.string()),
              rows: z.array(z.array(z.string())),
              fields: z.array(z.object({ key: z.string(), required: z.boolean() })),
            }),
          },
        },
      },
      async (req) => {
        const upload = await readUpload(req);
        try {
          const spec = SPECS[req.params.kind];
          return {
            ...(await previewImport(
              upload,
              spec.fields.map((f) => f.key),
            )),
            fields: spec.fields,
          };
        } finally {
          await drainUpload(upload.stream);
        }
      },
    );
  });

  app.get(
    '/api/imports',
    {
      config: { permission: 'billing:view' },
      schema: { tags, querystring: z.object({ kind: z.enum(['usage', 'payments']).optional() }) },
    },
    async (req) => {
      let q = visibleBatches(req.ctx)
        .select([
          'b.id',
          'b.kind',
          'b.batch_key',
          'b.file_name',
          'b.encoding',
          'b.total_rows',
          'b.accepted',
          'b.rejected',
          'b.warnings',
          'b.imported_at',
          'e.name as imported_by',
        ])
        .orderBy('b.id', 'desc')
        .limit(100);
      if (req.query.kind) q = q.where('b.kind', '=', req.query.kind);
      return {
        items: (await q.execute()).map((b) => ({
          id: b.id,
          kind: b.kind,
          batchKey: b.batch_key,
          fileName: b.file_name,
          encoding: b.encoding,
          totalRows: b.total_rows,
          accepted: b.accepted,
          rejected: b.rejected,
          warnings: b.warnings,
          importedAt: new Date(b.imported_at).toISOString(),
          importedBy: b.imported_by,
        })),
      };
    },
  );

  app.get(
    '/api/imports/:id/errors',
    {
      config: { permission: 'billing:view' },
      schema: {
        tags,
        params: idParams,
        querystring: z.object({
          afterRow: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(5000).default(1000),
        }),
      },
    },
    async (req) => {
      if (!(await visibleBatches(req.ctx).select('b.id').where('b.id', '=', req.params.id).executeTakeFirst()))
        throw billingError('BATCH_NOT_FOUND');
      const rows = await db
        .selectFrom('import_errors')
        .select(['row_no', 'message'])
        .where('batch_id', '=', req.params.id)
        .where('row_no', '>', req.query.afterRow)
        .orderBy('row_no')
        .limit(req.query.limit)
        .execute();
      return {
        items: rows.map((r) => ({ row: r.row_no, message: textFor(req.ctx, r.message) })),
        nextAfterRow: rows.length === req.query.limit ? rows[rows.length - 1].row_no : null,
      };
    },
  );

  const Template = z.object({
    kind: z.enum(['usage', 'payments']),
    name: z.string().trim().min(1).max(60),
    mapping: z.record(z.string(), z.string().max(200)),
    encoding: z.enum(['auto', 'utf-8', 'gbk']).default('auto'),
  });
  app.get(
    '/api/import-templates',
    {
      config: { permission: 'billing:import' },
      schema: { tags, querystring: z.object({ kind: z.enum(['usage', 'payments']).optional() }) },
    },
    async (req) => {
      let q = db.selectFrom('import_templates').select(['id', 'kind', 'name', 'mapping', 'encoding']).orderBy('name');
      if (req.query.kind) q = q.where('kind', '=', req.query.kind);
      return { items: await q.execute() };
    },
  );
  app.post(
    '/api/import-templates',
    { config: { permission: 'billing:import' }, schema: { tags, body: Template } },
    async (req, reply) => {
      const saved = await withTransaction(db, async (trx) => {
        if (
          await trx
            .selectFrom('import_templates')
            .select('id')
            .where('kind', '=', req.body.kind)
            .where('name', '=', req.body.name)
            .executeTakeFirst()
        ) {
          throw billingError('TEMPLATE_EXISTS', undefined, { name: 'already used' });
        }
        const row = await trx
          .insertInto('import_templates')
          .values({ ...req.body, mapping: JSON.stringify(req.body.mapping), created_by: req.ctx.employeeId })
          .returning(['id', 'kind', 'name', 'mapping', 'encoding'])
          .executeTakeFirstOrThrow();
        await recordAudit(trx, req.ctx, {
          action: 'create',
          entity: 'import_template',
          entityId: row.id,
          changes: { name: [null, row.name] },
        });
        return row;
      });
      return reply.code(201).send(saved);
    },
  );
  app.delete(
    '/api/import-templates/:id',
    { config: { permission: 'billing:import' }, schema: { tags, params: idParams } },
    async (req, reply) => {
      await withTransaction(db, async (trx) => {
        const gone = await trx
          .deleteFrom('import_templates')
          .where('id', '=', req.params.id)
          .returning('name')
          .executeTakeFirst();
        if (gone)
          await recordAudit(trx, req.ctx, {
            action: 'delete',
            entity: 'import_template',
            entityId: req.params.id,
            changes: { name: [gone.name, null] },
          });
      });
      return reply.code(204).send();
    },
  );
}
