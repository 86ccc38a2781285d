import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch, post, withQuery, type Page } from '../../../app/api-client.ts';
import { currentLanguage } from '../../../app/i18n.ts';

export const REASONS = ['price', 'network_quality', 'service', 'moved_away', 'competitor_offer', 'other'] as const;
export type Reason = (typeof REASONS)[number];
export const OUTCOMES = ['won_back', 'refused', 'unreachable'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const REPORT_GROUPS = ['month', 'region', 'category', 'level', 'segment', 'package', 'reason'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

/** The server's shapes: src/modules/churn/churn.schema.ts. */
export interface ChurnRecord {
  id: string;
  customerId: string;
  customerNo: string;
  customerName: string;
  regionName: string;
  churnedOn: string;
  reasonCategory: Reason;
  reason: string | null;
  competitor: string | null;
  notes: string | null;
  source: 'cancellation' | 'import' | 'manual';
}
export interface RecordFilters {
  from?: string;
  to?: string;
  reasonCategory?: string;
  customerId?: string;
}
export interface ImportReport {
  total: number;
  valid: number;
  invalid: number;
  imported: number;
  rows: {
    row: number;
    customerNo: string;
    churnedOn: string;
    reasonCategory: string;
    competitor: string | null;
    errors: string[];
  }[];
}
export interface ReportRow {
  key: string;
  label: string;
  churned: number;
  base: number;
  rate: number | null;
}
export interface ChurnReport {
  groupBy: ReportGroup;
  from: string;
  to: string;
  rows: ReportRow[];
}
export interface ReportFilters {
  groupBy: ReportGroup;
  from?: string;
  to?: string;
}
export interface RiskItem {
  customerId: string;
  customerNo: string;
  name: string;
  phone: string;
  regionName: string;
  accountManagerId: string | null;
  accountManagerName: string | null;
  score: number;
  model: 'logistic' | 'rules';
  factors: { feature: string; value: number; text: string }[];
  scoredAt: string;
  openTaskId: string | null;
}
export interface RiskFilters {
  managerId?: string;
  customerId?: string;
  minScore?: number;
  sort: 'score' | 'name' | 'customerNo';
  order: 'asc' | 'desc';
}
export interface Plan {
  id: string;
  name: string;
  offer: string;
  ownerId: string;
  ownerName: string;
  dueDate: string;
  createdAt: string;
  tasks: number;
  done: number;
  wonBack: number;
  refused: number;
  unreachable: number;
  successRate: number | null;
}
export interface Task {
  id: string;
  planId: string | null;
  planName: string | null;
  customerId: string;
  customerNo: string;
  customerName: string;
  phone: string;
  assigneeId: string;
  assigneeName: string;
  offer: string;
  dueDate: string;
  riskScore: number | null;
  outcome: Outcome | null;
  note: string | null;
}

export function useChurnRecords(filters: RecordFilters) {
  return useInfiniteQuery({
    queryKey: ['churn', 'records', filters],
    queryFn: ({ pageParam }) =>
      get<Page<ChurnRecord>>('/api/churn/records', { ...filters, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Every churn write refreshes the churn lists, reports and the at-risk list. */
function useChurnWrite<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void client.invalidateQueries({ queryKey: ['churn'] }) });
}

export const useRecordChurn = () =>
  useChurnWrite(
    (input: {
      customerId: string;
      churnedOn: string;
      reasonCategory: Reason;
      competitor: string | null;
      notes: string | null;
    }) => post<ChurnRecord>('/api/churn/records', input),
  );
export const useUpdateChurnRecord = (id: string) =>
  useChurnWrite((input: { reasonCategory: Reason; competitor: string | null; notes: string | null }) =>
    patch<ChurnRecord>(`/api/churn/records/${id}`, input),
  );
export const useImportChurn = () =>
  useChurnWrite((input: { fileName: string; content: string; dryRun: boolean }) =>
    post<ImportReport>('/api/churn/records/import', input),
  );

/** A customer by number, for the churn form (the customers feature owns the full picker). */
export async function findCustomerByNo(customerNo: string) {
  const page = await get<Page<{ id: string; customerNo: string; name: string }>>('/api/customers', {
    q: customerNo,
    limit: 1,
  });
  return page.items.find((c) => c.customerNo === customerNo.toUpperCase());
}

export function useChurnReport(filters: ReportFilters) {
  return useQuery({
    queryKey: ['churn', 'report', filters],
    placeholderData: keepPreviousData,
    queryFn: () => get<ChurnReport>('/api/churn/reports', { ...filters }),
  });
}
export const churnReportXlsxHref = (filters: ReportFilters) =>
  withQuery('/api/churn/reports.xlsx', { ...filters, lang: currentLanguage() });

export function useAtRisk(filters: RiskFilters) {
  return useInfiniteQuery({
    queryKey: ['churn', 'risk', filters],
    queryFn: ({ pageParam }) => get<Page<RiskItem>>('/api/churn/risk', { ...filters, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function usePlans() {
  return useQuery({
    queryKey: ['churn', 'plans'],
    queryFn: () => get<Page<Plan>>('/api/retention-plans', { limit: 100 }),
  });
}
export const useCreatePlan = () =>
  useChurnWrite((input: { name: string; offer: string; ownerId: string; dueDate: string; customerIds: string[] }) =>
    post<{ plan: Plan; skipped: { customerId: string; reason: string }[] }>('/api/retention-plans', input),
  );

export function useTasks(filters: { mine?: boolean; planId?: string; customerId?: string; status?: 'open' | 'done' }) {
  return useQuery({
    queryKey: ['churn', 'tasks', filters],
    queryFn: () =>
      get<Page<Task>>('/api/retention-tasks', {
        mine: filters.mine ? 'true' : undefined,
        planId: filters.planId,
        customerId: filters.customerId,
        status: filters.status,
        limit: 200,
      }),
  });
}
export const useStartTask = () =>
  useChurnWrite((input: { customerId: string; offer: string; dueDate?: string }) =>
    post<Task>('/api/retention-tasks', input),
  );
export const useRecordOutcome = () =>
  useChurnWrite((input: { id: string; outcome: Outcome; note: string | null }) =>
    post<Task>(`/api/retention-tasks/${input.id}/outcome`, { outcome: input.outcome, note: input.note }),
  );
