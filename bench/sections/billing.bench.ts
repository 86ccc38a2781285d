import { createWriteStream, openAsBlob, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import { createReadStream } from 'node:fs';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { signIn } from '../support/api-session.ts';
import type { BenchSection, Figure } from '../support/section.ts';
import { insertCustomers } from './customers-data.ts';

/**
 * Billing at scale. A usage file of 1,000,000 records (10 per customer for 100,000 customers, calls, data and SMS
 * of every type) is imported through the API (multipart upload, streamed, validated, applied in one transaction)
 * and, in the same run, loaded by a bare PostgreSQL COPY into a table of the same columns: the target is an
 * import at no less than half the speed of COPY. Then a billing run rates the month for the 100,000 customers.
 * BENCH_BILLING_CUSTOMERS (default 100,000) and BENCH_BILLING_RECORDS_PER_CUSTOMER (10) scale it.
 */
const CUSTOMERS = Number(process.env.BENCH_BILLING_CUSTOMERS ?? 100_000);
const PER_CUSTOMER = Number(process.env.BENCH_BILLING_RECORDS_PER_CUSTOMER ?? 10);
const FILE = path.join(os.tmpdir(), 'lianxi-bench-usage.csv');
const HEADER = 'record_id,phone,type,call_type,direction,start_time,quantity,period';
const MAPPING = {
  sourceId: 'record_id',
  customer: 'phone',
  kind: 'type',
  area: 'call_type',
  direction: 'direction',
  startedAt: 'start_time',
  quantity: 'quantity',
  busy: 'period',
};
const AREAS = [
  'local',
  'local',
  'local',
  'provincial_ld',
  'domestic_ld',
  'provincial_roaming',
  'domestic_roaming',
  'international',
  'international_roaming',
];

let month = '';
let rows = 0;
let billedCustomers = 0;

/** Writes the usage file for the customers' phones, streaming (it is never held in memory either). */
async function writeUsageFile(phones: string[]): Promise<number> {
  const out = createWriteStream(FILE);
  out.write(`${HEADER}\n`);
  let n = 0;
  let chunk = '';
  for (let c = 0; c < phones.length; c++) {
    for (let k = 0; k < PER_CUSTOMER; k++) {
      const h = (c * 7919 + k * 104729) % 1_000_003;
      const day = String(1 + (h % 28)).padStart(2, '0');
      const time = `${String(h % 24).padStart(2, '0')}:${String(h % 60).padStart(2, '0')}:${String((h >> 3) % 60).padStart(2, '0')}`;
      const type = k < 6 ? 'call' : k < 9 ? 'data' : 'sms';
      const quantity = type === 'call' ? 30 + (h % 1800) : type === 'data' ? 1024 + (h % 2_000_000) : 1 + (h % 3);
      chunk += `B${c}-${k},${phones[c]},${type},${type === 'call' ? AREAS[h % AREAS.length] : 'local'},${h % 3 === 0 ? 'in' : 'out'},${month}-${day} ${time},${quantity},${h % 4 === 0 ? 'idle' : 'busy'}\n`;
      n++;
    }
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return n;
}

/** The ceiling: the same file by COPY into a plain table of the same columns, no validation, no indexes. */
async function rawCopy(database: DatabaseHandle): Promise<number> {
  await sql`DROP TABLE IF EXISTS bench_usage_copy`.execute(database.db);
  await sql`CREATE TABLE bench_usage_copy (record_id text, phone text, type text, call_type text, direction text, start_time timestamp, quantity bigint, period text)`.execute(
    database.db,
  );
  const started = performance.now();
  if (database.pglite) {
    await database.pglite.query(`COPY bench_usage_copy FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], {
      blob: await openAsBlob(FILE),
    });
  } else {
    const client = await database.pool!.connect();
    try {
      const stream = client.query(copyFrom('COPY bench_usage_copy FROM STDIN WITH (FORMAT csv, HEADER true)'));
      createReadStream(FILE).pipe(stream);
      await once(stream, 'finish');
    } finally {
      client.release();
    }
  }
  const seconds = (performance.now() - started) / 1000;
  await sql`DROP TABLE bench_usage_copy`.execute(database.db);
  return seconds;
}

const figure = (scenario: string, via: 'api' | 'raw', count: number, seconds: number): Figure => ({
  section: 'billing',
  scenario,
  connections: 1,
  via,
  requests: count,
  perSecond: count / seconds,
  p50: seconds * 1000,
  p99: seconds * 1000,
  errors: 0,
});

export const section: BenchSection = {
  name: 'billing',

  async prepare({ database, log }) {
    const { db } = database;
    const now = new Date();
    const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    month = last.toISOString().slice(0, 7);
    // Run alone (`npm run bench -- billing`), the customers section has not loaded anyone: add the customers needed,
    // numbered far from that section's so that phones and ID cards stay unique.
    const have = Number(
      (await sql<{ n: string }>`SELECT count(*) AS n FROM customers WHERE status = 'active'`.execute(db)).rows[0].n,
    );
    if (have < CUSTOMERS) {
      for (let from = 50_000_001; from < 50_000_001 + CUSTOMERS - have; from += 50_000)
        await insertCustomers(db, from, Math.min(50_000_000 + CUSTOMERS - have, from + 49_999));
      // As after any bulk load (autovacuum would do it later): statistics for the planner, and the visibility map
      // that lets the import's phone lookups answer from the index alone.
      await sql`VACUUM (ANALYZE) customers`.execute(db);
      log(`billing: added ${(CUSTOMERS - have).toLocaleString('en-US')} customers`);
    }
    const customers = await sql<{
      id: string;
      phone: string;
    }>`SELECT id, phone FROM customers WHERE status = 'active' ORDER BY id LIMIT ${CUSTOMERS}`.execute(db);
    // One customer per phone: the import refuses a phone shared by two customers (it cannot tell whose record it is).
    const seen = new Set<string>();
    const picked = customers.rows.filter((c) => !seen.has(c.phone) && seen.add(c.phone));
    billedCustomers = picked.length;
    const packages = await sql<{
      id: string;
    }>`SELECT id FROM products WHERE kind = 'package' AND status = 'released' ORDER BY id`.execute(db);
    await sql`DELETE FROM subscriptions WHERE created_by IS NULL AND end_reason IS NULL AND starts_on = '2020-01-01'`.execute(
      db,
    );
    await sql`INSERT INTO subscriptions (customer_id, product_id, kind, starts_on)
      SELECT c.id, (${sql.val(packages.rows.map((p) => p.id))}::bigint[])[1 + (c.id % ${packages.rows.length})], 'package', '2020-01-01'
      FROM unnest(${sql.val(picked.map((c) => c.id))}::bigint[]) AS c(id)`.execute(db);
    // Start from a month with no usage and no bills (BENCH_REUSE keeps an earlier run's), so that the import inserts
    // every record and re-rates nothing: it measures loading; the billing run is measured by itself.
    await sql`DELETE FROM usage_records WHERE started_at >= ${month + '-01'}::date AND started_at < ${month + '-01'}::date + interval '1 month'`.execute(
      db,
    );
    await sql`DELETE FROM bills WHERE month = ${month + '-01'}::date`.execute(db);
    rows = await writeUsageFile(picked.map((c) => c.phone));
    log(
      `billing: ${picked.length.toLocaleString('en-US')} customers on packages; usage file of ${rows.toLocaleString('en-US')} records for ${month}, ${(statSync(FILE).size / 2 ** 20).toFixed(0)} MB`,
    );
  },

  async raw({ database, log }) {
    const seconds = await rawCopy(database);
    log(`raw  COPY of the usage file: ${seconds.toFixed(2)} s, ${(rows / seconds).toFixed(0)} rows/s`);
    return [figure(`usage import ${(rows / 1e6).toLocaleString('en-US')}M rows (rows/s)`, 'raw', rows, seconds)];
  },

  async api({ baseUrl, settings, log }) {
    const session = await signIn(baseUrl, 'admin', settings.password);
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
    const form = new FormData();
    form.append('mapping', JSON.stringify(MAPPING));
    form.append('encoding', 'utf-8');
    form.append('file', await openAsBlob(FILE), 'usage.csv');
    let started = performance.now();
    const imported = await fetch(`${baseUrl}/api/imports/usage`, { method: 'POST', headers, body: form });
    const importSeconds = (performance.now() - started) / 1000;
    const report = (await imported.json()) as {
      accepted: number;
      rejected: number;
      errors: { row: number; message: string }[];
    };
    if (imported.status !== 200 || report.rejected > 0)
      throw new Error(`usage import failed: ${imported.status} ${JSON.stringify(report).slice(0, 500)}`);
    log(
      `api  usage import: ${report.accepted.toLocaleString('en-US')} accepted in ${importSeconds.toFixed(2)} s, ${(rows / importSeconds).toFixed(0)} rows/s`,
    );

    started = performance.now();
    const run = await fetch(`${baseUrl}/api/billing/runs`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ month }),
    });
    const runSeconds = (performance.now() - started) / 1000;
    const result = (await run.json()) as { customers: number; total: string };
    if (run.status !== 200) throw new Error(`billing run failed: ${run.status} ${JSON.stringify(result)}`);
    log(
      `api  billing run ${month}: ${result.customers.toLocaleString('en-US')} bills, ¥${result.total}, in ${runSeconds.toFixed(2)} s`,
    );
    rmSync(FILE, { force: true });
    return [
      figure(
        `usage import ${(rows / 1e6).toLocaleString('en-US')}M rows (rows/s)`,
        'api',
        report.accepted,
        importSeconds,
      ),
      figure(
        `billing run ${(billedCustomers / 1000).toLocaleString('en-US')}k customers (customers/s)`,
        'api',
        result.customers,
        runSeconds,
      ),
    ];
  },

  verdicts(figures) {
    const raw = figures.find((f) => f.section === 'billing' && f.via === 'raw');
    const api = figures.find(
      (f) => f.section === 'billing' && f.via === 'api' && f.scenario.startsWith('usage import'),
    );
    if (!raw || !api) return [];
    const share = api.perSecond / raw.perSecond;
    return [
      `billing: usage import at ${(share * 100).toFixed(0)} % of a raw COPY of the same file (target ≥ 50 %): ${share >= 0.5 ? 'met' : 'NOT met'}`,
    ];
  },
};
