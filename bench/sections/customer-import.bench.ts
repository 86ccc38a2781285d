import { createReadStream, createWriteStream, openAsBlob, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { idCardCheckChar } from '../../src/modules/customers/customer-validators.ts';
import { signIn } from '../support/api-session.ts';
import type { BenchSection, Figure } from '../support/section.ts';

/**
 * Bulk customer import at scale: a file of 1,000,000 new customers (a branch moving in) imported through the API
 * (multipart upload, streamed, each row checked, COPY into staging, SQL checks, one INSERT … SELECT into `customers`
 * with all its indexes) beside a bare COPY of the same file into a plain table of the same columns, in the same run.
 * BENCH_CUSTOMER_IMPORT_ROWS (default 1,000,000) scales it. The file's phones (147…) and ID cards (area 650102)
 * are outside what the customers section loads; a reused database first loses an earlier run's imported rows.
 */
const ROWS = Number(process.env.BENCH_CUSTOMER_IMPORT_ROWS ?? 1_000_000);
const FILE = path.join(os.tmpdir(), 'lianxi-bench-customers.csv');
const HEADER = 'name,phone,id_card,category,region,address';
const MAPPING = {
  name: 'name',
  phone: 'phone',
  idCard: 'id_card',
  category: 'category',
  region: 'region',
  address: 'address',
};
const REGIONS = ['JN', 'JN-LC', 'JN-ZQ', 'QD', 'QD-HD', 'YT'];
const AREA = '650102';

/** The n-th customer of the file: a unique phone and a valid, unique ID card (a thousand per birth date from 1950). */
function line(n: number): string {
  const birth = new Date(Date.UTC(1950, 0, 1 + Math.floor(n / 1000)));
  const body = `${AREA}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${String(n % 1000).padStart(3, '0')}`;
  return `客户${n},147${String(n).padStart(8, '0')},${body}${idCardCheckChar(body)},个人,${REGIONS[n % REGIONS.length]},迁入地址${n % 997}号\n`;
}

async function writeFile(): Promise<void> {
  const out = createWriteStream(FILE);
  out.write(`${HEADER}\n`);
  let chunk = '';
  for (let n = 0; n < ROWS; n++) {
    chunk += line(n);
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/** The ceiling: the same file by COPY into a plain table of the same columns, no checks, no indexes. */
async function rawCopy(database: DatabaseHandle): Promise<number> {
  await sql`DROP TABLE IF EXISTS bench_customers_copy`.execute(database.db);
  await sql`CREATE TABLE bench_customers_copy (name text, phone text, id_card text, category text, region text, address text)`.execute(
    database.db,
  );
  const started = performance.now();
  if (database.pglite) {
    await database.pglite.query(`COPY bench_customers_copy FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], {
      blob: await openAsBlob(FILE),
    });
  } else {
    const client = await database.pool!.connect();
    try {
      const stream = client.query(copyFrom('COPY bench_customers_copy FROM STDIN WITH (FORMAT csv, HEADER true)'));
      createReadStream(FILE).pipe(stream);
      await once(stream, 'finish');
    } finally {
      client.release();
    }
  }
  const seconds = (performance.now() - started) / 1000;
  await sql`DROP TABLE bench_customers_copy`.execute(database.db);
  return seconds;
}

const SCENARIO = `customer import ${(ROWS / 1e6).toLocaleString('en-US')}M rows (rows/s)`;
const figure = (via: 'api' | 'raw', count: number, seconds: number): Figure => ({
  section: 'customer-import',
  scenario: SCENARIO,
  connections: 1,
  via,
  requests: count,
  perSecond: count / seconds,
  p50: seconds * 1000,
  p99: seconds * 1000,
  errors: 0,
});

export const section: BenchSection = {
  name: 'customer-import',

  async prepare({ database, log }) {
    // A reused database keeps an earlier run's import: those customers and batches go, so this run imports every row.
    await sql`DELETE FROM customers WHERE id_card LIKE ${`${AREA}%`}`.execute(database.db);
    await sql`DELETE FROM customer_import_batches`.execute(database.db);
    await writeFile();
    log(
      `customer import: file of ${ROWS.toLocaleString('en-US')} customers, ${(statSync(FILE).size / 2 ** 20).toFixed(0)} MB`,
    );
  },

  async raw({ database, log }) {
    const seconds = await rawCopy(database);
    log(`raw  COPY of the customer file: ${seconds.toFixed(2)} s, ${(ROWS / seconds).toFixed(0)} rows/s`);
    return [figure('raw', ROWS, seconds)];
  },

  async api({ baseUrl, settings, log }) {
    const session = await signIn(baseUrl, 'admin', settings.password);
    const form = new FormData();
    form.append('mapping', JSON.stringify(MAPPING));
    form.append('encoding', 'utf-8');
    form.append('file', await openAsBlob(FILE), 'customers.csv');
    const started = performance.now();
    const res = await fetch(`${baseUrl}/api/customers/imports`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      body: form,
    });
    const seconds = (performance.now() - started) / 1000;
    const report = (await res.json()) as { status: string; imported: number; errors: unknown[] };
    if (res.status !== 200 || report.status !== 'imported')
      throw new Error(`customer import failed: ${res.status} ${JSON.stringify(report).slice(0, 500)}`);
    log(
      `api  customer import: ${report.imported.toLocaleString('en-US')} imported in ${seconds.toFixed(2)} s, ${(ROWS / seconds).toFixed(0)} rows/s`,
    );
    rmSync(FILE, { force: true });
    return [figure('api', report.imported, seconds)];
  },

  verdicts(figures) {
    const raw = figures.find((f) => f.section === 'customer-import' && f.via === 'raw');
    const api = figures.find((f) => f.section === 'customer-import' && f.via === 'api');
    if (!raw || !api) return [];
    return [`customer import: ${((api.perSecond / raw.perSecond) * 100).toFixed(0)} % of a raw COPY of the same file`];
  },
};
