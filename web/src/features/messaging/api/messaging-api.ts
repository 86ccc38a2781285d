import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../../../app/api-client.ts';

export type Channel = 'sms' | 'email';
export type Purpose = 'marketing' | 'service';

/** The server's shapes (messaging.schema.ts). A message never carries the address: the server fills it in. */
export interface Template {
  id: string;
  name: string;
  channel: Channel;
  purpose: Purpose;
  locale: 'zh' | 'en';
  subject: string | null;
  body: string;
  createdAt: string;
}
export interface Message {
  id: string;
  channel: Channel;
  purpose: Purpose;
  subject: string | null;
  body: string;
  segments: number;
  status: 'queued' | 'sending' | 'sent' | 'delivered' | 'failed' | 'skipped';
  statusReason: string | null;
  sentByName: string | null;
  createdAt: string;
}
export interface OutboxItem {
  id: string;
  channel: Channel;
  recipient: string;
  subject: string | null;
  body: string;
  parts: number;
  receivedAt: string;
}
export interface Preview {
  subject: string | null;
  body: string;
  segments: number;
  encoding: 'gsm7' | 'ucs2' | null;
}

export const useTemplates = () =>
  useQuery({ queryKey: ['message-templates'], queryFn: () => get<{ items: Template[] }>('/api/message-templates') });

export function useCreateTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (t: Omit<Template, 'id' | 'createdAt'>) => post<Template>('/api/message-templates', t),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['message-templates'] }),
  });
}

export const usePreview = (templateId: string, customerId: string) =>
  useQuery({
    queryKey: ['message-preview', templateId, customerId],
    queryFn: () => post<Preview>(`/api/message-templates/${templateId}/preview`, { customerId }),
    enabled: templateId !== '',
  });

export const useCustomerMessages = (customerId: string) =>
  useQuery({
    queryKey: ['customer-messages', customerId],
    queryFn: () => get<{ items: Message[] }>(`/api/customers/${customerId}/messages`),
    // Delivery receipts change statuses after the send: look again while any message is still under way.
    refetchInterval: (q) =>
      q.state.data?.items.some((m) => m.status === 'queued' || m.status === 'sending' || m.status === 'sent')
        ? 3000
        : false,
  });

export function useSendMessage(customerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (m: {
      channel: Channel;
      templateId?: string;
      text?: string;
      subject?: string;
      idempotencyKey: string;
    }) => post<Message>('/api/messages', { customerId, ...m }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['customer-messages', customerId] }),
  });
}

export const useMessagingStatus = () =>
  useQuery({ queryKey: ['messaging-status'], queryFn: () => get<{ localSinks: boolean }>('/api/messaging/status') });

export const useTestOutbox = () =>
  useQuery({
    queryKey: ['test-outbox'],
    queryFn: () => get<{ items: OutboxItem[] }>('/api/messaging/test-outbox', { limit: 100 }),
  });
