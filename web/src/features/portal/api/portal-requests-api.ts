import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../../../app/api-client.ts';

/** Staff side of the portal: the faults and complaints customers filed (server: portal.routes.ts). */
export interface StaffPortalRequest {
  id: string; customerId: string; customerName: string; customerNo: string; kind: 'fault' | 'complaint'; subject: string; description: string;
  status: 'open' | 'in_progress' | 'resolved' | 'closed'; reply: string | null; handledBy: string | null; createdAt: string;
}

export const usePortalRequests = (status?: string) =>
  useQuery({ queryKey: ['portal-requests', status ?? ''], queryFn: () => get<{ items: StaffPortalRequest[] }>('/api/portal-requests', { status }) });

export function useAnswerRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; status: StaffPortalRequest['status']; reply?: string }) => post<StaffPortalRequest>(`/api/portal-requests/${input.id}/answer`, { status: input.status, reply: input.reply }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['portal-requests'] }),
  });
}
