import ExcelJS from 'exceljs';

export interface XlsxColumn<T> {
  header: string;
  value: (row: T) => string | number | null;
  /** Excel number format, e.g. '0.0%' for rates. */
  format?: string;
}

/** One sheet: a title row, a bold header row, then the rows; the same table the page shows beside its chart. */
export async function toXlsx<T>(title: string, columns: XlsxColumn<T>[], rows: T[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lianxi CRM';
  const sheet = workbook.addWorksheet(title.slice(0, 31));
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.addRow(columns.map((c) => c.header)).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row)));
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(12, c.header.length * 2 + 2);
    if (c.format) column.numFmt = c.format;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export { attachment } from '../../platform/files/list-export.ts';
