import { defineErrors } from '../errors.ts';

/**
 * What an uploaded spreadsheet may hold, so that no file can take the server's memory: a line, a cell and an
 * unpacked workbook part each have a ceiling, and a file past one is refused (413) before it is read further.
 */
export const FILE_LIMITS = {
  /** Characters in one line of a CSV/TXT file (a usage row is about 100; a customer row under 1,000). */
  lineChars: 100_000,
  /** Characters in one cell: Excel's own limit, so no file Excel wrote goes past it. */
  cellChars: 32_767,
  /** Columns in a row: Excel's own limit (XFD). */
  columns: 16_384,
  /** Bytes of a worksheet once unpacked (streamed, never held). */
  sheetBytes: 2 * 1024 ** 3,
  /** Bytes of the shared strings once unpacked (held in memory while the sheet is read). */
  sharedStringsBytes: 128 * 1024 ** 2,
  /** Bytes of any other workbook part once unpacked (workbook, relationships, styles). */
  partBytes: 16 * 1024 ** 2,
} as const;

export const fileError = defineErrors({
  LINE_TOO_LONG: {
    status: 413,
    zh: '文件中有一行超过 {limit} 个字符（或有未闭合的引号），无法导入',
    en: 'A line of the file is longer than {limit} characters (or a quote is never closed); it cannot be imported',
  },
  CELL_TOO_LARGE: {
    status: 413,
    zh: '文件中有单元格超过 {limit} 个字符，无法导入',
    en: 'A cell of the file holds more than {limit} characters; it cannot be imported',
  },
  UNPACKED_TOO_LARGE: {
    status: 413,
    zh: 'xlsx 文件解压后的“{part}”超过 {limit} MB，无法导入',
    en: 'The xlsx file\'s "{part}" unpacks to more than {limit} MB; it cannot be imported',
  },
  NOT_XLSX: {
    status: 400,
    zh: '文件不是有效的 xlsx 工作簿：{detail}',
    en: 'The file is not a valid xlsx workbook: {detail}',
  },
  ENCODING_MISMATCH: {
    status: 400,
    zh: '文件在第 {offset} 字节处不是有效的 {encoding} 编码，请选择正确的编码后重新导入',
    en: 'The file is not valid {encoding} at byte {offset}; choose its encoding and import it again',
  },
});
