import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

export type Encoding = 'auto' | 'utf-8' | 'gbk';

/** Chinese billing systems often write GBK: a file whose start is not valid UTF-8 is read as GBK. */
export function detectEncoding(head: Buffer): 'utf-8' | 'gbk' {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'gbk';
  }
}

const HEAD_BYTES = 64 * 1024;

/**
 * Decodes an uploaded CSV to text chunks without holding the file: the first 64 KB decide the encoding
 * (unless the user chose one), the rest is decoded as it streams. A UTF-8 byte-order mark is dropped.
 */
export async function* decodeCsv(stream: AsyncIterable<Buffer>, encoding: Encoding, onEncoding: (e: 'utf-8' | 'gbk') => void): AsyncGenerator<string> {
  let decoder: { write(b: Buffer): string; end(): string | undefined } | undefined;
  let head: Buffer[] = [];
  let headLength = 0;
  let first = true;
  const start = (buf: Buffer) => {
    const chosen = encoding === 'auto' ? detectEncoding(buf) : encoding;
    onEncoding(chosen);
    decoder = chosen === 'gbk' ? iconv.getDecoder('gbk') : new StringDecoder('utf8');
  };
  const strip = (text: string) => {
    if (!first) return text;
    first = false;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  };
  for await (const chunk of stream) {
    if (!decoder) {
      head.push(chunk);
      headLength += chunk.length;
      if (headLength < HEAD_BYTES) continue;
      const buf = Buffer.concat(head);
      head = [];
      start(buf);
      yield strip(decoder!.write(buf));
      continue;
    }
    yield decoder.write(chunk);
  }
  if (!decoder) {
    const buf = Buffer.concat(head);
    start(buf);
    yield strip(decoder!.write(buf));
  }
  const rest = decoder!.end();
  if (rest) yield rest;
}

/**
 * Cuts decoded text into pieces that end on a record boundary (a newline outside quotes), of at least
 * `size` characters, so each can be sent to COPY by itself. The first piece holds the header line.
 */
export async function* recordChunks(text: AsyncIterable<string>, size = 4 * 1024 * 1024): AsyncGenerator<string> {
  let pending = '';
  for await (const piece of text) {
    pending += piece;
    if (pending.length < size) continue;
    const cut = boundary(pending);
    if (cut < 0) continue;
    yield pending.slice(0, cut + 1);
    pending = pending.slice(cut + 1);
  }
  pending = pending.replace(/[\r\n]+$/, '');
  if (pending) yield pending + '\n';
}

/** The last newline that is outside a quoted field, or -1. */
function boundary(text: string): number {
  let cut = text.lastIndexOf('\n');
  while (cut >= 0) {
    let quotes = 0;
    for (let i = text.indexOf('"'); i >= 0 && i < cut; i = text.indexOf('"', i + 1)) quotes++;
    if (quotes % 2 === 0) return cut;
    cut = text.lastIndexOf('\n', cut - 1);
  }
  return -1;
}

/**
 * The records of a decoded CSV, a batch per piece of about `size` characters (the first batch starts with the
 * header). Blank lines are skipped. Billing-system files rarely quote anything: a piece without a quote is split
 * directly, several times faster than a general parser; a piece with quotes goes to csv-parse, whose error
 * (an unterminated quote, say) becomes FILE_MALFORMED in the caller.
 */
export async function* csvRecordBatches(text: AsyncIterable<string>, size = 1024 * 1024): AsyncGenerator<string[][]> {
  for await (const piece of recordChunks(text, size)) {
    if (piece.includes('"')) {
      yield parse(piece, { relax_column_count: true, skip_empty_lines: true, relax_quotes: true }) as string[][];
      continue;
    }
    const records: string[][] = [];
    for (const line of piece.split('\n')) {
      const record = line.endsWith('\r') ? line.slice(0, -1) : line;
      if (record !== '') records.push(record.split(','));
    }
    yield records;
  }
}

/** The header and the first rows of a CSV piece, for the preview and for matching the mapping to columns. */
export function previewRows(firstChunk: string, rows = 10): { header: string[]; rows: string[][] } {
  const lines = parse(firstChunk, { to_line: rows + 1, relax_column_count: true, skip_empty_lines: true, relax_quotes: true }) as string[][];
  return { header: (lines[0] ?? []).map((h) => h.trim()), rows: lines.slice(1) };
}

function csvField(value: unknown): string {
  const text = value instanceof Date ? value.toISOString().replace('T', ' ').slice(0, 19) : value == null ? '' : typeof value === 'object' && 'result' in value ? String((value as { result: unknown }).result ?? '') : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** An xlsx (first worksheet) streamed row by row and re-emitted as CSV text, so both formats share one path. */
export async function* xlsxAsCsv(stream: Readable): AsyncGenerator<string> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore', entries: 'emit' });
  let width = 0;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = (row.values as unknown[]).slice(1);
      if (width === 0) width = values.length;
      const cells = Array.from({ length: width }, (_, i) => csvField(values[i]));
      if (cells.every((c) => c === '')) continue;
      yield cells.join(',') + '\n';
    }
    break;
  }
}
