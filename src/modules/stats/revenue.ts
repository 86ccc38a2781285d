import type { RequestContext } from '../../platform/access/context.ts';
import type { Db } from '../../platform/db.ts';
import { loadUsageProfiles } from '../billing/index.ts';
import { monthOf, monthsBetween } from '../../platform/clock.ts';

const PAGE = 5000;

/**
 * What billing charged each customer in the caller's scope over the months of a period, in cents, read
 * through billing's monthly usage profile (base fee + voice + internet spend). Null when billing has no
 * profile for any of those months.
 */
export async function revenueByCustomer(db: Db, ctx: RequestContext, from: string, to: string) {
  const byCustomer = new Map<string, number>();
  const totalsByMonth = new Map<string, number>();
  let any = false;
  for (const month of monthsBetween(monthOf(from), monthOf(to))) {
    let after: string | undefined;
    let monthTotal = 0;
    for (;;) {
      const page = await loadUsageProfiles(db, month, { ctx, afterCustomerId: after, limit: PAGE });
      for (const p of page) {
        const cents = Math.round((p.baseFee + p.voiceSpend + p.internetSpend) * 100);
        byCustomer.set(p.customerId, (byCustomer.get(p.customerId) ?? 0) + cents);
        monthTotal += cents;
      }
      if (page.length) any = true;
      if (page.length < PAGE) break;
      after = page[page.length - 1].customerId;
    }
    totalsByMonth.set(month, monthTotal);
  }
  return any ? { byCustomer, totalsByMonth } : null;
}
