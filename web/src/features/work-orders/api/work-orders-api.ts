import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, get, patch, post, withQuery, type Page } from '../../../app/api-client.ts';
import { currentLanguage } from '../../../app/i18n.ts';

/** Shapes of src/modules/work-orders/work-orders.schema.ts. */
export const BUSINESS_TYPES = ['broadband', 'fixed_line', 'mobile', 'iptv', 'dedicated_line', 'optical_cable'] as const;
export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export const STATUSES = ['new', 'dispatched', 'in_progress', 'resolved', 'visited', 'archived'] as const;
export const SATISFACTION = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied'] as const;
export const QUEUES = ['mine', 'department', 'return_visit', 'overdue', 'all'] as const;
export const CENTRE_KINDS = ['access_network', 'wireless', 'gov_enterprise', 'optical_cable'] as const;
export type Queue = (typeof QUEUES)[number];
export type Status = (typeof STATUSES)[number];

export interface WorkOrder {
  id: string;
  orderNo: string;
  customerId: string;
  customerName: string;
  customerNo: string;
  customerVisible: boolean;
  typeId: string;
  typeName: string;
  subtypeId: string | null;
  subtypeName: string | null;
  businessType: string;
  regionId: string;
  regionName: string;
  priority: string;
  contactPhone: string;
  description: string;
  status: Status;
  departmentId: string | null;
  departmentName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  acceptedById: string;
  acceptedByName: string;
  channel: 'staff' | 'portal';
  responseDue: string;
  resolveDue: string;
  respondedAt: string | null;
  resolvedAt: string | null;
  archivedAt: string | null;
  responseBreached: boolean;
  resolveBreached: boolean;
  escalationLevel: number;
  reopenCount: number;
  satisfaction: string | null;
  customerWords: string | null;
  version: number;
  /** The steps this user may take next, from the server (who may do what is its rule). */
  nextSteps: TransitionBody['action'][];
  createdAt: string;
}
export interface TimelineEntry {
  id: string;
  at: string;
  actorName: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  departmentName: string | null;
  note: string | null;
}
export interface WorkOrderType {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  nameEn: string;
  active: boolean;
}
export interface Attachment {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  uploadedByName: string;
  createdAt: string;
}
export interface Notification {
  id: string;
  workOrderId: string;
  orderNo: string;
  kind: string;
  message: string;
  read: boolean;
  createdAt: string;
}
export interface RoutingRule {
  id: string;
  position: number;
  name: string;
  regionId: string | null;
  regionName: string | null;
  businessType: string | null;
  customerCategory: string | null;
  typeId: string | null;
  centreKind: string | null;
  departmentId: string | null;
  departmentName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  active: boolean;
}
export interface SlaPolicy {
  typeId: string;
  typeName: string;
  priority: string;
  responseMinutes: number;
  resolveMinutes: number;
}
export interface Suggestion {
  id: string;
  title: string;
  snippet: string;
  score: number;
}
export interface Breakdown {
  key: string;
  label: string;
  count: number;
}
export interface WorkOrderStats {
  from: string;
  to: string;
  totals: {
    count: number;
    avgResponseMinutes: number | null;
    avgResolveMinutes: number | null;
    breachRate: number;
    reopenRate: number;
    visited: number;
  };
  satisfaction: { key: string; count: number }[];
  byType: Breakdown[];
  byBusinessType: Breakdown[];
  byRegion: Breakdown[];
  byDepartment: Breakdown[];
  series: { period: string; created: number; resolved: number; breached: number }[];
}
export interface Filters {
  queue: Queue;
  q?: string;
  status?: string;
  businessType?: string;
  priority?: string;
  customerId?: string;
  open?: 'true' | 'false';
}
export type TransitionBody =
  | { action: 'dispatch'; departmentId: string; reason?: string }
  | { action: 'start'; note?: string }
  | { action: 'resolve'; note: string }
  | { action: 'transfer'; departmentId: string; reason: string }
  | { action: 'return-visit'; satisfaction: string; customerWords: string }
  | { action: 'reopen'; reason: string }
  | { action: 'archive'; note?: string };

const keys = {
  all: ['work-orders'] as const,
  list: (f: Filters, cursor?: string, limit?: number) => ['work-orders', 'list', f, cursor, limit] as const,
  one: (id: string) => ['work-orders', 'one', id] as const,
};

export function useWorkOrders(f: Filters, cursor?: string, limit = 30) {
  return useQuery({
    queryKey: keys.list(f, cursor, limit),
    queryFn: () => get<Page<WorkOrder>>('/api/work-orders', { ...f, cursor, limit }),
  });
}
export function useWorkOrder(id: string) {
  return useQuery({ queryKey: keys.one(id), queryFn: () => get<WorkOrder>(`/api/work-orders/${id}`) });
}
export function useTimeline(id: string) {
  return useQuery({
    queryKey: [...keys.one(id), 'timeline'],
    queryFn: () => get<{ items: TimelineEntry[] }>(`/api/work-orders/${id}/timeline`).then((r) => r.items),
  });
}
export function useAttachments(id: string) {
  return useQuery({
    queryKey: [...keys.one(id), 'attachments'],
    queryFn: () => get<{ items: Attachment[] }>(`/api/work-orders/${id}/attachments`).then((r) => r.items),
  });
}
export function useTypes() {
  return useQuery({
    queryKey: ['work-order-types'],
    staleTime: 5 * 60_000,
    queryFn: () => get<{ items: WorkOrderType[] }>('/api/work-orders/types').then((r) => r.items),
  });
}
export function useNotifications() {
  return useQuery({
    queryKey: ['work-order-notifications'],
    refetchInterval: 60_000,
    queryFn: () => get<{ items: Notification[]; unread: number }>('/api/work-orders/notifications'),
  });
}
export function useMarkNotificationsRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => post('/api/work-orders/notifications/read'),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['work-order-notifications'] }),
  });
}

export function useCreateWorkOrder() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => post<WorkOrder>('/api/work-orders', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}
export function useTransition(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TransitionBody) => post<WorkOrder>(`/api/work-orders/${id}/transitions`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}
export function useAddNote(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (note: string) => post(`/api/work-orders/${id}/notes`, { note }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.one(id) }),
  });
}

/** Uploads go as multipart; the server decides the type by the file's bytes. */
export function useUploadAttachment(id: string, csrfToken: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file);
      const headers: Record<string, string> = { 'Accept-Language': currentLanguage() };
      if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
      const res = await fetch(`/api/work-orders/${id}/attachments`, {
        method: 'POST',
        body: form,
        headers,
        credentials: 'same-origin',
      });
      const data = await res.json().catch(() => ({}));
      if (!res.ok)
        throw new ApiError(res.status, data.error?.code ?? `HTTP_${res.status}`, data.error?.message ?? res.statusText);
      return data as Attachment;
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.one(id) }),
  });
}

/** Articles matching what the agent is typing, from the knowledge base's search. */
export function useSuggestions(text: string) {
  const q = text.trim().slice(0, 200);
  return useQuery({
    queryKey: ['kb-suggest', q],
    enabled: q.length >= 2,
    staleTime: 60_000,
    queryFn: () => get<{ items: Suggestion[] }>('/api/knowledge/search', { q, limit: 5 }).then((r) => r.items),
  });
}

export function useStats(f: { from?: string; to?: string; granularity: string }) {
  return useQuery({
    queryKey: ['work-order-stats', f],
    queryFn: () => get<WorkOrderStats>('/api/work-orders/stats', f),
  });
}
export const statsXlsxHref = (f: { from?: string; to?: string; granularity: string }) =>
  withQuery('/api/work-orders/stats.xlsx', { ...f, lang: currentLanguage() });

export function useRoutingRules() {
  return useQuery({
    queryKey: ['routing-rules'],
    queryFn: () => get<{ items: RoutingRule[] }>('/api/routing-rules').then((r) => r.items),
  });
}
export function useSaveRoutingRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Partial<RoutingRule> & { id?: string }) =>
      id ? patch<RoutingRule>(`/api/routing-rules/${id}`, body) : post<RoutingRule>('/api/routing-rules', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['routing-rules'] }),
  });
}
export function useSlaPolicies() {
  return useQuery({
    queryKey: ['sla-policies'],
    queryFn: () => get<{ items: SlaPolicy[] }>('/api/work-orders/sla-policies').then((r) => r.items),
  });
}
export function useSaveSlaPolicies() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (items: Omit<SlaPolicy, 'typeName'>[]) =>
      api<{ items: SlaPolicy[] }>('PUT', '/api/work-orders/sla-policies', { items }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['sla-policies'] }),
  });
}
