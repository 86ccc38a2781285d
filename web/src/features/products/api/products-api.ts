import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch, post } from '../../../app/api-client.ts';

export type ProductStatus = 'draft' | 'testing' | 'released' | 'retired';
/** The server's lifecycle (products.schema.ts): where each status may go next. */
export const NEXT_STATUS: Record<ProductStatus, ProductStatus[]> = {
  draft: ['testing'],
  testing: ['draft', 'released'],
  released: ['retired'],
  retired: [],
};
export const TARIFF_FIELDS = [
  'monthlyFee',
  'includedMinutes',
  'includedDataGb',
  'callOutRate',
  'callInRate',
  'dataRate',
  'smsRate',
  'specialCallRate',
  'specialDataRate',
  'roamingCallRate',
  'roamingDataRate',
] as const;

export interface Product {
  id: string;
  code: string;
  kind: 'package' | 'service';
  name: string;
  monthlyFee: string;
  callOutRate: string;
  callInRate: string;
  dataRate: string;
  includedDataGb: string;
  includedMinutes: number;
  specialCallRate: string;
  specialDataRate: string;
  roamingCallRate: string;
  roamingDataRate: string;
  smsRate: string;
  regionIds: string[];
  targetCategory: string | null;
  targetSegment: string | null;
  description: string;
  responsibility: string;
  status: ProductStatus;
  statusChangedAt: string;
  version: number;
  requires: { id: string; name: string }[];
  bundles: { id: string; name: string }[];
  subscribers: number;
}
export interface Subscription {
  id: string;
  productId: string;
  productName: string;
  productCode: string;
  kind: 'package' | 'service';
  startsOn: string;
  endsOn: string | null;
  endReason: string | null;
  current: boolean;
  monthlyFee: string;
  includedMinutes: number;
  includedDataGb: string;
}

/** `sellableTo` (a customer id): the released products the server would sell to that customer (their region). */
export const useProducts = (filter: { kind?: string; status?: string; sellableTo?: string } = {}) =>
  useQuery({ queryKey: ['products', filter], queryFn: () => get<{ items: Product[] }>('/api/products', filter) });
/** The customer's category and segment, to compare with a package's target; the customer page's own query and cache. */
export const useCustomerTarget = (customerId: string) =>
  useQuery({
    queryKey: ['customers', 'one', customerId],
    queryFn: () => get<{ category: string; segment: string | null }>(`/api/customers/${customerId}`),
  });
export const useLifecycle = (id: string) =>
  useQuery({
    queryKey: ['products', 'lifecycle', id],
    queryFn: () =>
      get<{ items: { from: string; to: string; by: string | null; at: string; note: string | null }[] }>(
        `/api/products/${id}/lifecycle`,
      ),
  });

function useProductWrite<I, R>(fn: (input: I) => Promise<R>, extra: string[][] = []) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['products'] });
      for (const k of extra) void client.invalidateQueries({ queryKey: k });
    },
  });
}
export const useSaveProduct = (id?: string) =>
  useProductWrite((input: Record<string, unknown>) =>
    id ? patch<Product>(`/api/products/${id}`, input) : post<Product>('/api/products', input),
  );
export const useChangeStatus = (id: string) =>
  useProductWrite((to: ProductStatus) => post<Product>(`/api/products/${id}/lifecycle`, { to }));

export const useSubscriptions = (customerId: string) =>
  useQuery({
    queryKey: ['subscriptions', customerId],
    queryFn: () => get<{ items: Subscription[] }>(`/api/customers/${customerId}/subscriptions`),
  });
export const useSubscribe = (customerId: string) =>
  useProductWrite(
    (input: { productId: string; effective?: string }) =>
      post<{ items: Subscription[] }>(`/api/customers/${customerId}/subscriptions`, input),
    [
      ['subscriptions', customerId],
      ['customers', 'history'],
    ],
  );
export const useEndSubscription = (customerId: string) =>
  useProductWrite(
    (input: { id: string; effective?: string }) =>
      post<{ items: Subscription[] }>(`/api/customers/${customerId}/subscriptions/${input.id}/end`, {
        effective: input.effective,
      }),
    [
      ['subscriptions', customerId],
      ['customers', 'history'],
    ],
  );
/** An administrator loads a subscription the customer had before the CRM (past start, optional end, reason). */
export const useAddPastSubscription = (customerId: string) =>
  useProductWrite(
    (input: { productId: string; startsOn: string; endsOn: string | null; reason: string }) =>
      post<{ items: Subscription[] }>(`/api/customers/${customerId}/subscriptions/history`, input),
    [
      ['subscriptions', customerId],
      ['customers', 'history'],
    ],
  );
