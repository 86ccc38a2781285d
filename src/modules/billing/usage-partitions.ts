import { sql } from 'kysely';
import type { Trx } from '../../platform/db.ts';

/** usage_records is partitioned by month; a month's partition is created the first time a record or a run needs it. */
export async function ensureMonthPartition(trx: Trx, month: string): Promise<void> {
  const [y, m] = month.split('-').map(Number);
  const name = `usage_records_${y}${String(m).padStart(2, '0')}`;
  const from = `${y}-${String(m).padStart(2, '0')}-01`;
  const to = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  // Two imports creating the same partition at once would collide; the lock makes the second wait and then see it.
  await sql`SELECT pg_advisory_xact_lock(7423100)`.execute(trx);
  const exists = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_class WHERE relname = ${name}`.execute(trx);
  if (exists.rows[0].n > 0) return;
  await sql.raw(`CREATE TABLE ${name} PARTITION OF usage_records FOR VALUES FROM ('${from}') TO ('${to}')`).execute(trx);
}
