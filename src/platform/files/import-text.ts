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

/** The header and the first rows of a CSV piece, for the preview and for matching the mapping to columns. */
export function previewRows(firstChunk: string, rows = 10): { header: string[]; rows: string[][] } {
  const lines = parse(firstChunk, {
    to_line: rows + 1,
    relax_column_count: true,
    skip_empty_lines: true,
    relax_quotes: true,
  }) as string[][];
  return { header: (lines[0] ?? []).map((h) => h.trim()), rows: lines.slice(1) };
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** An xlsx (first worksheet, spooled to disk) read row by row and re-emitted as CSV text, so both formats share one path. */
export async function* xlsxAsCsv(path: string): AsyncGenerator<string> {
  let width = 0;
  for await (const rows of xlsxRows(path)) {
    let text = '';
    for (const row of rows) {
      if (row.every((c) => c === '')) continue;
      if (width === 0) width = row.length;
      text += Array.from({ length: width }, (_, i) => csvField(row[i] ?? '')).join(',') + '\n';
    }
    if (text) yield text;
  }
}
