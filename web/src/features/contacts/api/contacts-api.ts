import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, patch, post, type Page } from '../../../app/api-client.ts';

export const CONTACT_ROLES = ['legal_representative', 'finance', 'technical', 'purchasing', 'family', 'other'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** The server's contact (contacts.schema.ts): many-to-many with customers, a role per link. */
export interface Contact {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  title: string | null;
  notes: string | null;
  customers: { customerId: string; customerNo: string; customerName: string; role: ContactRole }[];
}

export interface ContactInput {
  name: string;
  phone: string | null;
  email: string | null;
  title: string | null;
  notes: string | null;
}

const keys = {
  all: ['contacts'] as const,
  search: (q: string, cursor?: string, limit = 20) => ['contacts', 'search', q, cursor ?? '', limit] as const,
  ofCustomer: (customerId: string) => ['contacts', 'customer', customerId] as const,
};

export function useContactSearch(q: string, cursor?: string, enabled = true, limit = 20) {
  return useQuery({
    queryKey: keys.search(q, cursor, limit),
    enabled,
    placeholderData: keepPreviousData,
    queryFn: () => get<Page<Contact>>('/api/contacts', { q: q || undefined, cursor, limit }),
  });
}

export function useCustomerContacts(customerId: string) {
  return useQuery({
    queryKey: keys.ofCustomer(customerId),
    queryFn: () => get<Page<Contact>>(`/api/customers/${customerId}/contacts`),
  });
}

/** Every contact write refreshes every contact list (and the customer's history, which records links). */
function useContactWrite<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.all });
      void client.invalidateQueries({ queryKey: ['customers', 'history'] });
    },
  });
}

export const useCreateContact = () => useContactWrite((input: ContactInput) => post<Contact>('/api/contacts', input));
export const useUpdateContact = (id: string) =>
  useContactWrite((input: ContactInput) => patch<Contact>(`/api/contacts/${id}`, input));
export const useLinkContact = (customerId: string) =>
  useContactWrite((input: { contactId: string; role: ContactRole }) =>
    post<Contact>(`/api/customers/${customerId}/contacts`, input),
  );
export const useChangeContactRole = (customerId: string) =>
  useContactWrite((input: { contactId: string; role: ContactRole }) =>
    patch<Contact>(`/api/customers/${customerId}/contacts/${input.contactId}`, { role: input.role }),
  );
export const useUnlinkContact = (customerId: string) =>
  useContactWrite((contactId: string) => del<void>(`/api/customers/${customerId}/contacts/${contactId}`));
