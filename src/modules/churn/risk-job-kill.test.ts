import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { exited, waitFor } from '../../testing/process-waits.ts';
import { freshDatabase, startTestApp } from '../../testing/test-app.ts';
import { MONTHLY_JOB } from './churn.jobs.ts';

const MAIN = path.resolve(import.meta.dirname, '../../main.ts');

/**
 * kill -9 of the jobs process in the middle of the monthly churn scoring (a job over every customer), held at its first
 * write by a lock on churn_risk_scores; then a new process takes the job over once its lock has expired.
 */
describe('a mass job killed with kill -9 (postgres)', {
  skip: !process.env.DATABASE_URL && 'needs DATABASE_URL',
}, () => {
  let server: Awaited<ReturnType<typeof freshDatabase>>;
  let observer: pg.Client;
  const processes: ChildProcess[] = [];
  const startJobsProcess = () => {
    const child = spawn(process.execPath, [MAIN], {
      stdio: 'ignore',
      env: {
        ...process.env,
        DATABASE_URL: server.url,
        PORT: '0',
        HOST: '127.0.0.1',
        LIANXI_DEMO: '0',
        LIANXI_BACKUP_EVERY_HOURS: '0',
        LOG_LEVEL: 'fatal',
      },
    });
    processes.push(child);
    return child;
  };
  const job = async () =>
    (
      await observer.query(`SELECT id, status, attempts, result FROM jobs WHERE name = $1 ORDER BY id LIMIT 1`, [
        MONTHLY_JOB,
      ])
    ).rows[0];

  before(async () => {
    server = await freshDatabase('postgres');
    // A first start queues the monthly scoring (due now); tests never run the job loop, so it is still waiting.
    const app = await startTestApp('postgres', {
      database: { database: server.database, drop: async () => undefined },
    });
    await app.close();
    observer = new pg.Client({ connectionString: server.url });
    await observer.connect();
  });
  after(async () => {
    for (const child of processes) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await observer?.end();
    await server?.drop();
  });

  it('resumes after the kill: the job runs to the end once, every customer it scores has one score, and it stays scheduled', async () => {
    assert.equal((await job()).status, 'queued');
    const blocker = new pg.Client({ connectionString: server.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE churn_risk_scores IN SHARE MODE');
    const first = startJobsProcess();
    const exit = exited(first);
    const backend = await waitFor(
      'the job to reach its first write',
      async () =>
        (
          await observer.query(
            `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%insert into churn_risk_scores%'`,
          )
        ).rows[0]?.pid,
    );
    first.kill('SIGKILL');
    await exit;
    await blocker.query('ROLLBACK');
    await blocker.end();
    await waitFor('the killed session to end', async () =>
      (await observer.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [backend])).rows.length === 0
        ? true
        : undefined,
    );
    const orphan = await job();
    assert.equal(orphan.status, 'running');
    assert.equal(orphan.attempts, 1);

    // The dead process's claim lasts ten minutes; let that time pass rather than wait for it.
    await observer.query(`UPDATE jobs SET locked_until = now() - interval '1 second' WHERE id = $1`, [orphan.id]);
    const second = startJobsProcess();
    const done = await waitFor('the job to finish in the new process', async () => {
      const j = await job();
      return j.status === 'done' ? j : undefined;
    });
    second.kill('SIGTERM');
    assert.equal(done.id, orphan.id);
    assert.equal(done.attempts, 2);
    const { modelId, scored } = done.result as { modelId: string; scored: number };
    assert.ok(scored > 0);
    const scores = (
      await observer.query(
        `SELECT count(*)::int AS n, count(DISTINCT customer_id)::int AS customers,
      count(*) FILTER (WHERE model_id = $1)::int AS by_resumed FROM churn_risk_scores`,
        [modelId],
      )
    ).rows[0];
    assert.deepEqual(scores, { n: scored, customers: scored, by_resumed: scored });
    const next = (
      await observer.query(`SELECT count(*)::int AS n FROM jobs WHERE name = $1 AND status = 'queued'`, [MONTHLY_JOB])
    ).rows[0].n;
    assert.equal(next, 1, 'the recurring job is queued again, once');
  });
});
