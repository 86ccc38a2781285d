import { sql, type RawBuilder } from 'kysely';
import type { Trx } from '../../platform/db.ts';
import type { ImportSpec } from './import-spec.ts';
import { customerKeys, parsedTimestamp } from './import-sql.ts';
import { rerateLateUsage } from './billing-run.ts';

const KIND = sql`CASE WHEN kind_raw IN ('call', 'voice', '通话', '语音') THEN 'call' WHEN kind_raw IN ('data', 'gprs', '流量', '上网') THEN 'data'
  WHEN kind_raw IN ('sms', 'mms', '短信', '彩信') THEN 'sms' END`;
const AREA = sql`CASE area_raw
  WHEN 'local' THEN 'local' WHEN '本地' THEN 'local' WHEN '' THEN 'local'
  WHEN 'provincial_ld' THEN 'provincial_ld' WHEN '省内长途' THEN 'provincial_ld'
  WHEN 'domestic_ld' THEN 'domestic_ld' WHEN '国内长途' THEN 'domestic_ld'
  WHEN 'international' THEN 'international' WHEN '国际长途' THEN 'international'
  WHEN 'provincial_roaming' THEN 'provincial_roaming' WHEN '省内漫游' THEN 'provincial_roaming'
  WHEN 'domestic_roaming' THEN 'domestic_roaming' WHEN '国内漫游' THEN 'domestic_roaming'
  WHEN 'international_roaming' THEN 'international_roaming' WHEN '国际漫游' THEN 'international_roaming' END`;

/**
 * Usage records: calls (quantity = seconds), data sessions (KB) and SMS (messages). Busy or idle is taken
 * from the file when mapped, otherwise busy hours are 08:00–22:59.
 */
export const usageImport: ImportSpec = {
  kind: 'usage',
  fields: [
    { key: 'sourceId', required: true }, { key: 'customer', required: true }, { key: 'kind', required: true },
    { key: 'area', required: false }, { key: 'direction', required: false }, { key: 'startedAt', required: true },
    { key: 'quantity', required: true }, { key: 'busy', required: false },
  ],
  dateField: 'startedAt',
  async apply(trx: Trx, stage: string, col: (field: string) => RawBuilder<unknown>, batchId: string, range: { from: string; to: string }) {
    const result = await sql<{ accepted: number; rejected: number; months: string[] }>`
      WITH s AS (
        SELECT row_no, trim(${col('sourceId')}) AS source_id, trim(${col('customer')}) AS cust, lower(trim(${col('kind')})) AS kind_raw,
          lower(trim(coalesce(${col('area')}, ''))) AS area_raw, lower(trim(coalesce(${col('direction')}, ''))) AS dir_raw,
          replace(trim(${col('startedAt')}), '/', '-') AS ts_raw, trim(${col('quantity')}) AS qty_raw, lower(trim(coalesce(${col('busy')}, ''))) AS busy_raw
        FROM ${sql.table(stage)}
      ), n AS (
        SELECT s.*, ${KIND} AS kind, ${AREA} AS area,
          CASE WHEN dir_raw IN ('', 'out', 'mo', '主叫') THEN 'out' WHEN dir_raw IN ('in', 'mt', '被叫') THEN 'in' END AS direction,
          ${parsedTimestamp(sql`ts_raw`)} AS started_at,
          CASE WHEN qty_raw ~ '^[0-9]{1,15}$' THEN qty_raw::bigint END AS quantity,
          CASE WHEN busy_raw IN ('busy', '忙时', '1', 'true', 'y') THEN true WHEN busy_raw IN ('idle', '闲时', '0', 'false', 'n') THEN false END AS busy_given
        FROM s
      ), k AS (${customerKeys(sql`SELECT DISTINCT trim(${col('customer')}) FROM ${sql.table(stage)}`)}),
      c AS MATERIALIZED (
        SELECT n.row_no, n.source_id, n.kind, n.area, n.direction, n.started_at, n.quantity, k.customer_id,
          coalesce(n.busy_given, extract(hour FROM n.started_at) BETWEEN 8 AND 22) AS busy,
          CASE
            WHEN coalesce(n.source_id, '') = '' THEN 'missing record id'
            WHEN n.kind IS NULL THEN 'unknown record type "' || coalesce(n.kind_raw, '') || '"'
            WHEN n.area IS NULL THEN 'unknown call type "' || n.area_raw || '"'
            WHEN n.direction IS NULL THEN 'unknown direction "' || n.dir_raw || '"'
            WHEN n.busy_given IS NULL AND n.busy_raw <> '' THEN 'unknown busy/idle value "' || n.busy_raw || '"'
            WHEN n.started_at IS NULL THEN 'bad date "' || coalesce(n.ts_raw, '') || '"'
            WHEN n.qty_raw ~ '^-' THEN 'negative ' || CASE n.kind WHEN 'call' THEN 'duration' WHEN 'data' THEN 'volume' ELSE 'count' END
            WHEN n.quantity IS NULL THEN 'bad quantity "' || coalesce(n.qty_raw, '') || '"'
            WHEN k.matches IS NULL THEN 'unknown customer "' || coalesce(n.cust, '') || '"'
            WHEN k.matches > 1 THEN 'phone ' || n.cust || ' belongs to several customers; use the customer number'
            WHEN row_number() OVER (PARTITION BY n.source_id, n.started_at ORDER BY n.row_no) > 1 THEN 'duplicate record id ' || n.source_id || ' in this file'
            WHEN u.source_id IS NOT NULL THEN 'already imported (record ' || n.source_id || ')'
          END AS error
        FROM n LEFT JOIN k ON k.cust = n.cust
        -- An anti-join, not a probe per row; the month bounds let the planner read only the partitions the file touches.
        LEFT JOIN usage_records u ON u.source_id = n.source_id AND u.started_at = n.started_at
          AND u.started_at >= ${range.from}::date AND u.started_at < ${range.to}::date
      ), ins AS (
        INSERT INTO usage_records (customer_id, started_at, source_id, kind, area, direction, busy, quantity, batch_id)
        SELECT customer_id, started_at, source_id, kind, area, direction, busy, quantity, ${batchId} FROM c WHERE error IS NULL
        RETURNING started_at
      ), err AS (
        INSERT INTO import_errors (batch_id, row_no, message) SELECT ${batchId}, row_no + 1, error FROM c WHERE error IS NOT NULL RETURNING 1
      )
      SELECT (SELECT count(*)::int FROM ins) AS accepted, (SELECT count(*)::int FROM err) AS rejected,
        (SELECT coalesce(array_agg(DISTINCT to_char(started_at, 'YYYY-MM-01')), '{}') FROM ins) AS months`.execute(trx);
    return result.rows[0];
  },
  async afterApply(trx, batchId, months) {
    for (const month of months) {
      await rerateLateUsage(trx, month, sql`SELECT DISTINCT customer_id FROM usage_records
        WHERE batch_id = ${batchId} AND started_at >= ${month}::date AND started_at < (${month}::date + interval '1 month')`);
    }
  },
};

