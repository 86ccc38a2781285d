import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { addMonths, firstDayOfMonth, thisMonth } from '../../platform/clock.ts';
import { waitFor } from '../../testing/process-waits.ts';
import { startServer } from '../../testing/server-process.ts';
import { ADMIN_PASSWORD, freshDatabase, startTestApp } from '../../testing/test-app.ts';
import { TestClient } from '../../testing/test-client.ts';
import { upload, USAGE_HEADER, USAGE_MAPPING } from './billing-test-support.ts';

const ROWS = 300_000;

/** A billing-system usage file of ROWS rows for the given customers (each phone one active customer's), spread over last month: its text and its total quantity. */
function usageFile(phones: string[]): { text: string; total: number } {
  const month = firstDayOfMonth(addMonths(thisMonth(), -1));
  const lines = [USAGE_HEADER];
  let total = 0;
  for (let i = 0; i < ROWS; i++) {
    const quantity = 1 + (i % 600);
    total += quantity;
    const day = String(1 + (i % 28)).padStart(2, '0');
    const minute = String(i % 60).padStart(2, '0');
    const hour = String(Math.floor(i / 60) % 24).padStart(2, '0');
    lines.push(
      `KILL-${i},${phones[i % phones.length]},call,local,out,${month.slice(0, 8)}${day} ${hour}:${minute}:00,${quantity},busy`,
    );
  }
  return { text: `${lines.join('\n')}\n`, total };
}

/**
 * kill -9 of the server in the middle of a large usage import (its rows already streaming into PostgreSQL by COPY),
 * then a new server and the same file again: the import is one transaction, so the killed one leaves nothing and the
 * second brings every row exactly once. On a PostgreSQL server, where the database outlives the process.
 */
describe('a usage import killed with kill -9 (postgres)', {
  skip: !process.env.DATABASE_URL && 'needs DATABASE_URL',
}, () => {
  let server: Awaited<ReturnType<typeof freshDatabase>>;
  let observer: pg.Client;
  let file: { text: string; total: number };
  const running: Awaited<ReturnType<typeof startServer>>[] = [];
  const imported = async () =>
    (
      await observer.query(
        `SELECT count(*)::int AS n, count(DISTINCT source_id)::int AS distinct_ids, coalesce(sum(quantity), 0)::float8 AS total
         FROM usage_records WHERE source_id LIKE 'KILL-%'`,
      )
    ).rows[0] as { n: number; distinct_ids: number; total: number };
  const usageBatches = async () =>
    (await observer.query(`SELECT count(*)::int AS n FROM import_batches WHERE kind = 'usage'`)).rows[0].n as number;
  const signIn = async (baseUrl: string) => {
    const admin = new TestClient(baseUrl);
    assert.equal((await admin.post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD })).status, 200);
    return admin;
  };

  before(async () => {
    server = await freshDatabase('postgres');
    const app = await startTestApp('postgres', {
      demoCustomers: 50,
      database: { database: server.database, drop: async () => undefined },
    });
    await app.close();
    observer = new pg.Client({ connectionString: server.url });
    await observer.connect();
    const phones = (
      await observer.query(
        `SELECT phone FROM customers WHERE status = 'active' GROUP BY phone HAVING count(*) = 1 ORDER BY phone LIMIT 50`,
      )
    ).rows.map((r) => r.phone);
    assert.ok(phones.length >= 10);
    file = usageFile(phones);
  });
  after(async () => {
    for (const s of running) await s.stop();
    await observer?.end();
    await server?.drop();
  });

  it('loses nothing and doubles nothing: the killed import leaves no row, the same file again brings each row once', async () => {
    const batchesBefore = await usageBatches();
    const first = await startServer({ DATABASE_URL: server.url! });
    running.push(first);
    const admin = await signIn(first.baseUrl);
    const copying = `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query ILIKE 'copy %'`;
    const answer = upload(admin, 'usage', file.text, { mapping: USAGE_MAPPING }).then(
      (res) => `answered ${res.status}`,
      () => 'cut off',
    );
    // The rows are streaming into the database: kill the server there.
    const backend = await waitFor('the import to start loading rows', async () => {
      const row = (await observer.query(copying)).rows[0];
      return row ? (row.pid as number) : undefined;
    });
    process.kill(first.pid, 'SIGKILL');
    assert.equal(await answer, 'cut off', 'the import was killed before it answered');
    await waitFor('the killed session to end', async () =>
      (await observer.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [backend])).rows.length === 0
        ? true
        : undefined,
    );
    assert.deepEqual(await imported(), { n: 0, distinct_ids: 0, total: 0 }, 'the killed import applied nothing');
    assert.equal(await usageBatches(), batchesBefore, 'nor a batch');

    const second = await startServer({ DATABASE_URL: server.url! });
    running.push(second);
    const res = await upload(await signIn(second.baseUrl), 'usage', file.text, { mapping: USAGE_MAPPING });
    assert.equal(res.status, 200, JSON.stringify(res.body).slice(0, 500));
    assert.deepEqual(res.body.errors.slice(0, 3), [], 'every row is importable');
    assert.equal(res.body.accepted, ROWS);
    assert.equal(res.body.rejected, 0);
    assert.deepEqual(res.body.previousBatches, []);
    assert.deepEqual(await imported(), { n: ROWS, distinct_ids: ROWS, total: file.total });
    assert.equal(await usageBatches(), batchesBefore + 1);
  });
});
