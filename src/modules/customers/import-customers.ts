import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import { CsvError } from 'csv-parse';
import type { RequestContext } from '../../platform/access/context.ts';
import { textFor } from '../../platform/access/masking.ts';
import { recordAudit } from '../../platform/audit.ts';
import { today } from '../../platform/clock.ts';
import { copyValue, withCopySession, type CopySession } from '../../platform/copy-session.ts';
import { withTransaction, type DatabaseHandle } from '../../platform/db.ts';
import {
  csvRecordBatches,
  decodeCsv,
  previewRows,
  recordChunks,
  xlsxAsCsv,
  type Encoding,
} from '../../platform/files/import-text.ts';
import { withSpooledFile } from '../../platform/files/spool.ts';
import { customerError } from './customers.errors.ts';
import { CUSTOMER_IMPORT_FIELDS, problemMessage, readCustomerRow } from './customer-import-rows.ts';
import { checkStagedCustomers, STAGING_COLUMNS, stageTable } from './customer-import-checks.ts';

export interface CustomerImportRequest {
  fileName: string;
  stream: Readable;
  format: 'csv' | 'xlsx';
  encoding: Encoding;
  /** our field → the file's column header */
  mapping: Record<string, string>;
  /** Identifies the delivery; by default the file's SHA-256. */
  batchKey?: string;
  /** Import the good rows of a file that has bad ones; by default a file with any bad row imports nothing. */
  goodRowsOnly: boolean;
}

export interface CustomerImportReport {
  /** The batch recorded by this upload; the earlier batch's id when the file was imported before. */
  batchId: string;
  batchKey: string;
  /** imported: the good rows are customers now; rejected: nothing was imported; alreadyImported: this file was, earlier. */
  status: 'imported' | 'rejected' | 'alreadyImported';
  encoding: string;
  totalRows: number;
  imported: number;
  rejected: number;
  /** The first 1,000 refused rows; all of them at GET /api/customers/imports/:id/errors. */
  errors: { row: number; message: string }[];
}

const ERRORS_IN_REPORT = 1000;

async function* hashing(stream: AsyncIterable<Buffer>, hash: ReturnType<typeof createHash>): AsyncGenerator<Buffer> {
  for await (const chunk of stream) {
    hash.update(chunk);
    yield chunk;
  }
}

function checkMapping(header: string[], mapping: Record<string, string>): void {
  const missing: Record<string, string> = {};
  for (const f of CUSTOMER_IMPORT_FIELDS) {
    const column = mapping[f.key];
    if (column === undefined || column === '') {
      if (f.required) missing[f.key] = 'choose the file column';
    } else if (!header.includes(column)) missing[f.key] = `the file has no column "${column}"`;
  }
  if (Object.keys(missing).length) throw customerError('IMPORT_MAPPING_INVALID', {}, missing);
}

/**
 * Imports a customer file as one batch in one transaction, with the engine of the usage import: the file streams
 * through (xlsx spooled to disk), each row is checked here with the account-opening rules and loaded by COPY into
 * a staging table, then SQL checks regions, scope and duplicates over the whole batch and moves the good rows to
 * `customers` with one INSERT … SELECT. A file with any bad row imports nothing (unless `goodRowsOnly`), but its
 * batch and row report are kept. The same file (by SHA-256) is imported once: a second upload answers the first's report.
 */
export async function importCustomers(
  database: DatabaseHandle,
  ctx: RequestContext,
  req: CustomerImportRequest,
): Promise<CustomerImportReport> {
  const hash = createHash('sha256');
  const bytes = hashing(req.stream, hash);
  const keyOf = () => req.batchKey ?? `sha256:${hash.digest('hex')}`;
  if (req.format === 'xlsx')
    return withSpooledFile(bytes, (path) => importText(database, ctx, req, xlsxAsCsv(path), () => 'xlsx', keyOf));
  let encoding: string = req.encoding;
  const text = decodeCsv(bytes, req.encoding, (e) => {
    encoding = e;
  });
  return importText(database, ctx, req, text, () => encoding, keyOf);
}

async function importText(
  database: DatabaseHandle,
  ctx: RequestContext,
  req: CustomerImportRequest,
  text: AsyncIterable<string>,
  encodingOf: () => string,
  keyOf: () => string,
): Promise<CustomerImportReport> {
  const batches = csvRecordBatches(text);
  const first = await readBatch(batches);
  if (first === undefined || first.length === 0 || first[0].every((h) => h.trim() === ''))
    throw customerError('IMPORT_EMPTY_FILE');
  const header = first[0].map((h) => h.trim());
  checkMapping(header, req.mapping);
  const columnOf = new Map(
    CUSTOMER_IMPORT_FIELDS.map((f) => [f.key as string, req.mapping[f.key] ? header.indexOf(req.mapping[f.key]) : -1]),
  );

  return withCopySession(database, (session) =>
    withTransaction(session.db, async (trx) => {
      const table = `customer_import_${randomBytes(6).toString('hex')}`;
      await stageTable(trx, table);
      const totalRows = await streamRows(session, ctx, table, header, columnOf, first.slice(1), batches);
      if (totalRows === 0) throw customerError('IMPORT_EMPTY_FILE');
      const batchKey = keyOf();
      const earlier = await trx
        .selectFrom('customer_import_batches')
        .select(['id', 'total_rows', 'accepted', 'rejected'])
        .where('batch_key', '=', batchKey)
        .where('status', '=', 'imported')
        .executeTakeFirst();
      if (earlier)
        return {
          batchId: earlier.id,
          batchKey,
          status: 'alreadyImported' as const,
          encoding: encodingOf(),
          totalRows: earlier.total_rows,
          imported: earlier.accepted,
          rejected: earlier.rejected,
          errors: [],
        };
      // The whole batch is sorted and hashed once; in memory that is several times faster than spilling to disk.
      await sql`SET LOCAL work_mem = '256MB'`.execute(trx);
      const rejected = await checkStagedCustomers(trx, ctx, table);
      const good = totalRows - rejected;
      const status = good > 0 && (rejected === 0 || req.goodRowsOnly) ? 'imported' : 'rejected';
      const imported = status === 'imported' ? good : 0;
      const batch = await trx
        .insertInto('customer_import_batches')
        .values({
          batch_key: batchKey,
          file_name: req.fileName.slice(0, 200),
          encoding: encodingOf(),
          mapping: JSON.stringify(req.mapping),
          status,
          total_rows: totalRows,
          accepted: imported,
          rejected,
          imported_by: ctx.employeeId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await sql`INSERT INTO customer_import_errors (batch_id, row_no, message)
        SELECT ${batch.id}, row_no, error FROM ${sql.table(table)} WHERE error IS NOT NULL`.execute(trx);
      if (status === 'imported')
        await sql`INSERT INTO customers (name, phone, id_card, gender, birth_date, category, region_id, address,
            lifecycle, account_manager_id, created_by)
          SELECT name, phone, id_card, gender, birth_date, category, region_id, address, 'formal', account_manager_id, account_manager_id
          FROM ${sql.table(table)} WHERE error IS NULL ORDER BY row_no`.execute(trx);
      await recordAudit(trx, ctx, {
        action: 'import_customers',
        entity: 'customer_import_batch',
        entityId: batch.id,
        changes: { file: req.fileName, batchKey, status, totalRows, imported, rejected },
      });
      const errors = await trx
        .selectFrom('customer_import_errors')
        .select(['row_no', 'message'])
        .where('batch_id', '=', batch.id)
        .orderBy('row_no')
        .limit(ERRORS_IN_REPORT)
        .execute();
      return {
        batchId: batch.id,
        batchKey,
        status,
        encoding: encodingOf(),
        totalRows,
        imported,
        rejected,
        errors: errors.map((e) => ({ row: e.row_no, message: textFor(ctx, e.message) })),
      };
    }),
  );
}

/**
 * Checks each row as it is read and loads the batch into the staging table by COPY, one piece while the next is
 * read; refused rows go in too, with their reason, so SQL sees the whole file. Returns the number of rows.
 */
async function streamRows(
  session: CopySession,
  ctx: RequestContext,
  table: string,
  header: string[],
  columnOf: Map<string, number>,
  firstRecords: string[][],
  batches: AsyncIterator<string[][]>,
): Promise<number> {
  const asOf = today();
  const nul = '\\N';
  const opt = (v: string | null) => (v === null ? nul : copyValue(v));
  let rowNo = 1;
  let record: string[] = [];
  const value = (field: string) => {
    const i = columnOf.get(field)!;
    return i < 0 ? '' : record[i].trim();
  };
  let loading: Promise<void> = Promise.resolve();
  for (let records: string[][] | undefined = firstRecords; records !== undefined; records = await readBatch(batches)) {
    let rows = '';
    for (const r of records) {
      rowNo++;
      record = r;
      const c =
        r.length !== header.length
          ? { problem: 'columns' as const, n: r.length, m: header.length }
          : r.some((cell) => cell.includes('\u0000'))
            ? { problem: 'nulCharacter' as const }
            : readCustomerRow(value, asOf);
      if ('problem' in c) {
        const message = problemMessage(ctx.locale, c.problem, c);
        rows += `${rowNo}\t${nul}\t${nul}\t${nul}\t${nul}\t${nul}\t${nul}\t${nul}\t${nul}\t${ctx.employeeId}\t${copyValue(message)}\n`;
      } else {
        rows += `${rowNo}\t${copyValue(c.name)}\t${c.phone}\t${opt(c.idCard)}\t${opt(c.gender)}\t${opt(c.birthDate)}\t${c.category}\t${copyValue(c.region)}\t${opt(c.address)}\t${ctx.employeeId}\t${nul}\n`;
      }
    }
    await loading;
    loading = rows ? session.copyRows(table, STAGING_COLUMNS, rows) : Promise.resolve();
    loading.catch(() => {});
  }
  await loading;
  return rowNo - 1;
}

/** The next batch of records, or undefined at the end; a file the CSV parser cannot read is IMPORT_FILE_MALFORMED. */
async function readBatch(batches: AsyncIterator<string[][]>): Promise<string[][] | undefined> {
  try {
    const next = await batches.next();
    return next.done ? undefined : next.value;
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    throw customerError('IMPORT_FILE_MALFORMED', { detail: (e as Error).message.split('\n')[0].slice(0, 200) });
  }
}

/** The header and first rows of a file for the mapping screen; reads only the start of a CSV (an xlsx is spooled). */
export async function previewCustomerImport(
  req: Pick<CustomerImportRequest, 'stream' | 'format' | 'encoding'>,
): Promise<{ encoding: string; header: string[]; rows: string[][] }> {
  const first = async (text: AsyncIterable<string>) => {
    const piece = await recordChunks(text, 64 * 1024).next();
    if (piece.done) throw customerError('IMPORT_EMPTY_FILE');
    return previewRows(piece.value, 10);
  };
  if (req.format === 'xlsx')
    return withSpooledFile(req.stream, async (path) => ({ encoding: 'xlsx', ...(await first(xlsxAsCsv(path))) }));
  let encoding: string = req.encoding;
  const rows = await first(
    decodeCsv(req.stream, req.encoding, (e) => {
      encoding = e;
    }),
  );
  return { encoding, ...rows };
}
