import { sql } from 'kysely';
import type { Db } from '../../platform/db.ts';

export interface MonthlyPackageFit {
  customerId: string;
  /** What the month's bill charged beyond the base fee and the add-on services' fees (¥). */
  overage: number;
  /** The larger of the shares of included minutes and included data used (0.4 = 40 %); null when the package includes neither. */
  allowanceUse: number | null;
  /** When the package held at the end of the month ends, if it does. */
  packageEnd: string | null;
}

/**
 * How well each billed customer's package fitted a month (`YYYY-MM-01`): overage paid, the share of the
 * allowance used (domestic minutes and data, from the usage profile), and the package's end date. What the
 * churn-risk model reads as "package fit" and "package expiry".
 */
export async function monthlyPackageFit(db: Db, month: string): Promise<MonthlyPackageFit[]> {
  const result = await sql<{
    customer_id: string;
    overage: string;
    allowance_use: string | null;
    package_end: string | null;
  }>`
    SELECT p.customer_id,
           coalesce((SELECT sum(bi.amount) FROM bills b JOIN bill_items bi ON bi.bill_id = b.id
                     WHERE b.customer_id = p.customer_id AND b.month = p.month AND bi.code NOT IN ('base_fee', 'service_fee')), 0) AS overage,
           least(99, greatest(
             CASE WHEN pr.included_minutes > 0 THEN (p.local_minutes + p.provincial_ld_minutes + p.domestic_ld_minutes
               + p.provincial_roaming_minutes + p.domestic_roaming_minutes)::numeric / pr.included_minutes END,
             CASE WHEN pr.included_data_gb > 0 THEN (p.busy_data_gb + p.idle_data_gb) / pr.included_data_gb END
           )) AS allowance_use,
           s.ends_on::text AS package_end
    FROM usage_profiles p
    LEFT JOIN LATERAL (
      SELECT product_id, ends_on FROM subscriptions s
      WHERE s.customer_id = p.customer_id AND s.kind = 'package'
        AND s.starts_on < p.month + interval '1 month' AND (s.ends_on IS NULL OR s.ends_on >= p.month)
      ORDER BY s.starts_on DESC LIMIT 1) s ON true
    LEFT JOIN products pr ON pr.id = s.product_id
    WHERE p.month = ${month}::date`.execute(db);
  return result.rows.map((r) => ({
    customerId: r.customer_id,
    overage: Number(r.overage),
    allowanceUse: r.allowance_use === null ? null : Math.round(Number(r.allowance_use) * 1000) / 1000,
    packageEnd: r.package_end,
  }));
}
