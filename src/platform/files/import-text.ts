import { isAscii } from 'node:buffer';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { FILE_LIMITS, fileError } from './file-limits.ts';
import { xlsxRows } from './xlsx-rows.ts';

export type Encoding = 'auto' | 'utf-8' | 'gbk';

/** Chinese billing and business systems often write GBK: a file whose start is not valid UTF-8 is read as GBK. */
export function detectEncoding(head: Buffer): 'utf-8' | 'gbk' {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'gbk';
  }
}

const HEAD_BYTES = 64 * 1024;

/** A decoder that refuses bytes its encoding cannot hold, so a wrong guess is never stored as mojibake. */
function strictDecoder(encoding: 'utf-8' | 'gbk'): (bytes: Buffer, offset: number, end?: boolean) => string {
  const refuse = (offset: number) => fileError('ENCODING_MISMATCH', { encoding: encoding.toUpperCase(), offset });
  if (encoding === 'utf-8') {
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    return (bytes, offset, end) => {
      try {
        return utf8.decode(bytes, { stream: !end });
      } catch {
        throw refuse(offset);
      }
    };
  }
  const gbk = iconv.getDecoder('gbk');
  return (bytes, offset, end) => {
    const text = gbk.write(bytes) + (end ? (gbk.end() ?? '') : '');
    if (text.includes('\uFFFD')) throw refuse(offset);
    return text;
  };
}

/**
 * Decodes an uploaded CSV to text chunks without holding the file. ASCII reads the same in UTF-8 and GBK, so with
 * `auto` the choice waits for the first byte that is not ASCII, wherever it is, and is made on the 64 KB from there;
 * bytes further on that the chosen encoding cannot hold refuse the file (ENCODING_MISMATCH) rather than store
 * mojibake. A UTF-8 byte-order mark is dropped.
 */
export async function* decodeCsv(
  stream: AsyncIterable<Buffer>,
  encoding: Encoding,
  onEncoding: (e: 'utf-8' | 'gbk') => void,
): AsyncGenerator<string> {
  let decode = encoding === 'auto' ? undefined : strictDecoder(encoding);
  if (encoding !== 'auto') onEncoding(encoding);
  let held: Buffer[] = [];
  let heldLength = 0;
  let offset = 0;
  let first = true;
  const strip = (text: string) => {
    if (!first || text === '') return text;
    first = false;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  };
  const choose = () => {
    const chosen = detectEncoding(Buffer.concat(held));
    onEncoding(chosen);
    decode = strictDecoder(chosen);
    const text = decode(Buffer.concat(held), offset);
    offset += heldLength;
    held = [];
    heldLength = 0;
    return text;
  };
  for await (const chunk of stream) {
    if (decode) {
      yield strip(decode(chunk, offset));
      offset += chunk.length;
    } else if (heldLength === 0 && isAscii(chunk)) {
      yield strip(chunk.toString('latin1'));
      offset += chunk.length;
    } else {
      held.push(chunk);
      heldLength += chunk.length;
      if (heldLength >= HEAD_BYTES) yield strip(choose());
    }
  }
  if (!decode && heldLength > 0) yield strip(choose());
  if (!decode) onEncoding('utf-8');
  else {
    const rest = decode(Buffer.alloc(0), offset, true);
    if (rest) yield rest;
  }
}

/**
 * Cuts decoded text into pieces that end on a record boundary (a newline outside quotes), of at least
 * `size` characters, so each can be sent to COPY by itself. The first piece holds the header line. The text is
 * scanned once, carrying the quote state across pieces; a record longer than FILE_LIMITS.lineChars (a file on
 * one line, or a quote never closed) is refused there, so the text held stays bounded whatever the file.
 */
export async function* recordChunks(text: AsyncIterable<string>, size = 4 * 1024 * 1024): AsyncGenerator<string> {
  let pending = '';
  let scanned = 0;
  let quoted = false;
  let cut = -1;
  for await (const piece of text) {
    pending += piece;
    for (let i = scanned; ; ) {
      const quote = pending.indexOf('"', i);
      if (!quoted) {
        const end = quote < 0 ? pending.length : quote;
        const newline = end > i ? pending.lastIndexOf('\n', end - 1) : -1;
        if (newline >= i) cut = newline;
      }
      if (quote < 0) break;
      quoted = !quoted;
      i = quote + 1;
    }
    scanned = pending.length;
    if (pending.length - cut - 1 > FILE_LIMITS.lineChars)
      throw fileError('LINE_TOO_LONG', { limit: FILE_LIMITS.lineChars });
    if (pending.length < size || cut < 0) continue;
    yield pending.slice(0, cut + 1);
    pending = pending.slice(cut + 1);
    scanned -= cut + 1;
    cut = -1;
  }
  pending = pending.replace(/[\r\n]+$/, '');
  if (pending) yield pending + '\n';
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

/** The first `count` records of a CSV piece (blank lines skipped), for the preview and the header-row guess. */
export function firstRecords(firstChunk: string, count: number): string[][] {
  return parse(firstChunk, {
    to_line: count,
    relax_column_count: true,
    skip_empty_lines: true,
    relax_quotes: true,
  }) as string[][];
}

/** The header and the first rows of a CSV piece whose header is its first record (the customer import's preview). */
export function previewRows(firstChunk: string, rows = 10): { header: string[]; rows: string[][] } {
  const records = firstRecords(firstChunk, rows + 1);
  return { header: (records[0] ?? []).map((h) => h.trim()), rows: records.slice(1) };
}

/** How far down a header row is looked for (a title, a date line and a blank line or two above it are usual). */
export const HEADER_SEARCH_ROWS = 20;
const LOOKS_LIKE_DATA = /^[-+]?[\d\s.,:/%¥$()+-]+$/;

/**
 * Which record (0-based) holds the column headers, for files with a title above them (usual in Chinese
 * reports): the first row naming at least two of `knownNames` (our fields, or the mapping's columns); else the
 * first row that looks like a header — at least two cells and most of the file's width filled, no cell a number
 * or a date, no name twice — and is followed by a row about as wide; else the first row.
 */
export function guessHeaderRow(records: string[][], knownNames: string[] = []): number {
  const rows = records.slice(0, HEADER_SEARCH_ROWS).map((r) => r.map((c) => c.trim()).filter((c) => c !== ''));
  const known = new Set(knownNames.map((n) => n.trim().toLowerCase()).filter((n) => n !== ''));
  const named = rows.findIndex((r) => r.filter((c) => known.has(c.toLowerCase())).length >= Math.min(2, known.size));
  if (known.size > 0 && named >= 0) return named;
  const width = Math.max(0, ...rows.map((r) => r.length));
  const wide = (r: string[] | undefined) => r !== undefined && r.length >= 2 && r.length >= width * 0.6;
  const header = rows.findIndex(
    (r, i) => wide(r) && wide(rows[i + 1]) && r.every((c) => !LOOKS_LIKE_DATA.test(c)) && new Set(r).size === r.length,
  );
  return Math.max(0, header);
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * An xlsx (first worksheet, spooled to disk) read row by row and re-emitted as CSV text, so both formats share one
 * path. Each row keeps its own width (a title row above the header is one cell wide); the importer pads the rows
 * under the header to the header's width.
 */
export async function* xlsxAsCsv(path: string): AsyncGenerator<string> {
  for await (const rows of xlsxRows(path)) {
    let text = '';
    for (const row of rows) {
      if (row.every((c) => c === '')) continue;
      text += row.map((c) => csvField(c)).join(',') + '\n';
    }
    if (text) yield text;
  }
}
