import type { DemoContext } from '../../platform/demo.ts';
import type { Services } from '../../platform/module.ts';
import { REASON_CATEGORIES } from './churn.tables.ts';
import { currentMonth, refreshRiskScores } from './risk/refresh-scores.ts';
import { collectSignals, monthsBefore, saveSignals } from './risk/signal-store.ts';
import { syntheticHistories } from './risk/synthetic-history.ts';

const COMPETITORS = ['中国移动', '中国电信', '中国广电'];

/**
 * Demo: six months of signals for every demo customer (drawn so that some decline, complain or outgrow
 * their package; spend and usage from billing's demo bills where there are some), churn records for some
 * of those who show it, then one scoring run so the at-risk list is not empty on a first start.
 */
export async function seedChurnDemo({ db }: Services, demo: DemoContext): Promise<void> {
  const asOf = currentMonth();
  const histories = syntheticHistories(demo.customerIds.length, 7, new Date(`${asOf}T00:00:00Z`));
  const rows = histories.flatMap((h, i) => h.history.months.map((m) => ({ ...m, customerId: demo.customerIds[i], arrears: h.history.arrears })));
  await saveSignals(db, asOf, rows);
  // Where billing's demo has billed a month, its spend and usage replace the drawn ones, so the reasons
  // shown beside a score agree with the customer's bills.
  for (let k = 6; k >= 1; k--) await collectSignals(db, monthsBefore(asOf, k));
  const churners = histories.map((h, i) => ({ h, id: demo.customerIds[i] })).filter(({ h }) => h.churned).slice(0, Math.ceil(demo.customerIds.length / 20));
  for (const { id } of churners) {
    const daysAgo = 1 + Math.floor(demo.random() * 80);
    await db.insertInto('churn_records').values({
      customer_id: id, churned_on: new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10),
      reason_category: REASON_CATEGORIES[Math.floor(demo.random() * REASON_CATEGORIES.length)],
      competitor: demo.random() < 0.6 ? COMPETITORS[Math.floor(demo.random() * COMPETITORS.length)] : null,
      source: 'import', created_by: demo.ctx.employeeId,
    }).execute();
  }
  await refreshRiskScores(db, { asOf });
}
