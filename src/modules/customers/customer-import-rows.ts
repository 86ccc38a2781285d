import type { Locale } from '../../platform/errors.ts';
import type { CustomerCategory } from '../../shared/customer-enums.ts';
import { idCardBirthDate, idCardGender, idCardProblem, isPhone, normalisePhone } from './customer-validators.ts';

/** Our fields of a customer file; the mapping names the file's column for each. */
export const CUSTOMER_IMPORT_FIELDS = [
  { key: 'name', required: true },
  { key: 'phone', required: true },
  { key: 'idCard', required: false },
  { key: 'category', required: false },
  { key: 'region', required: true },
  { key: 'address', required: false },
] as const;

/**
 * Why a row was refused, in the importer's language. `{value}` is the row's own text (numbers in it are masked
 * when the report is read by someone without sensitive:view); `{row}` another row of the file; `{customer}` a customer number.
 */
const PROBLEMS = {
  columns: { zh: '本行有 {n} 列，表头有 {m} 列', en: '{n} columns where the header has {m}' },
  nulCharacter: { zh: '本行含有空字符（NUL），无法保存', en: 'the row holds a NUL character, which cannot be stored' },
  missingName: { zh: '缺少客户名称', en: 'missing name' },
  longName: { zh: '客户名称超过 100 个字', en: 'name longer than 100 characters' },
  missingPhone: { zh: '缺少手机/电话号码', en: 'missing phone' },
  badPhone: {
    zh: '号码无效“{value}”，应为 11 位手机号或带区号的固话（0531-88888888）',
    en: 'bad phone "{value}" (expected an 11-digit mobile or a landline with area code, 0531-88888888)',
  },
  badIdCard: {
    zh: '身份证号无效“{value}”（应为 18 位，校验位正确）',
    en: 'bad ID card "{value}" (expected 18 characters with a valid check digit)',
  },
  idCardBirthDate: { zh: '身份证号“{value}”中的出生日期无效', en: 'ID card "{value}" holds no valid birth date' },
  idCardChecksum: { zh: '身份证号“{value}”校验位错误', en: 'ID card "{value}" has a wrong check digit' },
  individualNeedsIdCard: { zh: '个人客户须填写身份证号', en: 'an individual customer needs an ID card' },
  unknownCategory: {
    zh: '未知的客户类别“{value}”，应为 个人、企业 或 政企',
    en: 'unknown category "{value}" (expected individual, enterprise or key account)',
  },
  longAddress: { zh: '地址超过 200 个字', en: 'address longer than 200 characters' },
  missingRegion: { zh: '缺少所属地区', en: 'missing region' },
  unknownRegion: {
    zh: '找不到地区“{value}”（填写机构编码或名称）',
    en: 'unknown region "{value}" (give its code or name)',
  },
  ambiguousRegion: {
    zh: '地区名称“{value}”对应多个机构，请改用机构编码',
    en: 'region name "{value}" matches several org units; use its code',
  },
  regionOutOfScope: {
    zh: '地区“{value}”不在您的数据权限范围内',
    en: 'region "{value}" is outside your data scope',
  },
  idCardInFile: { zh: '身份证号 {value} 与第 {row} 行重复', en: 'ID card {value} repeats row {row}' },
  phoneInFile: { zh: '号码 {value} 与第 {row} 行重复', en: 'phone {value} repeats row {row}' },
  idCardExists: {
    zh: '身份证号 {value} 已开户：客户 {customer}',
    en: 'ID card {value} already has an account: customer {customer}',
  },
  phoneExists: { zh: '号码 {value} 已属于客户 {customer}', en: 'phone {value} already belongs to customer {customer}' },
} as const;

export type CustomerProblem = keyof typeof PROBLEMS;

/** The message with its placeholders left in, for SQL to fill. */
export function problemTemplate(locale: Locale, code: CustomerProblem): string {
  return PROBLEMS[code][locale === 'en' ? 'en' : 'zh'];
}

export function problemMessage(
  locale: Locale,
  code: CustomerProblem,
  values: Record<string, string | number | undefined> = {},
): string {
  let template = problemTemplate(locale, code);
  if (values.value === '')
    template = template.replace(/“\{value\}”|"\{value\}"/, locale === 'en' ? '(empty)' : '（空）');
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

/** The words business systems write for a category → our code; an empty cell is an individual. */
const CATEGORIES = new Map<string, CustomerCategory>(
  Object.entries({
    '': 'individual',
    individual: 'individual',
    个人: 'individual',
    个人客户: 'individual',
    公众: 'individual',
    enterprise: 'enterprise',
    企业: 'enterprise',
    企业客户: 'enterprise',
    key_account: 'key_account',
    'key account': 'key_account',
    政企: 'key_account',
    政企客户: 'key_account',
    政企大客户: 'key_account',
    大客户: 'key_account',
  }),
);

/** A row ready for the staging table (the region is resolved in SQL), or why it is refused. */
export type ImportedCustomer =
  | { problem: CustomerProblem; value?: string }
  | {
      name: string;
      phone: string;
      idCard: string | null;
      gender: string | null;
      birthDate: string | null;
      category: CustomerCategory;
      region: string;
      address: string | null;
    };

/**
 * Checks one row with the same rules as opening an account by hand (ID-card checksum, phone format and its
 * normal form); what needs the database (regions, scope, duplicates) is checked afterwards in SQL over the batch.
 */
export function readCustomerRow(value: (field: string) => string, asOf: string): ImportedCustomer {
  const name = value('name');
  if (name === '') return { problem: 'missingName' };
  if (name.length > 100) return { problem: 'longName' };
  const rawPhone = value('phone');
  if (rawPhone === '') return { problem: 'missingPhone' };
  const phone = normalisePhone(rawPhone);
  if (!isPhone(phone)) return { problem: 'badPhone', value: rawPhone };
  const idCard = value('idCard').toUpperCase() || null;
  if (idCard) {
    const problem = idCardProblem(idCard, asOf);
    if (problem === 'format') return { problem: 'badIdCard', value: idCard };
    if (problem === 'birth_date') return { problem: 'idCardBirthDate', value: idCard };
    if (problem === 'checksum') return { problem: 'idCardChecksum', value: idCard };
  }
  const rawCategory = value('category');
  const category = CATEGORIES.get(rawCategory) ?? CATEGORIES.get(rawCategory.toLowerCase());
  if (!category) return { problem: 'unknownCategory', value: rawCategory };
  if (category === 'individual' && !idCard) return { problem: 'individualNeedsIdCard' };
  const region = value('region');
  if (region === '') return { problem: 'missingRegion' };
  const address = value('address') || null;
  if (address && address.length > 200) return { problem: 'longAddress' };
  return {
    name,
    phone,
    idCard,
    gender: idCard ? idCardGender(idCard) : null,
    birthDate: idCard ? idCardBirthDate(idCard) : null,
    category,
    region,
    address,
  };
}
