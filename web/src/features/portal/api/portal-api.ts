import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../app/api-client.ts';
import { currentLanguage } from '../../../app/i18n.ts';

/**
 * The portal's own client: the customer's session cookie (path /api/portal) and its own CSRF header. It never
 * sends the staff CSRF token, and a 401 here shows the portal's login, not the staff one.
 */
let csrf: string | null = null;

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage() };
  if (method !== 'GET' && csrf) headers['X-Portal-CSRF'] = csrf;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const data = text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : undefined;
  if (!res.ok)
    throw new ApiError(
      res.status,
      data?.error?.code ?? `HTTP_${res.status}`,
      data?.error?.message ?? res.statusText,
      data?.error?.fields,
    );
  return data as T;
}

export interface PortalHome {
  customer: {
    name: string;
    customerNo: string;
    phone: string;
    email: string | null;
    backupPhone: string | null;
    address: string | null;
    arrears: string;
  };
  package: { name: string; monthlyFee: string; includedMinutes: number; includedDataGb: string; since: string } | null;
  nextPackage: { name: string; startsOn: string } | null;
  services: string[];
  usage: { month: string; minutesUsed: number; dataGbUsed: number; smsUsed: number };
  balance: string;
  csrfToken: string;
}
export interface PortalBill {
  id: string;
  month: string;
  total: string;
  items: { line: number; code: string; productName: string; amount: string }[];
}
export interface PortalPayment {
  id: string;
  receipt: string;
  paidAt: string;
  amount: string;
  place: string;
  method: string;
}
export interface ContactDetails {
  address: string | null;
  email: string | null;
  backupPhone: string | null;
}
/** The customer's own work orders (server: work-orders.schema.ts CustomerWorkOrder*): no staff names, no internal notes. */
export type WorkOrderStatus = 'new' | 'dispatched' | 'in_progress' | 'resolved' | 'visited' | 'archived';
export interface MyWorkOrder {
  id: string;
  orderNo: string;
  typeName: string;
  subtypeName: string | null;
  businessType: string;
  status: WorkOrderStatus;
  createdAt: string;
  updatedAt: string;
}
export interface MyWorkOrderDetail extends MyWorkOrder {
  description: string;
  contactPhone: string;
  resolvedAt: string | null;
  timeline: {
    at: string;
    action: string;
    status: WorkOrderStatus;
    departmentName: string | null;
    note: string | null;
  }[];
}
export interface WorkOrderOptions {
  types: {
    id: string;
    code: string;
    name: string;
    subtypes: { id: string; code: string; name: string; businessTypes: string[] | null }[];
  }[];
  businessTypes: string[];
}
export interface NewWorkOrder {
  typeId: string;
  subtypeId?: string;
  businessType: string;
  description: string;
  contactPhone: string;
}

export function useHome() {
  return useQuery({
    queryKey: ['portal', 'me'],
    retry: false,
    queryFn: async () => {
      const me = await call<PortalHome>('GET', '/api/portal/me');
      csrf = me.csrfToken;
      return me;
    },
  });
}
export const useBills = () =>
  useQuery({ queryKey: ['portal', 'bills'], queryFn: () => call<{ items: PortalBill[] }>('GET', '/api/portal/bills') });
export const usePayments = () =>
  useQuery({
    queryKey: ['portal', 'payments'],
    queryFn: () => call<{ items: PortalPayment[] }>('GET', '/api/portal/payments'),
  });
// Type names come in the customer's language: the language is part of the key.
export const useWorkOrderOptions = () =>
  useQuery({
    queryKey: ['portal', 'work-order-options', currentLanguage()],
    queryFn: () => call<WorkOrderOptions>('GET', '/api/portal/work-order-options'),
  });
export const useMyWorkOrders = () =>
  useQuery({
    queryKey: ['portal', 'work-orders', currentLanguage()],
    queryFn: () => call<{ items: MyWorkOrder[] }>('GET', '/api/portal/work-orders'),
  });
export const useMyWorkOrder = (id: string | null) =>
  useQuery({
    queryKey: ['portal', 'work-order', id, currentLanguage()],
    enabled: id !== null,
    queryFn: () => call<MyWorkOrderDetail>('GET', `/api/portal/work-orders/${id}`),
  });

function usePortalWrite<I, R>(fn: (input: I) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: ['portal'] }) });
}
export const useLogin = () =>
  usePortalWrite(async (input: { phone: string; password: string }) => {
    const r = await call<{ name: string; csrfToken: string }>('POST', '/api/portal/login', input);
    csrf = r.csrfToken;
    return r;
  });
export const useLogout = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call<void>('POST', '/api/portal/logout'),
    onSettled: () => {
      csrf = null;
      client.removeQueries({ queryKey: ['portal'] });
    },
  });
};
export const useUpdateDetails = () =>
  usePortalWrite((input: ContactDetails) => call<ContactDetails>('PATCH', '/api/portal/me', input));
export const useOpenWorkOrder = () =>
  usePortalWrite((input: NewWorkOrder) => call<MyWorkOrderDetail>('POST', '/api/portal/work-orders', input));
export const useResetPassword = () =>
  useMutation({
    mutationFn: (input: { token: string; password: string }) => call<void>('POST', '/api/portal/reset', input),
  });
