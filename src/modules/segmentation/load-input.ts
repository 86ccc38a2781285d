import type { RequestContext } from '../../platform/access/context.ts';
import type { Db } from '../../platform/db.ts';
import { loadUsageProfiles, type UsageProfile, type UsageProfileVariable } from '../billing/index.ts';
import { selectCustomerIds, type CustomerSelection } from '../customers/index.ts';

/** Ids per profile query: keeps each IN list well under PostgreSQL's parameter limit. */
const CHUNK = 5_000;

export interface SegmentationInput {
  customerIds: string[];
  /** n×d, one row per customer, columns in `variables` order, original units. */
  matrix: Float64Array;
}

/** '2026-10', 3 → ['2026-10', '2026-09', '2026-08']. */
export function monthsUpTo(month: string, count: number): string[] {
  const [year, mon] = month.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(year, mon - 1 - i, 1));
    return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

/**
 * The usage profiles of the customers matching `filter` in the caller's scope, averaged over the months a
 * customer has a profile in (a customer with none is left out). `onChunk` reports 0..1 while reading.
 */
export async function loadSegmentationInput(
  db: Db,
  ctx: RequestContext,
  params: { month: string; months: number; filter: CustomerSelection; variables: readonly string[] },
  onChunk: (done: number) => void | Promise<void> = () => {},
): Promise<SegmentationInput> {
  const ids = await selectCustomerIds(db, ctx, params.filter);
  const months = monthsUpTo(params.month, params.months);
  const keys = params.variables as UsageProfileVariable[];
  const d = keys.length;
  const customerIds: string[] = [];
  const matrix = new Float64Array(ids.length * d);
  for (let from = 0; from < ids.length; from += CHUNK) {
    const chunk = ids.slice(from, from + CHUNK);
    const byCustomer = new Map<string, UsageProfile[]>();
    for (const month of months) {
      for (const profile of await loadUsageProfiles(db, month, { customerIds: chunk })) {
        const list = byCustomer.get(profile.customerId);
        if (list) list.push(profile);
        else byCustomer.set(profile.customerId, [profile]);
      }
    }
    for (const id of chunk) {
      const profiles = byCustomer.get(id);
      if (!profiles) continue;
      const row = customerIds.push(id) - 1;
      keys.forEach((key, t) => {
        matrix[row * d + t] = profiles.reduce((s, p) => s + p[key], 0) / profiles.length;
      });
    }
    await onChunk(Math.min(1, (from + CHUNK) / ids.length));
  }
  return { customerIds, matrix: matrix.subarray(0, customerIds.length * d) };
}

/** How many customers matching the filter have a profile in the window, counting no further than `atLeast`. */
export async function countCustomersWithProfiles(
  db: Db,
  ctx: RequestContext,
  params: { month: string; months: number; filter: CustomerSelection },
  atLeast: number,
): Promise<number> {
  const ids = await selectCustomerIds(db, ctx, params.filter);
  const found = new Set<string>();
  for (let from = 0; from < ids.length && found.size < atLeast; from += CHUNK) {
    const chunk = ids.slice(from, from + CHUNK);
    for (const month of monthsUpTo(params.month, params.months)) {
      for (const p of await loadUsageProfiles(db, month, { customerIds: chunk })) found.add(p.customerId);
    }
  }
  return found.size;
}
