import type { Db } from '../../platform/db.ts';
import { demoMobile, seededRandom } from '../../platform/demo.ts';
import { saveSignals, monthsBefore } from './risk/signal-store.ts';
import { syntheticHistories } from './risk/synthetic-history.ts';

/**
 * Writes a synthetic churn history into a database, for the API tests: customers with six
 * months of signals before a snapshot three months ago, churn records in the quarter after it for those
 * the generator made churn, and three recent months of signals for everyone to be scored on.
 * Customers are inserted directly (with back-dated opening dates): this is test tooling, not a user path.
 */
export async function writeSyntheticHistory(
  db: Db,
  opts: { count: number; seed: number; asOf: string; regionId: string; managerId: string | null },
) {
  const snapshot = monthsBefore(opts.asOf, 3);
  const past = syntheticHistories(opts.count, opts.seed, new Date(`${snapshot}T00:00:00Z`));
  const recent = syntheticHistories(opts.count, opts.seed + 1, new Date(`${opts.asOf}T00:00:00Z`), 3);
  const random = seededRandom(opts.seed);
  const ids: string[] = [];
  for (let i = 0; i < past.length; i += 1000) {
    const rows = await db
      .insertInto('customers')
      .values(
        past.slice(i, i + 1000).map((c, k) => ({
          name: `合成客户${i + k + 1}`,
          phone: demoMobile(random),
          category: 'individual' as const,
          region_id: opts.regionId,
          account_manager_id: opts.managerId,
          created_at: new Date(Date.parse(`${snapshot}T00:00:00Z`) - c.history.tenureMonths * 30.44 * 86_400_000),
        })),
      )
      .returning('id')
      .execute();
    ids.push(...rows.map((r) => r.id));
  }
  const signals = [...past, ...recent].flatMap((c, i) => {
    const customerId = ids[i % ids.length];
    return c.history.months.map((m) => ({ ...m, customerId, arrears: c.history.arrears }));
  });
  await saveSignals(db, snapshot, signals);
  const snapshotTime = Date.parse(`${snapshot}T00:00:00Z`);
  const span = Date.parse(`${opts.asOf}T00:00:00Z`) - snapshotTime;
  const churned = past.flatMap((c, i) => (c.churned ? [ids[i]] : []));
  for (let i = 0; i < churned.length; i += 1000) {
    await db
      .insertInto('churn_records')
      .values(
        churned.slice(i, i + 1000).map((customerId) => ({
          customer_id: customerId,
          churned_on: new Date(snapshotTime + Math.floor(random() * span)).toISOString().slice(0, 10),
          source: 'import' as const,
        })),
      )
      .execute();
  }
  return { customerIds: ids, churned };
}
