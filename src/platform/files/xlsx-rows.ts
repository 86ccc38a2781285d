import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { FILE_LIMITS, fileError } from './file-limits.ts';
import { unzipEntry, unzipText, zipEntries, type ZipEntry } from './zip-entries.ts';

/**
 * The rows of an xlsx workbook's first sheet, read from disk a piece at a time as the cell values Excel shows:
 * numbers to Excel's 15 significant digits (59.699999999999996 is 59.7), date-formatted numbers as
 * `YYYY-MM-DD[ HH:MM:SS]`, shared strings and inline text as written. Every unpacked part, every cell and every
 * stretch of XML has a ceiling (file-limits.ts), so no workbook can take the server's memory.
 */
export async function* xlsxRows(path: string): AsyncGenerator<string[][]> {
  const entries = await zipEntries(path);
  const part = (name: string) => entries.get(name) ?? entries.get(name.replace(/^\//, ''));
  const workbook = part('xl/workbook.xml');
  if (!workbook) throw fileError('NOT_XLSX', { detail: 'no workbook' });
  const workbookXml = await unzipText(path, workbook, FILE_LIMITS.partBytes);
  const sheet = await firstSheet(path, entries, workbookXml);
  const styles = part('xl/styles.xml');
  const dates = styles ? dateStyles(await unzipText(path, styles, FILE_LIMITS.partBytes)) : new Map<number, boolean>();
  const strings = part('xl/sharedStrings.xml');
  const shared = strings ? await sharedStrings(path, strings) : [];
  const epoch = Date.UTC(1899, 11, 30) + (/date1904="(1|true)"/.test(workbookXml) ? 1462 * 86_400_000 : 0);
  const cellText = (type: string, style: number, v: string): string => {
    if (type === 's') return shared[Number(v)] ?? '';
    if (type === 'b') return v === '1' ? 'TRUE' : 'FALSE';
    if (type === 'str' || type === 'inlineStr' || type === 'e') return v;
    if (type === 'd') return v.replace('T', ' ').slice(0, 19);
    if (v === '') return '';
    const n = Number(v);
    if (!Number.isFinite(n)) return v;
    const withTime = dates.get(style);
    return withTime === undefined ? String(Number(n.toPrecision(15))) : serialDate(epoch, n, withTime);
  };

  let rows: string[][] = [];
  let row: string[] = [];
  let cell = { col: 0, type: '', style: 0 };
  let text = '';
  let capture = false;
  let phonetic = false;
  const parser = xmlParser((p) => {
    p.on('opentag', (tag: SaxesTagPlain) => {
      const name = local(tag.name);
      if (name === 'row') row = [];
      else if (name === 'c') {
        const ref = tag.attributes.r;
        const col = ref ? columnIndex(ref) : row.length;
        cell = { col, type: tag.attributes.t ?? 'n', style: Number(tag.attributes.s ?? 0) };
        text = '';
      } else if (name === 'rPh') phonetic = true;
      else if ((name === 'v' || name === 't') && !phonetic) capture = true;
    });
    p.on('text', (t) => {
      if (capture) text = append(text, t);
    });
    p.on('cdata', (t) => {
      if (capture) text = append(text, t);
    });
    p.on('closetag', (tag: SaxesTagPlain) => {
      const name = local(tag.name);
      if (name === 'v' || name === 't') capture = false;
      else if (name === 'rPh') phonetic = false;
      else if (name === 'c') {
        while (row.length < cell.col) row.push('');
        row[cell.col] = cellText(cell.type, cell.style, text);
      } else if (name === 'row') rows.push(row);
    });
  });
  for await (const _chunk of parser.feed(unzipEntry(path, sheet, FILE_LIMITS.sheetBytes))) {
    if (rows.length === 0) continue;
    yield rows;
    rows = [];
  }
  if (rows.length) yield rows;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

function append(text: string, more: string): string {
  const next = text + more;
  if (next.length > FILE_LIMITS.cellChars) throw fileError('CELL_TOO_LARGE', { limit: FILE_LIMITS.cellChars });
  return next;
}

/** A1 → 0, XFD7 → 16383. */
function columnIndex(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + c - 64;
  }
  if (col < 1 || col > FILE_LIMITS.columns)
    throw fileError('NOT_XLSX', { detail: `cell reference ${ref.slice(0, 20)}` });
  return col - 1;
}

function serialDate(epoch: number, serial: number, withTime: boolean): string {
  const iso = new Date(epoch + Math.round(serial * 86_400) * 1000).toISOString();
  return withTime ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : iso.slice(0, 10);
}

/** The workbook's first sheet, through the workbook's relationships. */
async function firstSheet(path: string, entries: Map<string, ZipEntry>, workbookXml: string): Promise<ZipEntry> {
  const rid = /<(?:\w+:)?sheet\b[^>]*\br:id="([^"]+)"/.exec(workbookXml)?.[1];
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  const relsXml = rels ? await unzipText(path, rels, FILE_LIMITS.partBytes) : '';
  let target: string | undefined;
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    if (m[0].includes(`Id="${rid}"`)) target = /Target="([^"]+)"/.exec(m[0])?.[1];
  }
  const name =
    target === undefined ? 'xl/worksheets/sheet1.xml' : target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const sheet = entries.get(name);
  if (!sheet) throw fileError('NOT_XLSX', { detail: 'no worksheet' });
  return sheet;
}

/** Built-in number formats that show a date (with time or not), zh-CN's among them. */
const BUILT_IN_DATES = new Map<number, boolean>([
  ...[14, 15, 16, 17, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58].map((id) => [id, false] as const),
  ...[18, 19, 20, 21, 22, 32, 33, 34, 35, 45, 46, 47, 55, 56].map((id) => [id, true] as const),
]);

/** Cell style index → whether its number format is a date, and whether it shows the time. */
export function dateStyles(stylesXml: string): Map<number, boolean> {
  const formats = new Map(BUILT_IN_DATES);
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const id = Number(/numFmtId="(\d+)"/.exec(m[0])?.[1]);
    const code = (/formatCode="([^"]*)"/.exec(m[0])?.[1] ?? '')
      .replace(/&quot;/g, '"')
      .replace(/"[^"]*"|\\.|\[[^\]]*\]|&\w+;/g, '');
    if (/[ymd]/i.test(code) || /[hs]/i.test(code)) formats.set(id, /[hs]/i.test(code));
    else formats.delete(id);
  }
  const xfs = /<(?:\w+:)?cellXfs\b[\s\S]*?<\/(?:\w+:)?cellXfs>/.exec(stylesXml)?.[0] ?? '';
  const styles = new Map<number, boolean>();
  let index = 0;
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
    const withTime = formats.get(Number(/numFmtId="(\d+)"/.exec(m[0])?.[1] ?? 0));
    if (withTime !== undefined) styles.set(index, withTime);
    index++;
  }
  return styles;
}

async function sharedStrings(path: string, entry: ZipEntry): Promise<string[]> {
  const strings: string[] = [];
  let text = '';
  let capture = false;
  let phonetic = false;
  const parser = xmlParser((p) => {
    p.on('opentag', (tag: SaxesTagPlain) => {
      const name = local(tag.name);
      if (name === 'si') text = '';
      else if (name === 'rPh') phonetic = true;
      else if (name === 't' && !phonetic) capture = true;
    });
    p.on('text', (t) => {
      if (capture) text = append(text, t);
    });
    p.on('cdata', (t) => {
      if (capture) text = append(text, t);
    });
    p.on('closetag', (tag: SaxesTagPlain) => {
      const name = local(tag.name);
      if (name === 't') capture = false;
      else if (name === 'rPh') phonetic = false;
      else if (name === 'si') strings.push(text);
    });
  });
  for await (const _ of parser.feed(unzipEntry(path, entry, FILE_LIMITS.sharedStringsBytes)));
  return strings;
}

/** The longest stretch of XML without a '<' the parser may buffer: a full cell with every character escaped. */
const MAX_RUN = FILE_LIMITS.cellChars * 10 + 4096;

/**
 * A SAX parser fed from a byte stream, yielding after each piece so its events can be drained. The parser buffers
 * text up to the next tag, so a stretch without a '<' longer than any real cell stops the read there.
 */
function xmlParser(setup: (p: SaxesParser) => void) {
  const parser = new SaxesParser();
  setup(parser);
  return {
    async *feed(bytes: AsyncIterable<Buffer>): AsyncGenerator<void> {
      const decoder = new StringDecoder('utf8');
      let run = 0;
      const write = (text: string) => {
        const lt = text.indexOf('<');
        if (lt < 0 ? run + text.length > MAX_RUN : run + lt > MAX_RUN)
          throw fileError('CELL_TOO_LARGE', { limit: FILE_LIMITS.cellChars });
        run = lt < 0 ? run + text.length : text.length - text.lastIndexOf('<') - 1;
        try {
          parser.write(text);
        } catch (e) {
          throw fileError('NOT_XLSX', { detail: (e as Error).message.slice(0, 200) });
        }
      };
      for await (const chunk of bytes) {
        write(decoder.write(chunk));
        yield;
      }
      write(decoder.end());
      try {
        parser.close();
      } catch (e) {
        throw fileError('NOT_XLSX', { detail: (e as Error).message.slice(0, 200) });
      }
    },
  };
}
