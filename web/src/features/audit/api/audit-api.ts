import { useInfiniteQuery } from '@tanstack/react-query';
import { get, type Page } from '../../../app/api-client.ts';

/** One row of the audit log (src/modules/audit/audit.routes.ts); `changes` is `{ field: [old, new] }` or, for sign-ins, plain facts. */
export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string;
  ip: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  changes: Record<string, unknown>;
}

export interface AuditFilters {
  entity?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

const PAGE_SIZE = 50;

/** Newest first; each "load more" fetches the page after the last `nextCursor`. */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) =>
      get<Page<AuditEntry>>('/api/audit', { ...filters, limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
