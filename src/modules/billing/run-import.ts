import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { RequestContext } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTransaction, type DatabaseHandle } from '../../platform/db.ts';
import { CsvError } from 'csv-parse';
import { withSpooledFile } from '../../platform/files/spool.ts';
import { copyValue, withCopySession, type CopySession } from '../../platform/copy-session.ts';
import { textFor } from '../../platform/access/masking.ts';
import type { Locale } from '../../platform/errors.ts';
import { billingError } from './billing.errors.ts';
import { CustomerKeys, customerProblem } from './customer-keys.ts';
import { problemMessage } from './import-problems.ts';
import {
  csvRecordBatches,
  decodeCsv,
  firstRecords,
  guessHeaderRow,
  HEADER_SEARCH_ROWS,
  recordChunks,
  xlsxAsCsv,
  type Encoding,
} from '../../platform/files/import-text.ts';
import type { ImportSpec, ParsedRow } from './import-spec.ts';

export interface ImportRequest {
  fileName: string;
  stream: Readable;
  format: 'csv' | 'xlsx';
  encoding: Encoding;
  /** our field → the file's column header */
  mapping: Record<string, string>;
  /**
   * The file row (1-based, blank rows not counted) holding the column headers; rows above it (a title) are skipped.
   * By default the first row naming the mapping's columns, else row 1.
   */
  headerRow?: number;
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
  /** Rows that went in but deserve a look (usage on a day without a package), by kind: count and first rows. */
  warnings: { code: string; message: string; count: number; rows: number[] }[];
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

export function checkMapping(spec: ImportSpec, header: string[], mapping: Record<string, string>): void {
  const missing: Record<string, string> = {};
  for (const f of spec.fields) {
    const column = mapping[f.key];
    if (column === undefined || column === '') {
      if (f.required) missing[f.key] = 'choose the file column';
    } else if (!header.includes(column)) missing[f.key] = `the file has no column "${column}"`;
  }
  if (Object.keys(missing).length) throw billingError('MAPPING_INVALID', {}, missing);
}

/**
 * Imports one file as one batch, in one transaction with its audit row: the file streams through (it is never
 * held in memory), each row is read and checked here while the previous piece is being loaded by COPY, and the
 * spec then moves the loaded rows to their table. Good rows go in, bad rows are reported with the reason, and a
 * failure anywhere applies nothing.
 */
export async function runImport(
  database: DatabaseHandle,
  ctx: RequestContext,
  spec: ImportSpec,
  req: ImportRequest,
): Promise<ImportReport> {
  const hash = createHash('sha256');
  const bytes = hashing(req.stream, hash);
  if (req.format === 'xlsx')
    return withSpooledFile(bytes, (path) => importText(database, ctx, spec, req, hash, xlsxAsCsv(path), () => 'xlsx'));
  let encoding: string = req.encoding;
  return importText(
    database,
    ctx,
    spec,
    req,
    hash,
    decodeCsv(bytes, req.encoding, (e) => {
      encoding = e;
    }),
    () => encoding,
  );
}

async function importText(
  database: DatabaseHandle,
  ctx: RequestContext,
  spec: ImportSpec,
  req: ImportRequest,
  hash: ReturnType<typeof createHash>,
  text: AsyncIterable<string>,
  encodingOf: () => string,
): Promise<ImportReport> {
  const batches = csvRecordBatches(text);
  const first = await readBatch(batches);
  if (first === undefined || first.length === 0 || first[0].every((h) => h.trim() === ''))
    throw billingError('EMPTY_FILE');
  const headerIndex =
    req.headerRow !== undefined ? req.headerRow - 1 : guessHeaderRow(first, Object.values(req.mapping));
  if (headerIndex >= first.length) throw billingError('MAPPING_INVALID', {}, { headerRow: 'the file has no such row' });
  const header = first[headerIndex].map((h) => h.trim());
  checkMapping(spec, header, req.mapping);
  const columnOf = new Map(
    spec.fields.map((f) => [f.key, req.mapping[f.key] ? header.indexOf(req.mapping[f.key]) : -1]),
  );

  return withCopySession(database, (session) =>
    withTransaction(session.db, async (trx) => {
      const encoding = encodingOf();
      const batch = await trx
        .insertInto('import_batches')
        .values({
          kind: spec.kind,
          batch_key: '',
          file_name: req.fileName.slice(0, 200),
          encoding,
          mapping: JSON.stringify(req.mapping),
          header_row: headerIndex + 1,
          total_rows: 0,
          accepted: 0,
          rejected: 0,
          imported_by: ctx.employeeId === '0' ? null : ctx.employeeId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const table = `import_load_${randomBytes(6).toString('hex')}`;
      await spec.createLoad(trx, table);
      // On a server, customers are looked up on another connection while this one is busy with COPY.
      const customers = new CustomerKeys(database.kind === 'postgres' ? database.db : trx);
      const streamed = await streamRows(
        {
          session,
          spec,
          header,
          columnOf,
          customers,
          batchId: batch.id,
          table,
          locale: ctx.locale,
          // An xlsx row ends at its last filled cell: the importer pads it to the header's width.
          padRows: encodingOf() === 'xlsx',
        },
        first.slice(headerIndex + 1),
        batches,
        headerIndex + 2,
      );
      // The whole batch is sorted and hashed once; in memory that is several times faster than spilling to disk.
      await sql`SET LOCAL work_mem = '256MB'`.execute(trx);
      await sql`SET LOCAL maintenance_work_mem = '256MB'`.execute(trx);
      const result = await spec.apply(trx, {
        table,
        batchId: batch.id,
        rows: streamed.loaded,
        months: streamed.months,
        locale: ctx.locale,
      });
      const batchKey = req.batchKey ?? `sha256:${hash.digest('hex')}`;
      const previous = await trx
        .selectFrom('import_batches')
        .select('id')
        .where('kind', '=', spec.kind)
        .where('batch_key', '=', batchKey)
        .execute();
      const totals = { accepted: result.accepted, rejected: streamed.rejected + result.rejected };
      const warnings = result.warnings ?? [];
      await trx
        .updateTable('import_batches')
        .set({
          batch_key: batchKey,
          encoding: encodingOf(),
          total_rows: totals.accepted + totals.rejected,
          ...totals,
          warnings: warnings.reduce((n, w) => n + w.count, 0),
          months: result.months,
        })
        .where('id', '=', batch.id)
        .execute();
      await spec.afterApply(trx, batch.id, result.months);
      await recordAudit(trx, ctx, {
        action: `import_${spec.kind}`,
        entity: 'import_batch',
        entityId: batch.id,
        changes: { file: req.fileName, batchKey, ...totals, warnings: warnings.reduce((n, w) => n + w.count, 0) },
      });
      const errors = await trx
        .selectFrom('import_errors')
        .select(['row_no', 'message'])
        .where('batch_id', '=', batch.id)
        .orderBy('row_no')
        .limit(ERRORS_IN_REPORT)
        .execute();
      return {
        batchId: batch.id,
        batchKey,
        encoding: encodingOf(),
        ...totals,
        previousBatches: previous.map((p) => p.id),
        warnings: warnings.map((w) => ({ ...w, message: problemMessage(ctx.locale, { code: w.code }) })),
        errors: errors.map((e) => ({ row: e.row_no, message: textFor(ctx, e.message) })),
      };
    }),
  );
}

interface Stream {
  session: CopySession;
  spec: ImportSpec;
  header: string[];
  columnOf: Map<string, number>;
  customers: CustomerKeys;
  batchId: string;
  table: string;
  locale: Locale;
  padRows: boolean;
}

/**
 * Reads, checks and loads the file's rows: good ones by COPY into the load table, bad ones into import_errors with
 * their spreadsheet row (`firstRow` is the first data row's: 2 under a header on row 1). Three things overlap: a piece's customers are looked up (on a server,
 * on another connection) while the next piece is read, and the previous piece is still going in by COPY. Each
 * promise is awaited in its turn; until then a failure must not count as unhandled.
 */
async function streamRows(
  s: Stream,
  firstRecords: string[][],
  batches: AsyncIterator<string[][]>,
  firstRow: number,
): Promise<{ loaded: number; rejected: number; months: string[] }> {
  const loadColumns = ['customer_id', ...s.spec.columns, 'batch_id', 'row_no'];
  const months = new Set<string>();
  let rowNo = firstRow - 2;
  const width = s.header.length;
  let loaded = 0;
  let rejected = 0;
  // One accessor for every row (this loop runs a million times): `value` reads the row in `record`.
  let record: string[] = [];
  const value = (field: string) => {
    const i = s.columnOf.get(field)!;
    return i < 0 ? '' : record[i].trim();
  };
  let loading: Promise<void> = Promise.resolve();
  let reading: Promise<string[][] | undefined> = Promise.resolve(firstRecords);
  for (let records = await reading; records !== undefined; records = await reading) {
    const base = rowNo + 2;
    rowNo += records.length;
    const keys = new Set<string>();
    const parsed = records.map((row): ParsedRow => {
      const r = s.padRows && row.length !== width ? Array.from({ length: width }, (_, i) => row[i] ?? '') : row;
      if (r.length !== width) return { error: { code: 'columns', n: r.length, m: s.header.length } };
      record = r;
      const p = s.spec.parse(value);
      if ('customer' in p) keys.add(p.customer);
      return p;
    });
    const learning = s.customers.learn(keys);
    reading = readBatch(batches);
    reading.catch(() => {});
    await learning;
    let rows = '';
    let errors = '';
    for (let i = 0; i < parsed.length; i++) {
      const p = parsed[i];
      const match = 'customer' in p ? s.customers.match(p.customer) : undefined;
      const error =
        'error' in p ? p.error : match && 'error' in match ? customerProblem(p.customer, match.error) : undefined;
      if (error !== undefined) {
        errors += `${s.batchId}\t${base + i}\t${copyValue(problemMessage(s.locale, error))}\n`;
        rejected++;
      } else if ('values' in p && match && 'id' in match) {
        rows += `${match.id}\t${p.values.join('\t')}\t${s.batchId}\t${base + i}\n`;
        months.add(p.month);
        loaded++;
      }
    }
    await loading;
    loading = (async () => {
      if (rows) await s.session.copyRows(s.table, loadColumns, rows);
      if (errors) await s.session.copyRows('import_errors', ['batch_id', 'row_no', 'message'], errors);
    })();
    loading.catch(() => {});
  }
  await loading;
  return { loaded, rejected, months: [...months].sort() };
}

/** The next batch of records, or undefined at the end; a file the CSV parser cannot read (an unclosed quote) is FILE_MALFORMED. */
async function readBatch(batches: AsyncIterator<string[][]>): Promise<string[][] | undefined> {
  try {
    const next = await batches.next();
    return next.done ? undefined : next.value;
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    throw billingError('FILE_MALFORMED', { detail: (e as Error).message.split('\n')[0].slice(0, 200) });
  }
}

/** What the mapping screen shows: the file's first rows, the guessed header row and the rows under it. */
export interface ImportPreview {
  encoding: string;
  /** The first rows of the file (blank rows skipped), from which the user may pick another header row. */
  top: string[][];
  /** The guessed header row, 1-based. */
  headerRow: number;
  header: string[];
  rows: string[][];
}

/** The first rows of a file, for the mapping screen; reads only the start of a CSV (an xlsx is spooled). */
export async function previewImport(req: Omit<ImportRequest, 'mapping'>, knownNames: string[]): Promise<ImportPreview> {
  if (req.format === 'xlsx')
    return withSpooledFile(req.stream, async (path) => ({
      encoding: 'xlsx',
      ...(await firstRows(xlsxAsCsv(path), knownNames, req.headerRow)),
    }));
  let encoding: string = req.encoding;
  const rows = await firstRows(
    decodeCsv(req.stream, req.encoding, (e) => {
      encoding = e;
    }),
    knownNames,
    req.headerRow,
  );
  return { encoding, ...rows };
}

const PREVIEW_ROWS = 10;

async function firstRows(
  text: AsyncIterable<string>,
  knownNames: string[],
  headerRow: number | undefined,
): Promise<Omit<ImportPreview, 'encoding'>> {
  const first = await recordChunks(text, 64 * 1024).next();
  if (first.done) throw billingError('EMPTY_FILE');
  const top = firstRecords(first.value, HEADER_SEARCH_ROWS + PREVIEW_ROWS);
  if (top.length === 0) throw billingError('EMPTY_FILE');
  const index = Math.min(top.length - 1, headerRow !== undefined ? headerRow - 1 : guessHeaderRow(top, knownNames));
  return {
    top,
    headerRow: index + 1,
    header: top[index].map((h) => h.trim()),
    rows: top.slice(index + 1, index + 1 + PREVIEW_ROWS),
  };
}
