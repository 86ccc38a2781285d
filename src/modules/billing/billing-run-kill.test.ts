import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { exited, waitFor } from '../../testing/process-waits.ts';
import { freshDatabase, startTestApp } from '../../testing/test-app.ts';

const CHILD = path.resolve(import.meta.dirname, 'billing-run-child.ts');

/**
 * kill -9 of the process running a billing run, at the moment its bills are written and only the audit row and the
 * commit remain (held there by a lock on audit_log): on a PostgreSQL server, where another process survives the kill.
 */
describe('a billing run killed with kill -9 (postgres)', {
  skip: !process.env.DATABASE_URL && 'needs DATABASE_URL',
}, () => {
  let server: Awaited<ReturnType<typeof freshDatabase>>;
  let observer: pg.Client;
  let month: string;
  const bills = async () =>
    (
      await observer.query(
        `SELECT customer_id, total, revision, run_id FROM bills WHERE month = $1::date ORDER BY customer_id`,
        [`${month}-01`],
      )
    ).rows;
  const runs = async () => (await observer.query('SELECT count(*)::int AS n FROM billing_runs')).rows[0].n as number;
  const runChild = () => spawn(process.execPath, [CHILD, server.url!, month], { stdio: ['ignore', 'pipe', 'inherit'] });

  before(async () => {
    server = await freshDatabase('postgres');
    const app = await startTestApp('postgres', {
      database: { database: server.database, drop: async () => undefined },
    });
    await app.close();
    observer = new pg.Client({ connectionString: server.url });
    await observer.connect();
    // The demo's earliest billed month: before any demo churner left, so every billed customer is billed again.
    month = (await observer.query(`SELECT to_char(min(month), 'YYYY-MM') AS m FROM bills`)).rows[0].m;
  });
  after(async () => {
    await observer?.end();
    await server?.drop();
  });

  it('loses nothing and doubles nothing: the killed run leaves the bills as they were, and running it again bills the month once', async () => {
    const before = await bills();
    const runsBefore = await runs();
    assert.ok(before.length > 0);

    const blocker = new pg.Client({ connectionString: server.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE audit_log IN SHARE MODE');
    const child = runChild();
    const childExit = exited(child);
    const backend = await waitFor(
      'the run to reach its audit row',
      async () =>
        (
          await observer.query(
            `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'insert into "audit_log"%'`,
          )
        ).rows[0]?.pid,
    );
    // Its bills are written (inside its transaction) and it waits for the lock: kill it there.
    child.kill('SIGKILL');
    assert.equal(await childExit, null);
    await blocker.query('ROLLBACK');
    await blocker.end();
    // The server ends the dead client's session, rolling its transaction back.
    await waitFor('the killed session to end', async () =>
      (await observer.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [backend])).rows.length === 0
        ? true
        : undefined,
    );
    assert.deepEqual(await bills(), before);
    assert.equal(await runs(), runsBefore);

    const again = runChild();
    let output = '';
    again.stdout!.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    assert.equal(await exited(again), 0);
    const result = JSON.parse(output);
    const after = await bills();
    assert.equal(await runs(), runsBefore + 1);
    assert.equal(after.length, before.length);
    assert.equal(result.customers, before.length);
    for (const [i, bill] of after.entries()) {
      assert.equal(bill.customer_id, before[i].customer_id);
      assert.equal(bill.total, before[i].total, 'the same usage gives the same bill');
      assert.equal(bill.revision, before[i].revision + 1, 'each bill re-rated once');
      assert.equal(bill.run_id, result.runId);
    }
  });
});
