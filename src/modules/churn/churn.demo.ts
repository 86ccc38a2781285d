import type { DemoContext } from '../../platform/demo.ts';
import type { Services } from '../../platform/module.ts';
import { addDays, atInstant, daysBetween, startOfBusinessDay, today } from '../../platform/clock.ts';
import { cancelAccount } from '../customers/index.ts';
import { REASON_CATEGORIES } from './churn.tables.ts';
import { currentMonth, refreshRiskScores } from './risk/refresh-scores.ts';
import { collectSignals, monthsBefore, saveSignals } from './risk/signal-store.ts';
import { syntheticHistories } from './risk/synthetic-history.ts';

const COMPETITORS = ['中国移动', '中国电信', '中国广电'];

/**
 * Demo: six months of signals for every demo customer (drawn so that some decline or outgrow their package; spend
 * and usage from billing's demo bills where there are some; complaints, faults and satisfaction only from the real
 * work orders, so a reason shown beside a score matches the customer's work-order tab), then some of those who show
 * it leave: their accounts are cancelled on a day in the past 80 days, through the same rules as a cancellation
 * today (the subscription ends, a churn record is written), then one scoring run so the at-risk list is not empty.
 */
export async function seedChurnDemo({ db }: Services, demo: DemoContext): Promise<void> {
  const asOf = currentMonth();
  const histories = syntheticHistories(demo.customerIds.length, 7, new Date(`${asOf}T00:00:00Z`));
  const rows = histories.flatMap((h, i) =>
    h.history.months.map((m) => ({
      ...m,
      complaints: 0,
      faults: 0,
      satisfaction: null,
      customerId: demo.customerIds[i],
      arrears: h.history.arrears,
    })),
  );
  await saveSignals(db, asOf, rows);
  // Where billing's demo has billed a month, its spend and usage replace the drawn ones, so the reasons
  // shown beside a score agree with the customer's bills.
  for (let k = 6; k >= 1; k--) await collectSignals(db, monthsBefore(asOf, k));
  const churners = histories
    .map((h, i) => ({ h, id: demo.customerIds[i] }))
    .filter(({ h }) => h.churned)
    .slice(0, Math.ceil(demo.customerIds.length / 20));
  for (const { id } of churners) {
    const daysAgo = 1 + Math.floor(demo.random() * 80);
    const category = REASON_CATEGORIES[Math.floor(demo.random() * REASON_CATEGORIES.length)];
    const competitor = demo.random() < 0.6 ? COMPETITORS[Math.floor(demo.random() * COMPETITORS.length)] : null;
    const churnedOn = addDays(today(), -daysAgo);
    const openedOn = demo.customerOpenedOn.get(id);
    // A customer leaves after opening their account, and only one who owes nothing can cancel.
    if (openedOn && daysBetween(openedOn, churnedOn) < 1) continue;
    const at = new Date(startOfBusinessDay(churnedOn).getTime() + 15 * 3_600_000);
    try {
      await atInstant(at, () => cancelAccount(db, demo.ctx, id, competitor ? `转网到${competitor}` : '不再使用'));
    } catch (e) {
      if ((e as { code?: string }).code === 'CUSTOMER_HAS_ARREARS') continue;
      throw e;
    }
    await db
      .updateTable('churn_records')
      .set({ reason_category: category, competitor })
      .where('customer_id', '=', id)
      .execute();
  }
  await refreshRiskScores(db, { asOf });
}
