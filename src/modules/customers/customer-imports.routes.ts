import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RequestContext } from '../../platform/access/context.ts';
import { textFor } from '../../platform/access/masking.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import { drainUpload } from '../../platform/files/drain.ts';
import { id, idParams } from '../../platform/http/schemas.ts';
import type { App, Services } from '../../platform/module.ts';
import { customerError } from './customers.errors.ts';
import { CUSTOMER_IMPORT_FIELDS } from './customer-import-rows.ts';
import { importCustomers, previewCustomerImport, type CustomerImportRequest } from './import-customers.ts';

const ImportReport = z.object({
  batchId: id,
  batchKey: z.string(),
  status: z.enum(['imported', 'rejected', 'alreadyImported']),
  encoding: z.string(),
  totalRows: z.number(),
  imported: z.number(),
  rejected: z.number(),
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
  goodRowsOnly: z.enum(['true', 'false']).default('false'),
});

/** The uploaded file and the form fields sent before it (the web page sends them first). */
async function readUpload(
  req: FastifyRequest,
): Promise<Omit<CustomerImportRequest, 'mapping'> & { mapping?: Record<string, string> }> {
  if (!req.isMultipart()) throw customerError('IMPORT_NO_FILE');
  const file = await req.file({ limits: { fileSize: 4 * 1024 * 1024 * 1024, fields: 10 } });
  if (!file) throw customerError('IMPORT_NO_FILE');
  const raw: Record<string, string> = {};
  for (const [name, field] of Object.entries(file.fields)) {
    const f = Array.isArray(field) ? field[0] : field;
    if (f && f.type === 'field') raw[name] = String(f.value);
  }
  const parsed = Options.safeParse(raw);
  if (!parsed.success) {
    await drainUpload(file.file);
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    throw customerError('IMPORT_MAPPING_INVALID', {}, fields);
  }
  const { goodRowsOnly, ...options } = parsed.data;
  const format = /\.xlsx$/i.test(file.filename) ? 'xlsx' : 'csv';
  return { fileName: file.filename, stream: file.file, format, goodRowsOnly: goodRowsOnly === 'true', ...options };
}

/** Bulk customer import: whoever may open accounts may import them, into the regions of their data scope. */
export async function customerImportsRoutes(app: App, { database, db }: Services): Promise<void> {
  const tags = ['customers'];
  const visibleBatches = (ctx: RequestContext) =>
    db
      .selectFrom('customer_import_batches as b')
      .leftJoin('employees as e', 'e.id', 'b.imported_by')
      .where(scopeWhere(ctx, { owner: 'b.imported_by', region: 'e.org_unit_id' }));
  // Multipart only for the uploads; the file is streamed, never buffered.
  await app.register(async (scope: App) => {
    await scope.register(multipart);
    scope.post(
      '/api/customers/imports',
      {
        config: { permission: 'customers:create' },
        schema: { tags, consumes: ['multipart/form-data'], response: { 200: ImportReport } },
      },
      async (req) => {
        const upload = await readUpload(req);
        try {
          return await importCustomers(database, req.ctx, { ...upload, mapping: upload.mapping ?? {} });
        } finally {
          await drainUpload(upload.stream);
        }
      },
    );
    scope.post(
      '/api/customers/imports/preview',
      {
        config: { permission: 'customers:create' },
        schema: {
          tags,
          consumes: ['multipart/form-data'],
          response: {
            200: z.object({
              encoding: z.string(),
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
          const preview = await previewCustomerImport(upload);
          // The sample rows are the importer's own file, shown as they may see numbers.
          return { ...preview, rows: textFor(req.ctx, preview.rows), fields: [...CUSTOMER_IMPORT_FIELDS] };
        } finally {
          await drainUpload(upload.stream);
        }
      },
    );
  });

  app.get('/api/customers/imports', { config: { permission: 'customers:create' }, schema: { tags } }, async (req) => {
    const rows = await visibleBatches(req.ctx)
      .select([
        'b.id',
        'b.file_name',
        'b.encoding',
        'b.status',
        'b.total_rows',
        'b.accepted',
        'b.rejected',
        'b.imported_at',
        'e.name as imported_by',
      ])
      .orderBy('b.id', 'desc')
      .limit(100)
      .execute();
    return {
      items: rows.map((b) => ({
        id: b.id,
        fileName: b.file_name,
        encoding: b.encoding,
        status: b.status,
        totalRows: b.total_rows,
        imported: b.accepted,
        rejected: b.rejected,
        importedAt: new Date(b.imported_at).toISOString(),
        importedBy: b.imported_by,
      })),
    };
  });

  app.get(
    '/api/customers/imports/:id/errors',
    {
      config: { permission: 'customers:create' },
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
        throw customerError('IMPORT_NOT_FOUND');
      const rows = await db
        .selectFrom('customer_import_errors')
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
}
