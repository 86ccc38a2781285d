import { sql, type RawBuilder } from 'kysely';

/** A date-time as billing systems write it: 2026-10-03 08:15[:30], '/' or '-' between the date's parts. */
export const DATE_OK = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$';

/**
 * The timestamp in `text`, or NULL when it is not a real one. Checked before casting (nested CASE keeps the
 * order), so a bad date becomes a row error instead of failing the whole statement.
 */
export function parsedTimestamp(text: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`CASE WHEN ${text} ~ ${DATE_OK} THEN
      CASE WHEN substr(${text}, 9, 2)::int <= extract(day FROM make_date(substr(${text}, 1, 4)::int, substr(${text}, 6, 2)::int, 1) + interval '1 month' - interval '1 day')
        THEN replace(${text}, 'T', ' ')::timestamp END END`;
}

/**
 * Resolves the customer keys a file uses (`keys`: a query of a `cust` column) to customers: an active
 * customer's phone, or any customer number. Yields cust, customer_id and matches (more than 1: an ambiguous phone).
 */
export function customerKeys(keys: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`SELECT x.cust, min(x.id) AS customer_id, count(DISTINCT x.id) AS matches FROM (
      SELECT c.phone AS cust, c.id FROM customers c WHERE c.status = 'active' AND c.phone IN (${keys})
      UNION ALL
      SELECT c.customer_no, c.id FROM customers c WHERE c.customer_no IN (${keys})
    ) x GROUP BY x.cust`;
}
