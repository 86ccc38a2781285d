import { sql } from 'kysely';
import type { DemoContext } from '../../platform/demo.ts';
import type { Services } from '../../platform/module.ts';
import { withTransaction } from '../../platform/db.ts';
import { ensureMonthPartition } from './usage-partitions.ts';
import { runBilling } from './billing-run.ts';
import { refreshArrears } from './balances.ts';
import { addMonths, firstDayOfMonth, now, thisMonth, toBusinessDateTime } from '../../platform/clock.ts';

const DEMO_MONTHS = 6;

/**
 * Six complete months of usage for the demo customers (calls of every type, busy and idle data, SMS), billed, and
 * paid early in the next month except by every seventh customer, who is in arrears. A bill is paid on the 10th of
 * the next month, or earlier when that day has not come yet (on the 3rd, last month's bill was paid before today),
 * so the demo looks the same on every day of the month. Deterministic: quantities come from hashes of the customer
 * and record number.
 */
export async function seedBillingDemo(services: Services, demo: DemoContext): Promise<void> {
  if (demo.customerIds.length === 0) return;
  const { db } = services;
  const months = Array.from({ length: DEMO_MONTHS }, (_, i) =>
    firstDayOfMonth(addMonths(thisMonth(), i - DEMO_MONTHS)),
  );
  // Payments are made in the past: at the latest a minute before now.
  const latestPayment = new Date(now().getTime() - 60_000);
  const ids = sql.join(demo.customerIds.map((id) => sql`${id}::bigint`));
  await withTransaction(db, async (trx) => {
    const batch = await trx
      .insertInto('import_batches')
      .values({
        kind: 'usage',
        batch_key: 'demo',
        file_name: 'demo data',
        encoding: 'utf-8',
        mapping: '{}',
        total_rows: 0,
        accepted: 0,
        rejected: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const month of months) {
      await ensureMonthPartition(trx, month);
      await sql`INSERT INTO usage_records (customer_id, started_at, source_id, kind, area, direction, busy, quantity, batch_id)
        SELECT c.id, ${month}::date + make_interval(days => h % 27, hours => 7 + h % 16, mins => h % 60),
          'DEMO-' || c.id || '-' || ${month} || '-' || g,
          CASE WHEN g <= 40 THEN 'call' WHEN g <= 60 THEN 'data' ELSE 'sms' END,
          CASE WHEN g > 40 THEN (ARRAY['local','local','local','domestic_roaming'])[1 + h % 4]
               -- Only one customer in four calls abroad.
               WHEN h % 20 >= 18 AND c.id % 4 <> 0 THEN 'local'
               ELSE (ARRAY['local','local','local','local','local','local','local','local','local','local','local','local',
                 'provincial_ld','provincial_ld','domestic_ld','domestic_ld','provincial_roaming','domestic_roaming','international','international_roaming'])[1 + h % 20] END,
          CASE WHEN g <= 40 AND h % 3 = 0 THEN 'in' ELSE 'out' END,
          h % 16 < 12,
          CASE WHEN g <= 40 THEN 30 + (h % 100) * (c.id % 5 + 1) * 6 WHEN g <= 60 THEN 50000 + (h % 1000) * (c.id % 7 + 1) * 600 ELSE 1 + h % 3 END,
          ${batch.id}
        FROM unnest(ARRAY[${ids}]) AS c(id), generate_series(1, 65) AS g,
          LATERAL (SELECT abs(hashtext(c.id::text || '-' || g || '-' || ${month})) AS h) x
        -- Usage only while the customer has a package: never before their subscription started.
        WHERE ${month}::date + make_interval(days => h % 27) >= (SELECT min(s.starts_on) FROM subscriptions s WHERE s.customer_id = c.id AND s.kind = 'package')`.execute(
        trx,
      );
    }
  });
  for (const month of months) await runBilling(db, demo.ctx, month);
  await withTransaction(db, async (trx) => {
    await sql`INSERT INTO payments (customer_id, source_id, paid_at, amount, place, method)
      SELECT b.customer_id, 'DEMO-PAY-' || b.id, least(b.month + interval '1 month 9 days 10 hours', ${toBusinessDateTime(latestPayment)}::timestamp), b.total,
        (ARRAY['泉城路营业厅', '网上营业厅', '香港中路营业厅'])[1 + b.customer_id % 3], (ARRAY['现金', '微信', '支付宝', '银行代扣'])[1 + b.customer_id % 4]
      FROM bills b WHERE b.customer_id % 7 <> 0 AND b.total > 0`.execute(trx);
    await refreshArrears(trx, sql`SELECT unnest(ARRAY[${ids}]) AS customer_id`);
  });
}
