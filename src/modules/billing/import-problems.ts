import type { Locale } from '../../platform/errors.ts';

/**
 * Why an import row was rejected, in the importer's language: the report and the stored errors of the batch are
 * read by the person who imported the file. `{value}`, `{n}` and `{m}` stand for the row's own text.
 */
const PROBLEMS = {
  missingRecordId: { zh: '缺少记录号', en: 'missing record id' },
  missingReceiptId: { zh: '缺少收据号', en: 'missing receipt id' },
  unknownKind: { zh: '未知的记录类型“{value}”', en: 'unknown record type "{value}"' },
  unknownArea: { zh: '未知的通话类型“{value}”', en: 'unknown call type "{value}"' },
  unknownDirection: { zh: '未知的呼叫方向“{value}”', en: 'unknown direction "{value}"' },
  unknownPeriod: { zh: '未知的忙闲时标识“{value}”', en: 'unknown busy/idle value "{value}"' },
  badDate: {
    zh: '日期时间无效“{value}”，应为 2026-10-03 08:15:30、2026/10/3 8:15 或 2026/10/3',
    en: 'bad date "{value}" (expected 2026-10-03 08:15:30, 2026/10/3 8:15 or 2026/10/3)',
  },
  usageDateOutOfRange: {
    zh: '日期“{value}”超出可导入的范围（十年前至一年后）',
    en: 'date "{value}" is outside what may be imported (ten years back to a year ahead)',
  },
  futureUsage: {
    zh: '时间“{value}”晚于当前时间，不能导入未来的话单',
    en: 'time "{value}" is later than now: usage cannot be dated in the future',
  },
  usageWithoutPackage: {
    zh: '客户当天没有订购套餐：话单已导入，但不会计费',
    en: 'the customer had no package that day: imported, but left unrated',
  },
  negativeDuration: { zh: '时长为负数', en: 'negative duration' },
  negativeVolume: { zh: '流量为负数', en: 'negative volume' },
  negativeCount: { zh: '条数为负数', en: 'negative count' },
  badQuantity: { zh: '数量无效“{value}”', en: 'bad quantity "{value}"' },
  negativeAmount: { zh: '金额为负数', en: 'negative amount' },
  badAmount: { zh: '金额无效“{value}”', en: 'bad amount "{value}"' },
  zeroAmount: { zh: '金额为零', en: 'amount is zero' },
  columns: { zh: '本行有 {n} 列，表头有 {m} 列', en: '{n} columns where the header has {m}' },
  unknownCustomer: { zh: '找不到客户“{value}”', en: 'unknown customer "{value}"' },
  ambiguousPhone: {
    zh: '号码 {value} 属于多个客户，请改用客户编号',
    en: 'phone {value} belongs to several customers; use the customer number',
  },
  repeatedRecord: { zh: '记录号 {value} 在本文件中重复', en: 'duplicate record id {value} in this file' },
  importedRecord: { zh: '已导入过（记录 {value}）', en: 'already imported (record {value})' },
  repeatedReceipt: { zh: '收据号 {value} 在本文件中重复', en: 'duplicate receipt id {value} in this file' },
  importedReceipt: { zh: '已导入过（收据 {value}）', en: 'already imported (receipt {value})' },
} as const;

export type ProblemCode = keyof typeof PROBLEMS;
export interface RowProblem {
  code: ProblemCode;
  value?: string;
  n?: number;
  m?: number;
}

/** The message with its placeholders left in, for SQL to fill (`replace(template, '{value}', source_id)`). */
export function problemTemplate(locale: Locale, code: ProblemCode): string {
  return PROBLEMS[code][locale === 'en' ? 'en' : 'zh'];
}

/** An empty cell is named as such, not shown as “”. */
export function problemMessage(locale: Locale, p: RowProblem): string {
  const template =
    p.value === ''
      ? problemTemplate(locale, p.code).replace(/“\{value\}”|"\{value\}"/, locale === 'en' ? '(empty)' : '（空）')
      : problemTemplate(locale, p.code);
  return template.replace(/\{(value|n|m)\}/g, (_, k: 'value' | 'n' | 'm') => String(p[k] ?? ''));
}
