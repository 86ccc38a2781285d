import { sql } from 'kysely';
import type { Db } from '../../platform/db.ts';
import type { RowProblem } from './import-problems.ts';

/** Whose record a row is: a customer id, or why it cannot be told. */
export type CustomerMatch = { id: string } | { error: 'unknown' | 'ambiguous' };

/**
 * Resolves the customer keys of an import (an active customer's phone, or any customer number) as the file
 * streams, one query per batch for the keys not seen before. It remembers one entry per distinct key, so its
 * memory follows the number of customers in the file, never the number of rows.
 */
export class CustomerKeys {
  readonly #db: Db;
  readonly #known = new Map<string, CustomerMatch>();

  constructor(db: Db) {
    this.#db = db;
  }

  async learn(keys: Iterable<string>): Promise<void> {
    const fresh = [...new Set(keys)].filter((k) => k !== '' && !this.#known.has(k));
    if (fresh.length === 0) return;
    const phones = fresh.filter((k) => PHONE.test(k));
    const numbers = fresh.filter((k) => !PHONE.test(k));
    const { rows } = await sql<{ cust: string; customer_id: string; matches: number }>`
      SELECT x.cust, min(x.id) AS customer_id, count(DISTINCT x.id)::int AS matches FROM (
        SELECT c.phone AS cust, c.id FROM customers c WHERE c.status = 'active' AND c.phone_rev = ANY(${phones.map(reversed)}::text[])
        UNION ALL
        SELECT c.customer_no, c.id FROM customers c WHERE c.customer_no = ANY(${numbers}::text[])
      ) x GROUP BY x.cust`.execute(this.#db);
    for (const key of fresh) this.#known.set(key, { error: 'unknown' });
    for (const r of rows) this.#known.set(r.cust, r.matches > 1 ? { error: 'ambiguous' } : { id: r.customer_id });
  }

  /** After `learn` has seen the key. */
  match(key: string): CustomerMatch {
    return this.#known.get(key) ?? { error: 'unknown' };
  }
}

/** What a phone may look like (the customers table's rule); anything else is taken for a customer number (C000000123). */
const PHONE = /^[0-9-]{7,16}$/;

/** Phones are indexed reversed (for the search by the last digits); an exact match uses that index too. */
const reversed = (key: string) => [...key].reverse().join('');

/** The row error for a key that matched no customer, or several. */
export function customerProblem(key: string, error: 'unknown' | 'ambiguous'): RowProblem {
  return { code: error === 'unknown' ? 'unknownCustomer' : 'ambiguousPhone', value: key };
}
