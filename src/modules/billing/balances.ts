import { sql, type RawBuilder } from 'kysely';
import type { Db, Trx } from '../../platform/db.ts';
import { setArrearsFrom } from '../customers/index.ts';
import './billing.tables.ts';

/**
 * A customer's balance is what they paid minus what they were billed; arrears are the negative part of it.
 * Recomputed for the given customers (SQL yielding customer_id) whenever bills or payments change.
 */
export async function refreshArrears(trx: Trx, customerIds: RawBuilder<unknown>): Promise<void> {
  await setArrearsFrom(
    trx,
    sql`SELECT c.customer_id, greatest(0, coalesce(b.total, 0) - coalesce(p.total, 0))::numeric(14,2) AS arrears
    FROM (SELECT DISTINCT customer_id FROM (${customerIds}) ids) c
    LEFT JOIN LATERAL (SELECT sum(total) AS total FROM bills WHERE customer_id = c.customer_id) b ON true
    LEFT JOIN LATERAL (SELECT sum(amount) AS total FROM payments WHERE customer_id = c.customer_id) p ON true`,
  );
}

/** Billed, paid and the running balance per month for the last `months` months up to `until` (first of a month). */
export async function monthlyBalance(db: Db, customerId: string, until: string, months = 12) {
  const result = await sql<{ month: string; billed: string; paid: string; balance: string }>`
    WITH m AS (SELECT generate_series(${until}::date - make_interval(months => ${months - 1}), ${until}::date, interval '1 month')::date AS month)
    SELECT to_char(m.month, 'YYYY-MM') AS month,
      coalesce((SELECT sum(total) FROM bills b WHERE b.customer_id = ${customerId} AND b.month = m.month), 0)::numeric(14,2)::text AS billed,
      coalesce((SELECT sum(amount) FROM payments p WHERE p.customer_id = ${customerId} AND p.paid_at >= m.month AND p.paid_at < m.month + interval '1 month'), 0)::numeric(14,2)::text AS paid,
      (coalesce((SELECT sum(amount) FROM payments p WHERE p.customer_id = ${customerId} AND p.paid_at < m.month + interval '1 month'), 0)
        - coalesce((SELECT sum(total) FROM bills b WHERE b.customer_id = ${customerId} AND b.month <= m.month), 0))::numeric(14,2)::text AS balance
    FROM m ORDER BY m.month`.execute(db);
  return result.rows;
}

export async function currentBalance(db: Db | Trx, customerId: string): Promise<string> {
  const r = await sql<{
    balance: string;
  }>`SELECT (coalesce((SELECT sum(amount) FROM payments WHERE customer_id = ${customerId}), 0)
    - coalesce((SELECT sum(total) FROM bills WHERE customer_id = ${customerId}), 0))::numeric(14,2)::text AS balance`.execute(
    db,
  );
  return r.rows[0].balance;
}
