import { sql } from 'kysely';
import { copyValue } from '../../platform/copy-session.ts';
import type { ImportSpec } from './import-spec.ts';
import { problemTemplate } from './import-problems.ts';
import { parseMoney, parseTimestamp } from './import-values.ts';
import { refreshArrears } from './balances.ts';

/** Payments from the billing or cashier system: receipt id, customer, time, amount, place and method. */
export const paymentsImport: ImportSpec = {
  kind: 'payments',
  fields: [
    { key: 'sourceId', required: true },
    { key: 'customer', required: true },
    { key: 'paidAt', required: true },
    { key: 'amount', required: true },
    { key: 'place', required: false },
    { key: 'method', required: false },
  ],
  columns: ['source_id', 'paid_at', 'amount', 'place', 'method'],

  parse(value) {
    const sourceId = value('sourceId');
    if (sourceId === '') return { error: { code: 'missingReceiptId' } };
    const paidRaw = value('paidAt');
    const paid = parseTimestamp(paidRaw);
    if (!paid) return { error: { code: 'badDate', value: paidRaw } };
    const amountRaw = value('amount');
    if (amountRaw.startsWith('-')) return { error: { code: 'negativeAmount' } };
    const amount = parseMoney(amountRaw);
    if (amount === undefined) return { error: { code: 'badAmount', value: amountRaw } };
    if (Number(amount) === 0) return { error: { code: 'zeroAmount' } };
    return {
      customer: value('customer'),
      month: paid.month,
      values: [copyValue(sourceId), paid.text, amount, copyValue(value('place')), copyValue(value('method'))],
    };
  },

  async createLoad(trx, table) {
    await sql`CREATE TEMP TABLE ${sql.table(table)} (customer_id bigint NOT NULL, source_id text NOT NULL, paid_at timestamp NOT NULL,
      amount numeric(14, 2) NOT NULL, place text NOT NULL, method text NOT NULL, batch_id bigint NOT NULL, row_no int NOT NULL) ON COMMIT DROP`.execute(
      trx,
    );
  },

  async apply(trx, load) {
    const result = await sql<{ accepted: number; rejected: number }>`
      WITH c AS MATERIALIZED (
        SELECT l.*, CASE
            WHEN row_number() OVER (PARTITION BY l.source_id ORDER BY l.row_no) > 1 THEN replace(${problemTemplate(load.locale, 'repeatedReceipt')}, '{value}', l.source_id)
            WHEN p.id IS NOT NULL THEN replace(${problemTemplate(load.locale, 'importedReceipt')}, '{value}', l.source_id)
          END AS error
        FROM ${sql.table(load.table)} l LEFT JOIN payments p ON p.source_id = l.source_id
      ), ins AS (
        INSERT INTO payments (customer_id, source_id, paid_at, amount, place, method, batch_id)
        SELECT customer_id, source_id, paid_at, amount, place, method, batch_id FROM c WHERE error IS NULL RETURNING 1
      ), err AS (
        INSERT INTO import_errors (batch_id, row_no, message) SELECT batch_id, row_no, error FROM c WHERE error IS NOT NULL RETURNING 1
      )
      SELECT (SELECT count(*)::int FROM ins) AS accepted, (SELECT count(*)::int FROM err) AS rejected`.execute(trx);
    await sql`DROP TABLE ${sql.table(load.table)}`.execute(trx);
    const { accepted, rejected } = result.rows[0];
    return { accepted, rejected, months: accepted > 0 ? load.months : [] };
  },

  async afterApply(trx, batchId) {
    await refreshArrears(trx, sql`SELECT customer_id FROM payments WHERE batch_id = ${batchId}`);
  },
};
