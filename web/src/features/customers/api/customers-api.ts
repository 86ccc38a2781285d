import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, patch, post, type Page } from '../../../app/api-client.ts';

/** The server's customer (customers.schema.ts `Customer`); phone and idCard come masked for roles without `sensitive:view`. */
export interface Customer {
  id: string;
  customerNo: string;
  name: string;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  idCard: string | null;
  phone: string;
  email: string | null;
  backupPhone: string | null;
  address: string | null;
  education: Education | null;
  job: string | null;
  income: string | null;
  category: Category;
  level: Level;
  lifecycle: Lifecycle;
  regionId: string;
  regionName: string;
  accountManagerId: string | null;
  accountManagerName: string | null;
  arrears: string;
  status: Status;
  cancelReason: string | null;
  mergedIntoId: string | null;
  segment: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export {
  CUSTOMER_CATEGORIES as CATEGORIES,
  CUSTOMER_LEVELS as LEVELS,
  CUSTOMER_LIFECYCLES as LIFECYCLES,
  CUSTOMER_STATUSES as STATUSES,
} from '@shared/customer-enums.ts';
import type {
  CustomerCategory as Category,
  CustomerLevel as Level,
  CustomerLifecycle as Lifecycle,
  CustomerStatus as Status,
} from '@shared/customer-enums.ts';
export const EDUCATIONS = ['primary', 'secondary', 'college', 'bachelor', 'master', 'doctorate'] as const;
export type { Category, Level, Lifecycle, Status };
export type Education = (typeof EDUCATIONS)[number];

/** The fields a person types in the open-account and edit forms, as the API takes them. */
export interface CustomerInput {
  name: string;
  idCard?: string;
  phone: string;
  email?: string | null;
  backupPhone?: string | null;
  address?: string | null;
  education?: Education | null;
  job?: string | null;
  income?: string | null;
  category: Category;
  level: Level;
  lifecycle: Lifecycle;
  regionId: string;
  accountManagerId?: string | null;
}

export interface CustomerFilters {
  q?: string;
  region?: string;
  category?: string;
  level?: string;
  lifecycle?: string;
  status?: string;
  accountManager?: string;
  segment?: string;
  sort?: 'createdAt' | 'name' | 'customerNo';
  order?: 'asc' | 'desc';
  cursor?: string;
  limit?: number;
}

export interface HistoryEntry {
  id: string;
  at: string;
  actorName: string;
  action: string;
  customerId: string | null;
  changes: Record<string, unknown>;
}

export const customerKeys = {
  all: ['customers'] as const,
  list: (f: CustomerFilters) => ['customers', 'list', f] as const,
  one: (id: string) => ['customers', 'one', id] as const,
  history: (id: string) => ['customers', 'history', id] as const,
};

export function useCustomers(filters: CustomerFilters) {
  return useQuery({
    queryKey: customerKeys.list(filters),
    queryFn: () => get<Page<Customer>>('/api/customers', { ...filters }),
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: string | undefined) {
  return useQuery({
    queryKey: customerKeys.one(id ?? ''),
    queryFn: () => get<Customer>(`/api/customers/${id}`),
    enabled: !!id,
  });
}

export function useCustomerHistory(id: string) {
  return useQuery({
    queryKey: customerKeys.history(id),
    queryFn: () => get<Page<HistoryEntry>>(`/api/customers/${id}/history`, { limit: 200 }),
  });
}

export function findPossibleDuplicates(phone: string, excludeId?: string) {
  return get<{ items: Customer[] }>('/api/customers/duplicates', { phone, excludeId }).then((r) => r.items);
}

/** Writes refresh every cached customer list and the touched record. */
function useCustomerWrite<TInput>(fn: (input: TInput) => Promise<Customer>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (customer) => {
      client.setQueryData(customerKeys.one(customer.id), customer);
      void client.invalidateQueries({ queryKey: customerKeys.all });
    },
  });
}

export const useOpenAccount = () => useCustomerWrite((input: CustomerInput) => post<Customer>('/api/customers', input));
export const useUpdateCustomer = (id: string) =>
  useCustomerWrite((input: Partial<CustomerInput> & { version: number }) =>
    patch<Customer>(`/api/customers/${id}`, input),
  );
export const useCancelAccount = (id: string) =>
  useCustomerWrite((reason: string) => post<Customer>(`/api/customers/${id}/cancel`, { reason }));
export const useMergeCustomers = () =>
  useCustomerWrite((input: { survivorId: string; mergedId: string; fields: Record<string, 'survivor' | 'merged'> }) =>
    post<Customer>('/api/customers/merge', input),
  );

export interface Colleague {
  id: string;
  name: string;
  orgUnitId: string;
  orgUnitName: string;
}

/** Active employees for the account-manager picker. */
export function useColleagues() {
  return useQuery({
    queryKey: ['employees', 'directory'],
    queryFn: () => get<{ items: Colleague[] }>('/api/employees/directory').then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}
