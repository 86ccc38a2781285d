import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';

export type ExportFormat = 'csv' | 'xlsx';
export type ExportCell = string | number | null;

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A Content-Disposition that keeps a Chinese file name (RFC 5987) with an ASCII fallback. */
export function attachmentHeader(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Text a spreadsheet would run as a formula (=, +, -, @ first) is kept as text: CSV injection. */
function inert(cell: ExportCell): ExportCell {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function csvLine(cells: ExportCell[]): string {
  return (
    cells
      .map((c) => {
        const text = c === null ? '' : String(inert(c));
        return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
      })
      .join(',') + '\r\n'
  );
}

/**
 * A table as a download, streamed: rows arrive in batches (a page of a query at a time) and leave as they come,
 * so an export of a million customers never sits in memory. CSV is UTF-8 with a byte-order mark (Excel then reads
 * Chinese correctly); xlsx is written by exceljs's streaming writer, one sheet.
 */
export function exportTable(
  format: ExportFormat,
  sheetName: string,
  header: string[],
  batches: AsyncIterable<ExportCell[][]>,
): Readable {
  if (format === 'csv')
    return Readable.from(
      (async function* () {
        yield `\uFEFF${csvLine(header)}`;
        for await (const rows of batches) yield rows.map(csvLine).join('');
      })(),
    );
  const out = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = book.addWorksheet(sheetName.slice(0, 31));
  (async () => {
    const head = sheet.addRow(header);
    head.font = { bold: true };
    head.commit();
    for await (const rows of batches) for (const r of rows) sheet.addRow(r.map(inert)).commit();
    sheet.commit();
    await book.commit();
  })().catch((e) => out.destroy(e as Error));
  return out;
}
