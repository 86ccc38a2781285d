import { sql } from 'kysely';
import type { Trx } from '../../platform/db.ts';
import { addMonths, thisMonth } from '../../platform/clock.ts';

/** The months usage may be recorded for (YYYY-MM-01): ten years back to a year ahead, by the business clock (bills for the future are not usage, but a clock set back in a test or demo must not refuse this year's files). */
export function isUsageMonth(month: string): boolean {
  const current = thisMonth();
  return month.slice(0, 7) >= addMonths(current, -120) && month.slice(0, 7) <= addMonths(current, 12);
}

function partitionOf(month: string): { name: string; from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  return {
    name: `usage_records_${y}${String(m).padStart(2, '0')}`,
    from: `${y}-${String(m).padStart(2, '0')}-01`,
    to: m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`,
  };
}

async function partitionExists(trx: Trx, name: string): Promise<boolean> {
  // Two imports creating the same partition at once would collide; the lock makes the second wait and then see it.
  await sql`SELECT pg_advisory_xact_lock(7423100)`.execute(trx);
  const found = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_class WHERE relname = ${name}`.execute(trx);
  return found.rows[0].n > 0;
}

/** usage_records is partitioned by month; a month's partition is created the first time a record or a run needs it. */
export async function ensureMonthPartition(trx: Trx, month: string): Promise<void> {
  const { name, from, to } = partitionOf(month);
  if (await partitionExists(trx, name)) return;
  await sql
    .raw(`CREATE TABLE ${name} PARTITION OF usage_records FOR VALUES FROM ('${from}') TO ('${to}')`)
    .execute(trx);
}

/**
 * The fast way in for a month that has no usage yet: the load table, filled by COPY with no index to maintain,
 * gets its indexes built in one sorted pass each and becomes the month's partition. That is several times faster
 * than inserting a million rows through the indexes. An empty partition (a billing run may have made one) is
 * replaced; dropping it locks usage_records until the import commits, which is only the index builds away.
 * Returns false, having changed nothing, when the month already has records or the file repeats a record id.
 */
export async function adoptAsPartition(trx: Trx, table: string, month: string): Promise<boolean> {
  const { name, from, to } = partitionOf(month);
  const exists = await partitionExists(trx, name);
  if (exists && (await sql`SELECT 1 FROM ${sql.table(name)} LIMIT 1`.execute(trx)).rows.length > 0) return false;
  await sql`SAVEPOINT adopt_partition`.execute(trx);
  try {
    if (exists) await sql`DROP TABLE ${sql.table(name)}`.execute(trx);
    await sql.raw(`ALTER TABLE ${table} ADD CONSTRAINT ${name}_pkey PRIMARY KEY (source_id, started_at)`).execute(trx);
  } catch (e) {
    if ((e as { code?: string }).code !== '23505') throw e;
    await sql`ROLLBACK TO SAVEPOINT adopt_partition`.execute(trx);
    return false;
  }
  await sql`RELEASE SAVEPOINT adopt_partition`.execute(trx);
  await sql.raw(`CREATE INDEX ${name}_customer_id_started_at_idx ON ${table} (customer_id, started_at)`).execute(trx);
  // The load's row numbers were only for the report; a dropped column costs nothing and a partition may have one.
  await sql.raw(`ALTER TABLE ${table} DROP COLUMN row_no`).execute(trx);
  await sql.raw(`ALTER TABLE ${table} RENAME TO ${name}`).execute(trx);
  await sql
    .raw(`ALTER TABLE usage_records ATTACH PARTITION ${name} FOR VALUES FROM ('${from}') TO ('${to}')`)
    .execute(trx);
  return true;
}
