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
  const res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const data = text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : undefined;
  if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? `HTTP_${res.status}`, data?.error?.message ?? res.statusText, data?.error?.fields);
  return data as T;
}

export interface PortalHome {
  customer: { name: string; customerNo: string; phone: string; address: string | null; arrears: string };
  package: { name: string; monthlyFee: string; includedMinutes: number; includedDataGb: string; since: string } | null;
  nextPackage: { name: string; startsOn: string } | null;
  services: string[];
  usage: { month: string; minutesUsed: number; dataGbUsed: number; smsUsed: number };
  balance: string;
  csrfToken: string;
}
export interface PortalBill { id: string; month: string; total: string; items: { line: number; code: string; productName: string; amount: string }[] }
export interface PortalPayment { id: string; receipt: string; paidAt: string; amount: string; place: string; method: string }
export interface PortalRequest { id: string; kind: 'fault' | 'complaint'; subject: string; description: string; status: string; reply: string | null; createdAt: string }

export function useHome() {
  return useQuery({
    queryKey: ['portal', 'me'], retry: false,
    queryFn: async () => {
      const me = await call<PortalHome>('GET', '/api/portal/me');
      csrf = me.csrfToken;
      return me;
    },
  });
}
export const useBills = () => useQuery({ queryKey: ['portal', 'bills'], queryFn: () => call<{ items: PortalBill[] }>('GET', '/api/portal/bills') });
export const usePayments = () => useQuery({ queryKey: ['portal', 'payments'], queryFn: () => call<{ items: PortalPayment[] }>('GET', '/api/portal/payments') });
export const useRequests = () => useQuery({ queryKey: ['portal', 'requests'], queryFn: () => call<{ items: PortalRequest[] }>('GET', '/api/portal/requests') });

function usePortalWrite<I, R>(fn: (input: I) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: ['portal'] }) });
}
export const useLogin = () => usePortalWrite(async (input: { phone: string; password: string }) => {
  const r = await call<{ name: string; csrfToken: string }>('POST', '/api/portal/login', input);
  csrf = r.csrfToken;
  return r;
});
export const useLogout = () => {
  const client = useQueryClient();
  return useMutation({ mutationFn: () => call<void>('POST', '/api/portal/logout'), onSettled: () => { csrf = null; client.removeQueries({ queryKey: ['portal'] }); } });
};
export const useUpdateAddress = () => usePortalWrite((address: string) => call<{ address: string }>('PATCH', '/api/portal/me', { address }));
export const useFileRequest = () => usePortalWrite((input: { kind: 'fault' | 'complaint'; subject: string; description: string }) => call<PortalRequest>('POST', '/api/portal/requests', input));
export const useResetPassword = () => useMutation({ mutationFn: (input: { token: string; password: string }) => call<void>('POST', '/api/portal/reset', input) });
