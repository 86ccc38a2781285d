import { sql, type RawBuilder } from 'kysely';

/**
 * The package each customer had during a month, as SQL the rating engine embeds: one row per package
 * subscription overlapping [monthStart, monthEnd), clipped to the month, with its tariff. Columns:
 * segment_id, customer_id, product_id, product_name, seg_start, seg_end (exclusive), days, month_days,
 * monthly_fee, included_minutes, included_data_gb and the rates.
 * Kept here because the products module owns these tables.
 */
export function packageSegmentsSql(monthStart: string, customerIds?: RawBuilder<unknown>): RawBuilder<unknown> {
  const filter = customerIds ? sql`AND s.customer_id IN (${customerIds})` : sql``;
  return sql`SELECT s.id AS segment_id, s.customer_id, s.product_id, p.name AS product_name,
      greatest(s.starts_on, ${monthStart}::date) AS seg_start,
      least(coalesce(s.ends_on, 'infinity'::date), (${monthStart}::date + interval '1 month')::date) AS seg_end,
      least(coalesce(s.ends_on, 'infinity'::date), (${monthStart}::date + interval '1 month')::date) - greatest(s.starts_on, ${monthStart}::date) AS days,
      ((${monthStart}::date + interval '1 month')::date - ${monthStart}::date) AS month_days,
      p.monthly_fee, p.included_minutes, p.included_data_gb, p.call_out_rate, p.call_in_rate, p.data_rate,
      p.special_call_rate, p.special_data_rate, p.roaming_call_rate, p.roaming_data_rate, p.sms_rate
    FROM subscriptions s JOIN products p ON p.id = s.product_id
    WHERE s.kind = 'package' AND s.starts_on < (${monthStart}::date + interval '1 month')::date
      AND (s.ends_on IS NULL OR s.ends_on > ${monthStart}::date) ${filter}`;
}

/**
 * The add-on services each customer is billed for in a month, as SQL the rating engine embeds. Two kinds:
 * - a **pack** (a service that includes minutes or data, such as 7天10G流量包): charged its fee once, in full, in
 *   the month its subscription starts, and its minutes and GB are added in full to that month's allowance;
 * - a **monthly service** (no allowance, such as 语音信箱): its fee prorated by the days it ran in the month,
 *   like a package's.
 * Free services (fee 0, no allowance: those packages bundle) are left out. Columns: subscription_id,
 * customer_id, product_id, starts_on, seg_start, days, month_days, monthly_fee, is_pack, included_minutes,
 * included_data_gb.
 */
export function serviceSegmentsSql(monthStart: string, customerIds?: RawBuilder<unknown>): RawBuilder<unknown> {
  const filter = customerIds ? sql`AND s.customer_id IN (${customerIds})` : sql``;
  const next = sql`(${monthStart}::date + interval '1 month')::date`;
  return sql`SELECT * FROM (SELECT s.id AS subscription_id, s.customer_id, s.product_id, s.starts_on,
      greatest(s.starts_on, ${monthStart}::date) AS seg_start,
      least(coalesce(s.ends_on, 'infinity'::date), ${next}) - greatest(s.starts_on, ${monthStart}::date) AS days,
      (${next} - ${monthStart}::date) AS month_days,
      p.monthly_fee, (p.included_minutes > 0 OR p.included_data_gb > 0) AS is_pack, p.included_minutes, p.included_data_gb
    FROM subscriptions s JOIN products p ON p.id = s.product_id
    WHERE s.kind = 'service' AND s.starts_on < ${next} AND (s.ends_on IS NULL OR s.ends_on > ${monthStart}::date)
      AND (p.monthly_fee > 0 OR p.included_minutes > 0 OR p.included_data_gb > 0) ${filter}) v
    WHERE v.days > 0 AND (NOT v.is_pack OR v.starts_on >= ${monthStart}::date)`;
}

/** SQL true when the customer (an SQL expression) had a package on the day (an SQL date expression). */
export function hasPackageOnSql(customerId: RawBuilder<unknown>, day: RawBuilder<unknown>): RawBuilder<boolean> {
  return sql<boolean>`EXISTS (SELECT 1 FROM subscriptions s WHERE s.customer_id = ${customerId} AND s.kind = 'package'
    AND s.starts_on <= ${day} AND (s.ends_on IS NULL OR s.ends_on > ${day}))`;
}
