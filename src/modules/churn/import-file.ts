import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/**
 * A spreadsheet as rows of cells keyed by header, whatever it came as: CSV/TXT in UTF-8 or in the
 * GB18030 the business system's exports often use, or the first sheet of an xlsx workbook.
 */
export type SheetRow = Record<string, string>;

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return iconv.decode(bytes, 'gb18030');
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
  }
  return String(value);
}

export async function readSheet(fileName: string, bytes: Buffer): Promise<SheetRow[]> {
  if (/\.xlsx$/i.test(fileName)) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) return [];
    const headers: string[] = [];
    sheet.getRow(1).eachCell((cell, col) => {
      headers[col] = cellText(cell.value).trim();
    });
    const rows: SheetRow[] = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const row: SheetRow = {};
      let any = false;
      sheet.getRow(r).eachCell((cell, col) => {
        if (!headers[col]) return;
        row[headers[col]] = cellText(cell.value).trim();
        any ||= row[headers[col]] !== '';
      });
      if (any) rows.push(row);
    }
    return rows;
  }
  const text = decodeText(bytes);
  const delimiter = text.split('\n', 1)[0].includes('\t') ? '\t' : ',';
  return parse(text, {
    columns: (h: string[]) => h.map((x) => x.trim()),
    skip_empty_lines: true,
    trim: true,
    delimiter,
    relax_column_count: true,
  }) as SheetRow[];
}

/** The first value among the header spellings a user might use (English code or Chinese label). */
export function pickColumn(row: SheetRow, names: readonly string[]): string {
  for (const name of names) if (row[name] !== undefined) return row[name];
  return '';
}
