import type { TestClient } from '../../testing/test-client.ts';
import { idCardCheckChar } from './customer-validators.ts';

/** The header of the test files and the mapping of our fields to it. */
export const CUSTOMER_HEADER = '姓名,手机号,身份证号,客户类别,地区,地址';
export const CUSTOMER_MAPPING = {
  name: '姓名',
  phone: '手机号',
  idCard: '身份证号',
  category: '客户类别',
  region: '地区',
  address: '地址',
};

/** The n-th valid ID card of a set (`prefix` keeps sets apart): a thousand per birth date, from 1970 on. */
export function nthIdCard(n: number, prefix = '370102'): string {
  const birth = new Date(Date.UTC(1970, 0, 1 + Math.floor(n / 1000)));
  const body = `${prefix}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${String(n % 1000).padStart(3, '0')}`;
  return body + idCardCheckChar(body);
}

/** The n-th mobile number of a set. */
export function nthMobile(n: number, prefix = '135'): string {
  return `${prefix}${String(n).padStart(8, '0')}`;
}

/** Uploads a customer file the way the web page does: options first, then the file. */
export function uploadCustomers(
  client: TestClient,
  content: string | Uint8Array,
  opts: { mapping?: object; encoding?: string; fileName?: string; preview?: boolean; goodRowsOnly?: boolean } = {},
) {
  const form = new FormData();
  if (opts.mapping) form.append('mapping', JSON.stringify(opts.mapping));
  if (opts.encoding) form.append('encoding', opts.encoding);
  if (opts.goodRowsOnly) form.append('goodRowsOnly', 'true');
  form.append('file', new Blob([Buffer.from(content)]), opts.fileName ?? 'customers.csv');
  return client.request('POST', `/api/customers/imports${opts.preview ? '/preview' : ''}`, form);
}
