import { sql, type RawBuilder } from 'kysely';
import type { Trx } from '../../platform/db.ts';
import './customers.tables.ts';

/**
 * The billing module keeps `arrears` (what a customer owes, never negative) in step with bills and
 * payments; cancellation and subscription rules read it. Not audited field by field: it follows from
 * bills and payments, which are recorded themselves. Does not bump `version`, so an open edit form still saves.
 */
export async function setArrears(trx: Trx, customerId: string, amount: string): Promise<void> {
  await trx
    .updateTable('customers')
    .set({ arrears: amount, updated_at: new Date() })
    .where('id', '=', customerId)
    .where('arrears', '!=', amount)
    .execute();
}

/** Set-based form for billing runs: `amounts` is SQL yielding rows (customer_id, arrears). */
export async function setArrearsFrom(trx: Trx, amounts: RawBuilder<unknown>): Promise<void> {
  await sql`UPDATE customers c SET arrears = a.arrears, updated_at = now()
    FROM (${amounts}) a WHERE c.id = a.customer_id AND c.arrears IS DISTINCT FROM a.arrears`.execute(trx);
}
