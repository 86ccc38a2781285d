import { sql } from 'kysely';
import type { ImportSpec } from './import-spec.ts';
import { customerKeys, parsedTimestamp } from './import-sql.ts';
import { refreshArrears } from './balances.ts';

/** Payments from the billing or cashier system: receipt id, customer, time, amount, place and method. */
export const paymentsImport: ImportSpec = {
  kind: 'payments',
  fields: [
    { key: 'sourceId', required: true }, { key: 'customer', required: true }, { key: 'paidAt', required: true },
    { key: 'amount', required: true }, { key: 'place', required: false }, { key: 'method', required: false },
  ],
  dateField: 'paidAt',
  async apply(trx, stage, col, batchId) {
    const result = await sql<{ accepted: number; rejected: number; months: string[] }>`
      WITH s AS (
        SELECT row_no, trim(${col('sourceId')}) AS source_id, trim(${col('customer')}) AS cust, replace(trim(${col('paidAt')}), '/', '-') AS ts_raw,
          replace(replace(trim(${col('amount')}), ',', ''), '¥', '') AS amount_raw, coalesce(trim(${col('place')}), '') AS place, coalesce(trim(${col('method')}), '') AS method
        FROM ${sql.table(stage)}
      ), n AS (
        SELECT s.*, ${parsedTimestamp(sql`ts_raw`)} AS paid_at,
          CASE WHEN amount_raw ~ '^[0-9]{1,12}(\\.[0-9]{1,2})?$' THEN amount_raw::numeric(14,2) END AS amount
        FROM s
      ), k AS (${customerKeys(sql`SELECT DISTINCT trim(${col('customer')}) FROM ${sql.table(stage)}`)}),
      c AS MATERIALIZED (
        SELECT n.row_no, n.source_id, n.paid_at, n.amount, n.place, n.method, k.customer_id,
          CASE
            WHEN coalesce(n.source_id, '') = '' THEN 'missing receipt id'
            WHEN n.paid_at IS NULL THEN 'bad date "' || coalesce(n.ts_raw, '') || '"'
            WHEN n.amount_raw ~ '^-' THEN 'negative amount'
            WHEN n.amount IS NULL THEN 'bad amount "' || coalesce(n.amount_raw, '') || '"'
            WHEN n.amount = 0 THEN 'amount is zero'
            WHEN k.matches IS NULL THEN 'unknown customer "' || coalesce(n.cust, '') || '"'
            WHEN k.matches > 1 THEN 'phone ' || n.cust || ' belongs to several customers; use the customer number'
            WHEN row_number() OVER (PARTITION BY n.source_id ORDER BY n.row_no) > 1 THEN 'duplicate receipt id ' || n.source_id || ' in this file'
            WHEN p.id IS NOT NULL THEN 'already imported (receipt ' || n.source_id || ')'
          END AS error
        FROM n LEFT JOIN k ON k.cust = n.cust LEFT JOIN payments p ON p.source_id = n.source_id
      ), ins AS (
        INSERT INTO payments (customer_id, source_id, paid_at, amount, place, method, batch_id)
        SELECT customer_id, source_id, paid_at, amount, place, method, ${batchId} FROM c WHERE error IS NULL RETURNING paid_at
      ), err AS (
        INSERT INTO import_errors (batch_id, row_no, message) SELECT ${batchId}, row_no + 1, error FROM c WHERE error IS NOT NULL RETURNING 1
      )
      SELECT (SELECT count(*)::int FROM ins) AS accepted, (SELECT count(*)::int FROM err) AS rejected,
        (SELECT coalesce(array_agg(DISTINCT to_char(paid_at, 'YYYY-MM-01')), '{}') FROM ins) AS months`.execute(trx);
    return result.rows[0];
  },
  async afterApply(trx, batchId) {
    await refreshArrears(trx, sql`SELECT customer_id FROM payments WHERE batch_id = ${batchId}`);
  },
};
