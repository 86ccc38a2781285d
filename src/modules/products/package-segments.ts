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
