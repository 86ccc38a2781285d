import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import { sql, type Expression } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db.ts';
import type { Locale } from '../errors.ts';

/**
 * Lists' totals and downloads, shared by every list: the count is capped so that it stays an index range at
 * millions of rows, and an export is streamed page by page through the list's own query (scope, masking and
 * filters are the list's), never held in memory whole.
 */

/** Above this a list says "10,000+": counting a million rows to show one number is not worth a slow page. */
export const COUNT_CAP = 10_000;
/** An export stops after this many rows (a larger extract is a job for a report, not a list). */
export const MAX_EXPORT_ROWS = 100_000;
const EXPORT_PAGE = 200;

export const ListCount = z.object({ total: z.number(), capped: z.boolean() });
export type ListCount = z.infer<typeof ListCount>;
export const exportFormat = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
export type ExportFormat = z.infer<typeof exportFormat>['format'];

/** How many rows `rows` (any select over the list's filtered rows) returns, counting at most COUNT_CAP + 1. */
export async function countUpTo(db: Db, rows: Expression<unknown>): Promise<ListCount> {
  const { rows: result } = await sql<{ n: string }>`SELECT count(*) AS n FROM (${rows}) AS listed`.execute(db);
  const n = Number(result[0]?.n ?? 0);
  return { total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}
/** The page size a count subquery is limited to. */
export const COUNT_LIMIT = COUNT_CAP + 1;

export interface ExportColumn<T> {
  header: { zh: string; en: string };
  value: (row: T) => string | number | null;
}
export type PageFetcher<T> = (
  cursor: string | undefined,
  limit: number,
) => Promise<{ items: T[]; nextCursor: string | null }>;

/** A Content-Disposition that keeps a Chinese file name (RFC 5987) with an ASCII fallback. */
export function attachment(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

async function* rowsOf<T>(fetchPage: PageFetcher<T>): AsyncGenerator<T> {
  let cursor: string | undefined;
  let sent = 0;
  for (;;) {
    const page = await fetchPage(cursor, EXPORT_PAGE);
    for (const row of page.items) {
      if (sent++ >= MAX_EXPORT_ROWS) return;
      yield row;
    }
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

/** A CSV cell: quoted when needed, and a leading = + - @ defused so that a spreadsheet does not run it as a formula. */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

async function writeCsv<T>(out: Writable, columns: ExportColumn<T>[], lang: 'zh' | 'en', rows: AsyncGenerator<T>) {
  // The byte-order mark makes Excel read the file as UTF-8 (Chinese would be garbled otherwise).
  await write(out, `\uFEFF${columns.map((c) => csvCell(c.header[lang])).join(',')}\r\n`);
  for await (const row of rows) await write(out, `${columns.map((c) => csvCell(c.value(row))).join(',')}\r\n`);
  out.end();
}

async function writeXlsx<T>(out: Writable, columns: ExportColumn<T>[], lang: 'zh' | 'en', rows: AsyncGenerator<T>) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet('export');
  sheet.columns = columns.map((c) => ({ header: c.header[lang], width: Math.max(12, c.header[lang].length * 2 + 4) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const row of rows) sheet.addRow(columns.map((c) => c.value(row))).commit();
  sheet.commit();
  await workbook.commit();
}

/**
 * Sends a list as an xlsx or CSV download, streamed: rows are fetched EXPORT_PAGE at a time through `fetchPage` and
 * written as they come. A failure after the headers went out aborts the download (never a silently short file).
 */
export function sendListExport<T>(
  reply: FastifyReply,
  log: FastifyBaseLogger,
  opts: { name: string; format: ExportFormat; locale: Locale; columns: ExportColumn<T>[]; fetchPage: PageFetcher<T> },
): FastifyReply {
  const lang = opts.locale === 'en' ? 'en' : 'zh';
  const out = new PassThrough();
  const rows = rowsOf(opts.fetchPage);
  const writing =
    opts.format === 'csv' ? writeCsv(out, opts.columns, lang, rows) : writeXlsx(out, opts.columns, lang, rows);
  writing.catch((err: unknown) => {
    log.error({ err }, 'list export failed');
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return reply
    .header(
      'content-type',
      opts.format === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    .header('content-disposition', attachment(`${opts.name}.${opts.format}`))
    .send(out);
}
