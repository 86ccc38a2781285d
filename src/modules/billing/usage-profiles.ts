import type { RequestContext } from '../../platform/access/context.ts';
import type { Db, Trx } from '../../platform/db.ts';
import { visibleCustomerIds } from '../customers/index.ts';
import './billing.tables.ts';

/**
 * The 15 segmentation variables of the monthly usage profile, in the order of the source document's
 * table 3.1, with labels for pages and exports. Spends are ¥ the bill charged; minutes are whole billed
 * minutes of every call (in or out); traffic is GB of every data session.
 */
export const USAGE_PROFILE_VARIABLES = [
  { key: 'baseFee', zh: '月基本费', en: 'Monthly base fee' },
  { key: 'voiceSpend', zh: '月语音消费', en: 'Voice spend' },
  { key: 'localCallSpend', zh: '本地通话费', en: 'Local call spend' },
  { key: 'longDistanceSpend', zh: '长途通话费', en: 'Long-distance spend' },
  { key: 'roamingSpend', zh: '漫游通话费', en: 'Roaming spend' },
  { key: 'localMinutes', zh: '本地通话时长', en: 'Local minutes' },
  { key: 'provincialLdMinutes', zh: '省内长途时长', en: 'Provincial long-distance minutes' },
  { key: 'domesticLdMinutes', zh: '国内长途时长', en: 'Domestic long-distance minutes' },
  { key: 'internationalMinutes', zh: '国际长途时长', en: 'International minutes' },
  { key: 'provincialRoamingMinutes', zh: '省内漫游时长', en: 'Provincial roaming minutes' },
  { key: 'domesticRoamingMinutes', zh: '国内漫游时长', en: 'Domestic roaming minutes' },
  { key: 'internationalRoamingMinutes', zh: '国际漫游时长', en: 'International roaming minutes' },
  { key: 'internetSpend', zh: '上网费', en: 'Internet spend' },
  { key: 'busyDataGb', zh: '忙时上网流量(GB)', en: 'Busy-hour traffic (GB)' },
  { key: 'idleDataGb', zh: '闲时上网流量(GB)', en: 'Idle-hour traffic (GB)' },
] as const;

export type UsageProfileVariable = (typeof USAGE_PROFILE_VARIABLES)[number]['key'];

/** One row of the wide table. The variables are numbers (analysis input); ids and the month stay strings. */
export type UsageProfile = { customerId: string; month: string } & Record<UsageProfileVariable, number>;

export interface UsageProfileFilter {
  /** Only these customers. */
  customerIds?: readonly string[];
  /** Only customers inside this caller's data scope. */
  ctx?: RequestContext;
  /** Keyset paging over a large month: rows with customer id greater than this, at most `limit` of them. */
  afterCustomerId?: string;
  limit?: number;
}

/**
 * Reads the monthly usage profiles of `month` ('2026-10' or '2026-10-01'), ordered by customer id.
 * Customers with no rated usage or fee that month have no row.
 */
export async function loadUsageProfiles(
  db: Db | Trx,
  month: string,
  filter: UsageProfileFilter = {},
): Promise<UsageProfile[]> {
  let query = db
    .selectFrom('usage_profiles as p')
    .selectAll('p')
    .where('p.month', '=', monthStart(month))
    .orderBy('p.customer_id');
  if (filter.customerIds) {
    if (filter.customerIds.length === 0) return [];
    query = query.where('p.customer_id', 'in', filter.customerIds as string[]);
  }
  if (filter.ctx) query = query.where('p.customer_id', 'in', visibleCustomerIds(db, filter.ctx));
  if (filter.afterCustomerId) query = query.where('p.customer_id', '>', filter.afterCustomerId);
  if (filter.limit) query = query.limit(filter.limit);
  const rows = await query.execute();
  return rows.map((r) => ({
    customerId: r.customer_id,
    month: r.month,
    baseFee: Number(r.base_fee),
    voiceSpend: Number(r.voice_spend),
    localCallSpend: Number(r.local_call_spend),
    longDistanceSpend: Number(r.long_distance_spend),
    roamingSpend: Number(r.roaming_spend),
    localMinutes: r.local_minutes,
    provincialLdMinutes: r.provincial_ld_minutes,
    domesticLdMinutes: r.domestic_ld_minutes,
    internationalMinutes: r.international_minutes,
    provincialRoamingMinutes: r.provincial_roaming_minutes,
    domesticRoamingMinutes: r.domestic_roaming_minutes,
    internationalRoamingMinutes: r.international_roaming_minutes,
    internetSpend: Number(r.internet_spend),
    busyDataGb: Number(r.busy_data_gb),
    idleDataGb: Number(r.idle_data_gb),
  }));
}

/** '2026-10' or '2026-10-17' → '2026-10-01'. */
export function monthStart(month: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  return `${m[1]}-${m[2]}-01`;
}
