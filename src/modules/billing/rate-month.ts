import { sql, type RawBuilder } from 'kysely';
import type { Trx } from '../../platform/db.ts';
import { refreshArrears } from './balances.ts';
import { packageSegmentsSql, serviceSegmentsSql } from '../products/index.ts';
import { ensureMonthPartition } from './usage-partitions.ts';

const KB_PER_GB = 1048576;

/**
 * The rating engine. Turns a month of usage into one itemised bill per customer, in SQL with exact
 * `numeric` arithmetic, and writes the month's usage profile and the customers' arrears in the same
 * transaction. Rules (docs/billing.md, "Rating rules"):
 * - Each package subscription overlapping the month is a segment clipped to the month. Its base fee and its
 *   allowances are prorated by days: fee × days ÷ days-in-month rounded to the fen, allowances floored.
 * - A record belongs to the segment in force when it started; records with no package are counted as unrated.
 * - Calls bill whole minutes (seconds rounded up per call). Outgoing domestic calls (local, long distance,
 *   provincial and domestic roaming) use the included minutes, then the outgoing rate. Incoming calls pay the
 *   incoming rate, international calls the special rate, international roaming calls (either way) the roaming rate.
 * - Domestic data (busy or idle) uses the included GB, then the data rate per GB; international roaming data
 *   pays the roaming data rate. SMS pay the SMS rate.
 * - Add-on services (serviceSegmentsSql): a monthly service's fee is prorated by days like a package's; a pack's
 *   fee is charged once in the month it starts, and its minutes and GB are added to that month's allowance.
 * - Allowances are consumed in the order the records started (ties by record id), so each record's charge,
 *   and the spend per call type in the usage profile, is reproducible.
 * Running it again for the same month and data gives the same bill; the bill's revision counts the re-ratings.
 */
export async function rateMonth(
  trx: Trx,
  opts: { month: string; runId: string; customerIds?: RawBuilder<unknown> },
): Promise<{ customers: number; total: string; unrated: number }> {
  const m = opts.month;
  // One rating of a month at a time: two runs racing would write two revisions of the same bills.
  await sql`SELECT pg_advisory_xact_lock(7423101, ${Number(m.slice(0, 4)) * 100 + Number(m.slice(5, 7))})`.execute(trx);
  await ensureMonthPartition(trx, m);
  const next = sql`(${m}::date + interval '1 month')`;
  const filter = opts.customerIds ? sql`AND u.customer_id IN (${opts.customerIds})` : sql``;

  await sql`CREATE TEMP TABLE rating_services ON COMMIT DROP AS ${serviceSegmentsSql(m, opts.customerIds)}`.execute(
    trx,
  );
  // A pack bought in the month adds its minutes and GB to the allowance of the package in force the day it was bought.
  await sql`CREATE TEMP TABLE rating_segments ON COMMIT DROP AS
    SELECT s.*, coalesce(a.minutes, 0) AS pack_minutes, coalesce(a.data_gb, 0) AS pack_data_gb
    FROM (${packageSegmentsSql(m, opts.customerIds)}) s
    LEFT JOIN LATERAL (SELECT sum(v.included_minutes) AS minutes, sum(v.included_data_gb) AS data_gb FROM rating_services v
      WHERE v.is_pack AND v.customer_id = s.customer_id AND v.starts_on >= s.seg_start AND v.starts_on < s.seg_end) a ON true
    WHERE s.days > 0`.execute(trx);
  // Temporary tables have no statistics until analysed; without them the planner guesses joins badly at scale.
  await sql`ANALYZE rating_segments`.execute(trx);
  await sql`CREATE TEMP TABLE rating_records ON COMMIT DROP AS
    WITH u AS (
      SELECT u.customer_id, u.area, u.direction, u.busy, u.kind, u.quantity, u.started_at, u.source_id, s.segment_id,
        CASE WHEN u.kind = 'call' THEN ceil(u.quantity / 60.0)::bigint ELSE u.quantity END AS units,
        CASE
          WHEN u.kind = 'call' AND u.area = 'international_roaming' THEN 'voice_roaming'
          WHEN u.kind = 'call' AND u.direction = 'in' THEN 'voice_incoming'
          WHEN u.kind = 'call' AND u.area = 'international' THEN 'voice_international'
          WHEN u.kind = 'call' THEN 'voice_domestic'
          WHEN u.kind = 'data' AND u.area = 'international_roaming' THEN 'data_roaming'
          WHEN u.kind = 'data' THEN 'data_domestic'
          ELSE 'sms' END AS code,
        CASE
          WHEN u.kind = 'call' AND u.area = 'international_roaming' THEN s.roaming_call_rate
          WHEN u.kind = 'call' AND u.direction = 'in' THEN s.call_in_rate
          WHEN u.kind = 'call' AND u.area = 'international' THEN s.special_call_rate
          WHEN u.kind = 'call' THEN s.call_out_rate
          WHEN u.kind = 'data' AND u.area = 'international_roaming' THEN s.roaming_data_rate
          WHEN u.kind = 'data' THEN s.data_rate
          ELSE s.sms_rate END AS rate,
        CASE
          WHEN u.kind = 'call' AND u.direction = 'out' AND u.area NOT IN ('international', 'international_roaming') THEN floor(s.included_minutes * s.days / s.month_days::numeric) + s.pack_minutes
          WHEN u.kind = 'data' AND u.area <> 'international_roaming' THEN floor(s.included_data_gb * ${KB_PER_GB} * s.days / s.month_days::numeric) + floor(s.pack_data_gb * ${KB_PER_GB})
          ELSE 0 END AS allowance
      FROM usage_records u
      JOIN rating_segments s ON s.customer_id = u.customer_id AND u.started_at >= s.seg_start AND u.started_at < s.seg_end
      WHERE u.started_at >= ${m}::date AND u.started_at < ${next} ${filter}
    ), c AS (
      SELECT u.*, sum(units) OVER (PARTITION BY segment_id, code ORDER BY started_at, source_id ROWS UNBOUNDED PRECEDING) AS cum FROM u
    )
    SELECT c.*, greatest(0, least(units, cum - allowance)) AS charged,
      greatest(0, least(units, cum - allowance)) * rate / (CASE WHEN kind = 'data' THEN ${KB_PER_GB} ELSE 1 END) AS charge
    FROM c`.execute(trx);
  await sql`ANALYZE rating_records`.execute(trx);

  // Items: base fee per package segment, then one line per segment and usage code.
  await sql`CREATE TEMP TABLE rating_items ON COMMIT DROP AS
    SELECT customer_id, seg_start, 0 AS ord, 'base_fee' AS code, product_id, days::numeric AS quantity, 0::numeric AS included, 'day' AS unit,
      monthly_fee AS rate, round(monthly_fee * days / month_days::numeric, 2) AS amount
    FROM rating_segments
    UNION ALL
    SELECT r.customer_id, s.seg_start, CASE r.code WHEN 'voice_domestic' THEN 1 WHEN 'voice_incoming' THEN 2 WHEN 'voice_international' THEN 3
        WHEN 'voice_roaming' THEN 4 WHEN 'data_domestic' THEN 5 WHEN 'data_roaming' THEN 6 ELSE 7 END,
      r.code, s.product_id, sum(r.units), least(sum(r.units), max(r.allowance)),
      CASE WHEN r.code LIKE 'voice%' THEN 'min' WHEN r.code LIKE 'data%' THEN 'KB' ELSE 'msg' END, max(r.rate),
      round(sum(r.charged) * max(r.rate) / (CASE WHEN r.code LIKE 'data%' THEN ${KB_PER_GB} ELSE 1 END), 2)
    FROM rating_records r JOIN rating_segments s ON s.segment_id = r.segment_id
    GROUP BY r.customer_id, s.segment_id, s.seg_start, s.product_id, r.code
    UNION ALL
    SELECT customer_id, seg_start, 8, 'service_fee', product_id, CASE WHEN is_pack THEN 1 ELSE days END, 0,
      CASE WHEN is_pack THEN 'pack' ELSE 'day' END, monthly_fee,
      CASE WHEN is_pack THEN monthly_fee ELSE round(monthly_fee * days / month_days::numeric, 2) END
    FROM rating_services WHERE monthly_fee > 0`.execute(trx);
  await sql`ANALYZE rating_items`.execute(trx);

  await sql`INSERT INTO bills (customer_id, month, total, run_id)
    SELECT customer_id, ${m}::date, sum(amount), ${opts.runId} FROM rating_items GROUP BY customer_id
    ON CONFLICT (customer_id, month) DO UPDATE SET total = excluded.total, run_id = excluded.run_id, revision = bills.revision + 1, updated_at = now()`.execute(
    trx,
  );
  await sql`DELETE FROM bill_items i USING bills b WHERE i.bill_id = b.id AND b.month = ${m}::date AND b.customer_id IN (SELECT customer_id FROM rating_items)`.execute(
    trx,
  );
  await sql`INSERT INTO bill_items (bill_id, line_no, customer_id, code, product_id, quantity, included, unit, rate, amount)
    SELECT b.id, row_number() OVER (PARTITION BY b.id ORDER BY i.seg_start, i.ord), i.customer_id, i.code, i.product_id, i.quantity, i.included, i.unit, i.rate, i.amount
    FROM rating_items i JOIN bills b ON b.customer_id = i.customer_id AND b.month = ${m}::date`.execute(trx);

  await writeUsageProfiles(trx, m);
  await refreshArrears(trx, sql`SELECT customer_id FROM rating_items`);

  const summary = await sql<{ customers: number; total: string | null; unrated: number }>`SELECT
      (SELECT count(DISTINCT customer_id)::int FROM rating_items) AS customers,
      (SELECT coalesce(sum(amount), 0)::numeric(14,2)::text FROM rating_items) AS total,
      (SELECT count(*)::int FROM usage_records u WHERE u.started_at >= ${m}::date AND u.started_at < ${next} ${filter}) - (SELECT count(*)::int FROM rating_records) AS unrated`.execute(
    trx,
  );
  await sql`DROP TABLE rating_services, rating_segments, rating_records, rating_items`.execute(trx);
  const s = summary.rows[0];
  return { customers: s.customers, total: s.total ?? '0.00', unrated: s.unrated };
}

/** The 15-variable usage profile of every customer just rated (see usage-profiles.ts). */
async function writeUsageProfiles(trx: Trx, m: string): Promise<void> {
  await sql`INSERT INTO usage_profiles (customer_id, month, base_fee, voice_spend, local_call_spend, long_distance_spend, roaming_spend,
      local_minutes, provincial_ld_minutes, domestic_ld_minutes, international_minutes, provincial_roaming_minutes, domestic_roaming_minutes,
      international_roaming_minutes, internet_spend, busy_data_gb, idle_data_gb, computed_at)
    SELECT c.customer_id, ${m}::date, coalesce(f.fee, 0),
      round(coalesce(sum(r.charge) FILTER (WHERE r.kind = 'call'), 0), 2),
      round(coalesce(sum(r.charge) FILTER (WHERE r.kind = 'call' AND r.area = 'local'), 0), 2),
      round(coalesce(sum(r.charge) FILTER (WHERE r.kind = 'call' AND r.area IN ('provincial_ld', 'domestic_ld', 'international')), 0), 2),
      round(coalesce(sum(r.charge) FILTER (WHERE r.kind = 'call' AND r.area LIKE '%roaming'), 0), 2),
      coalesce(sum(r.units) FILTER (WHERE r.kind = 'call' AND r.area = 'local'), 0),
      coalesce(sum(r.units) FILTER (WHERE r.kind = 'call' AND r.area = 'provincial_ld'), 0),
      coalesce(sum(r.units) FILTER (WHERE r.kind = 'call' AND r.area = 'domestic_ld'), 0),
      coalesce(sum(r.units) FILTER (WHERE r.kind = 'call' AND r.area = 'international'), 0),
      coalesce(sum(r.units) FILTER (WHERE r.kind = 'call' AND r.area = 'provincial_roaming'), 0),
      coalesce(sum(r.units) FILTER (WHERE r.kind = 'call' AND r.area = 'domestic_roaming'), 0),
      coalesce(sum(r.units) FILTER (WHERE r.kind = 'call' AND r.area = 'international_roaming'), 0),
      round(coalesce(sum(r.charge) FILTER (WHERE r.kind = 'data'), 0), 2),
      round(coalesce(sum(r.units) FILTER (WHERE r.kind = 'data' AND r.busy), 0) / ${KB_PER_GB}::numeric, 3),
      round(coalesce(sum(r.units) FILTER (WHERE r.kind = 'data' AND NOT r.busy), 0) / ${KB_PER_GB}::numeric, 3),
      now()
    FROM (SELECT DISTINCT customer_id FROM rating_items) c
    LEFT JOIN (SELECT customer_id, sum(amount) AS fee FROM rating_items WHERE code = 'base_fee' GROUP BY customer_id) f ON f.customer_id = c.customer_id
    LEFT JOIN rating_records r ON r.customer_id = c.customer_id
    GROUP BY c.customer_id, f.fee
    ON CONFLICT (customer_id, month) DO UPDATE SET base_fee = excluded.base_fee, voice_spend = excluded.voice_spend,
      local_call_spend = excluded.local_call_spend, long_distance_spend = excluded.long_distance_spend, roaming_spend = excluded.roaming_spend,
      local_minutes = excluded.local_minutes, provincial_ld_minutes = excluded.provincial_ld_minutes, domestic_ld_minutes = excluded.domestic_ld_minutes,
      international_minutes = excluded.international_minutes, provincial_roaming_minutes = excluded.provincial_roaming_minutes,
      domestic_roaming_minutes = excluded.domestic_roaming_minutes, international_roaming_minutes = excluded.international_roaming_minutes,
      internet_spend = excluded.internet_spend, busy_data_gb = excluded.busy_data_gb, idle_data_gb = excluded.idle_data_gb, computed_at = now()`.execute(
    trx,
  );
}
