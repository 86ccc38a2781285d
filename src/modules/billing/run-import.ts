import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { RequestContext } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTransaction, type DatabaseHandle } from '../../platform/db.ts';
import { billingError } from './billing.errors.ts';
import { copyIntoStage, createStage, dropStage } from './copy-staging.ts';
import { decodeCsv, previewRows, recordChunks, xlsxAsCsv, type Encoding } from './import-text.ts';
import type { ImportSpec } from './import-spec.ts';
import { ensureMonthPartition } from './usage-partitions.ts';
import { DATE_OK } from './import-sql.ts';

export interface ImportRequest {
  fileName: string;
  stream: Readable;
  format: 'csv' | 'xlsx';
  encoding: Encoding;
  /** our field → the file's column header */
  mapping: Record<string, string>;
  /** Identifies the delivery; by default the file's SHA-256. */
  batchKey?: string;
}

export interface ImportReport {
  batchId: string;
  batchKey: string;
  encoding: string;
  accepted: number;
  rejected: number;
  /** Earlier batches with the same key: the same file was imported before. */
  previousBatches: string[];
  /** The first 1,000 errors; all of them at GET /api/imports/:batchId/errors. */
  errors: { row: number; message: string }[];
}

const ERRORS_IN_REPORT = 1000;

/** Passes the upload through while hashing it, so the batch key costs no second read. */
async function* hashing(stream: AsyncIterable<Buffer>, hash: ReturnType<typeof createHash>): AsyncGenerator<Buffer> {
  for await (const chunk of stream) {
    hash.update(chunk);
    yield chunk;
  }
}

async function* prepend(first: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

export function checkMapping(spec: ImportSpec, header: string[], mapping: Record<string, string>): void {
  const missing: Record<string, string> = {};
  for (const f of spec.fields) {
    const column = mapping[f.key];
    if (column === undefined || column === '') {
      if (f.required) missing[f.key] = 'choose the file column';
    } else if (!header.includes(column)) missing[f.key] = `the file has no column "${column}"`;
  }
  if (Object.keys(missing).length) throw billingError('MAPPING_INVALID', { missing: Object.keys(missing).join(', ') }, missing);
}

/**
 * Imports one file as one batch: streamed into a stage by COPY (the file is never held in memory), then
 * validated and applied in one transaction with its audit row; good rows go in, bad rows are reported with
 * the reason, and a failure anywhere applies nothing.
 */
export async function runImport(database: DatabaseHandle, ctx: RequestContext, spec: ImportSpec, req: ImportRequest): Promise<ImportReport> {
  const hash = createHash('sha256');
  let encoding: string = req.format === 'xlsx' ? 'xlsx' : req.encoding;
  const bytes = hashing(req.stream, hash);
  const text = req.format === 'xlsx' ? xlsxAsCsv(Readable.from(bytes)) : decodeCsv(bytes, req.encoding, (e) => { encoding = e; });
  const chunks = recordChunks(text);
  const first = await chunks.next();
  if (first.done) throw billingError('EMPTY_FILE');
  const { header } = previewRows(first.value, 0);
  if (header.length === 0) throw billingError('EMPTY_FILE');
  checkMapping(spec, header, req.mapping);

  const stage = `import_stage_${randomBytes(6).toString('hex')}`;
  await createStage(database, stage, header.length);
  try {
    try {
      await copyIntoStage(database, stage, header.length, prepend(first.value, chunks));
    } catch (e) {
      throw billingError('FILE_MALFORMED', { detail: copyProblem(e) });
    }
    const batchKey = req.batchKey ?? `sha256:${hash.digest('hex')}`;
    const col = (field: string) => {
      const i = req.mapping[field] ? header.indexOf(req.mapping[field]) : -1;
      return i < 0 ? sql`NULL::text` : sql.ref(`c${i + 1}`);
    };
    await sql`ANALYZE ${sql.table(stage)}`.execute(database.db);
    return await withTransaction(database.db, async (trx) => {
      // The validation sorts and hashes the whole batch; in memory that is several times faster than spilling to disk.
      await sql`SET LOCAL work_mem = '256MB'`.execute(trx);
      const months = await sql<{ m: string }>`SELECT DISTINCT substr(replace(trim(${col(spec.dateField)}), '/', '-'), 1, 7) || '-01' AS m
        FROM ${sql.table(stage)} WHERE replace(trim(${col(spec.dateField)}), '/', '-') ~ ${DATE_OK}`.execute(trx);
      if (spec.kind === 'usage') for (const { m } of months.rows) await ensureMonthPartition(trx, m);
      const previous = await trx.selectFrom('import_batches').select('id').where('kind', '=', spec.kind).where('batch_key', '=', batchKey).execute();
      const batch = await trx.insertInto('import_batches').values({
        kind: spec.kind, batch_key: batchKey, file_name: req.fileName.slice(0, 200), encoding, mapping: JSON.stringify(req.mapping),
        total_rows: 0, accepted: 0, rejected: 0, imported_by: ctx.employeeId === '0' ? null : ctx.employeeId,
      }).returning('id').executeTakeFirstOrThrow();
      const bounds = months.rows.map((r) => r.m).sort();
      const range = bounds.length ? { from: bounds[0], to: nextMonth(bounds[bounds.length - 1]) } : { from: '1970-01-01', to: '1970-01-01' };
      const result = await spec.apply(trx, stage, col, batch.id, range);
      await trx.updateTable('import_batches').set({ total_rows: result.accepted + result.rejected, accepted: result.accepted, rejected: result.rejected, months: result.months })
        .where('id', '=', batch.id).execute();
      await spec.afterApply(trx, batch.id, result.months);
      await recordAudit(trx, ctx, { action: `import_${spec.kind}`, entity: 'import_batch', entityId: batch.id, changes: { file: req.fileName, batchKey, accepted: result.accepted, rejected: result.rejected } });
      const errors = await trx.selectFrom('import_errors').select(['row_no', 'message']).where('batch_id', '=', batch.id).orderBy('row_no').limit(ERRORS_IN_REPORT).execute();
      return {
        batchId: batch.id, batchKey, encoding, accepted: result.accepted, rejected: result.rejected, previousBatches: previous.map((p) => p.id),
        errors: errors.map((e) => ({ row: e.row_no, message: e.message })),
      };
    });
  } finally {
    await dropStage(database, stage);
  }
}

/** The first rows of a file with its header, for the mapping screen; reads only the file's start. */
export async function previewImport(req: Omit<ImportRequest, 'mapping'>): Promise<{ encoding: string; header: string[]; rows: string[][] }> {
  let encoding: string = req.format === 'xlsx' ? 'xlsx' : req.encoding;
  const text = req.format === 'xlsx' ? xlsxAsCsv(req.stream) : decodeCsv(req.stream, req.encoding, (e) => { encoding = e; });
  const first = await recordChunks(text, 64 * 1024).next();
  req.stream.resume();
  if (first.done) throw billingError('EMPTY_FILE');
  return { encoding, ...previewRows(first.value, 10) };
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

function copyProblem(e: unknown): string {
  const err = e as { message?: string; where?: string };
  const line = /line (\d+)/.exec(err.where ?? err.message ?? '')?.[1];
  return `${(err.message ?? 'unreadable').split('\n')[0].slice(0, 200)}${line ? ` (line ${line})` : ''}`;
}

