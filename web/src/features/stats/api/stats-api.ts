import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get, withQuery } from '../../../app/api-client.ts';
import { currentLanguage } from '../../../app/i18n.ts';

export const STATS_GROUPS = ['region', 'category', 'level', 'lifecycle', 'segment', 'month'] as const;
export type StatsGroup = (typeof STATS_GROUPS)[number];

/** The server's customer statistics (src/modules/stats/stats.schema.ts). */
export interface StatsRow {
  key: string;
  label: string;
  active: number;
  new: number;
  cancelled: number;
  churned: number;
  revenue: string | null;
  arpu: string | null;
}
export interface CustomerStats {
  groupBy: StatsGroup;
  from: string;
  to: string;
  rows: StatsRow[];
  totals: StatsRow;
}
export interface StatsFilters {
  groupBy: StatsGroup;
  from?: string;
  to?: string;
  region?: string;
}

export function useCustomerStats(filters: StatsFilters) {
  return useQuery({
    queryKey: ['stats', 'customers', filters],
    placeholderData: keepPreviousData,
    queryFn: () => get<CustomerStats>('/api/stats/customers', { ...filters }),
  });
}

export const statsXlsxHref = (filters: StatsFilters) =>
  withQuery('/api/stats/customers.xlsx', { ...filters, lang: currentLanguage() });
