import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, post, withQuery } from '../../../app/api-client.ts';
import { currentLanguage } from '../../../app/i18n.ts';

export type ImportKind = 'usage' | 'payments';
export type Encoding = 'auto' | 'utf-8' | 'gbk';

export interface BillItem {
  line: number;
  code: string;
  productName: string;
  quantity: string;
  included: string;
  unit: string;
  rate: string;
  amount: string;
}
export interface Bill {
  id: string;
  month: string;
  total: string;
  revision: number;
  updatedAt: string;
  items: BillItem[];
}
export interface Payment {
  id: string;
  receipt: string;
  paidAt: string;
  amount: string;
  place: string;
  method: string;
}
export interface BalanceMonth {
  month: string;
  billed: string;
  paid: string;
  balance: string;
}
export interface UsageMonth {
  month: string;
  minutes: number;
  dataGb: string;
  voiceSpend: string;
  internetSpend: string;
  baseFee: string;
}
export interface UsageRecord {
  startedAt: string;
  sourceId: string;
  kind: string;
  area: string;
  direction: string;
  busy: boolean;
  quantity: string;
}
export interface ImportReport {
  batchId: string;
  batchKey: string;
  encoding: string;
  accepted: number;
  rejected: number;
  previousBatches: string[];
  /** Rows that went in but deserve a look (usage on a day without a package): count and first rows. */
  warnings: { code: string; message: string; count: number; rows: number[] }[];
  errors: { row: number; message: string }[];
}
export interface Preview {
  encoding: string;
  /** The file's first rows (blank rows skipped): the header row may be any of the first 20. */
  top: string[][];
  /** The server's guess of the header row, 1-based. */
  headerRow: number;
  header: string[];
  rows: string[][];
  fields: { key: string; required: boolean }[];
}
export interface Template {
  id: string;
  kind: ImportKind;
  name: string;
  mapping: Record<string, string>;
  encoding: Encoding;
}
export interface Run {
  id: string;
  month: string;
  reason: 'run' | 'rerate';
  customers: number;
  total: string;
  unrated: number;
  startedAt: string;
  startedBy: string | null;
}
export interface Stats {
  from: string;
  to: string;
  byMonth: { month: string; revenue: string; customers: number; arpu: string }[];
  byProduct: { product: string; revenue: string; customers: number }[];
  byRegion: { region: string; revenue: string; customers: number; arpu: string }[];
  topSpenders: { customerId: string; customerNo: string; name: string; total: string }[];
}

export const useCustomerBills = (customerId: string) =>
  useQuery({
    queryKey: ['billing', 'bills', customerId],
    queryFn: () => get<{ items: Bill[] }>(`/api/customers/${customerId}/bills`),
  });
export const useCustomerPayments = (customerId: string) =>
  useQuery({
    queryKey: ['billing', 'payments', customerId],
    queryFn: () => get<{ items: Payment[] }>(`/api/customers/${customerId}/payments`),
  });
export const useCustomerBalance = (customerId: string) =>
  useQuery({
    queryKey: ['billing', 'balance', customerId],
    queryFn: () =>
      get<{ balance: string; arrears: string; months: BalanceMonth[] }>(`/api/customers/${customerId}/balance`),
  });
export const useCustomerUsage = (customerId: string, month?: string) =>
  useQuery({
    queryKey: ['billing', 'usage', customerId, month ?? ''],
    queryFn: () =>
      get<{ months: UsageMonth[]; month: string; records: UsageRecord[] }>(`/api/customers/${customerId}/usage`, {
        month,
      }),
  });

export const useRuns = () =>
  useQuery({ queryKey: ['billing', 'runs'], queryFn: () => get<{ items: Run[] }>('/api/billing/runs') });
export function useRunBilling() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (month: string) =>
      post<{ runId: string; month: string; customers: number; total: string; unrated: number }>('/api/billing/runs', {
        month,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['billing'] }),
  });
}

export const useStats = (from: string, to: string) =>
  useQuery({ queryKey: ['billing', 'stats', from, to], queryFn: () => get<Stats>('/api/billing/stats', { from, to }) });
export const statsXlsxHref = (from: string, to: string) =>
  withQuery('/api/billing/stats.xlsx', { from, to, lang: currentLanguage() });

export const useTemplates = (kind: ImportKind) =>
  useQuery({
    queryKey: ['billing', 'templates', kind],
    queryFn: () => get<{ items: Template[] }>('/api/import-templates', { kind }),
  });
export function useSaveTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (t: Omit<Template, 'id'>) => post<Template>('/api/import-templates', t),
    onSuccess: () => client.invalidateQueries({ queryKey: ['billing', 'templates'] }),
  });
}
export function useDeleteTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => del<void>(`/api/import-templates/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['billing', 'templates'] }),
  });
}
