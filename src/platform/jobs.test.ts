import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { freshDatabase, testDatabases } from '../testing/test-app.ts';
import path from 'node:path';
import { migrate } from './migrate.ts';
import { enqueueJob, JobRunner } from './jobs.ts';
import type { Db } from './db.ts';

/** A promise the test resolves when it chooses: a job handler that runs until told to stop. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

async function until(condition: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`gave up waiting until ${what}`);
}

const jobsNamed = (db: Db, name: string) =>
  db.selectFrom('jobs').selectAll().where('name', '=', name).orderBy('id').execute();

for (const kind of testDatabases()) {
  describe(`the job queue on ${kind}`, () => {
    let fresh: Awaited<ReturnType<typeof freshDatabase>>;
    let db: Db;
    before(async () => {
      fresh = await freshDatabase(kind);
      db = fresh.database.db;
      await migrate(db, [{ module: 'platform', dir: path.join(import.meta.dirname, 'migrations') }]);
    });
    after(() => fresh.drop());

    it('enqueues a singleton job again and again on one connection (a prepared statement past its 6th run)', async () => {
      await db.connection().execute(async (conn) => {
        for (let i = 0; i < 12; i++) {
          await enqueueJob(conn, 'test.singleton', { i }, { singletonKey: 'test.singleton' });
          await enqueueJob(conn, 'test.plain', { i });
        }
      });
      assert.equal((await jobsNamed(db, 'test.singleton')).length, 1, 'one queued job per singleton key');
      assert.equal((await jobsNamed(db, 'test.plain')).length, 12);
    });

    it('runs a recurring job again after a run that failed for good, and keeps the failure with its error', async () => {
      const runner = new JobRunner(db);
      let calls = 0;
      await runner.scheduleRecurring(
        'test.recurring',
        60_000,
        async () => {
          calls++;
          if (calls === 1) throw new Error('the first run breaks');
          return { calls };
        },
        { maxAttempts: 1 },
      );
      assert.equal(await runner.runDue(), 1);
      const [failed, next] = await jobsNamed(db, 'test.recurring');
      assert.equal(failed.status, 'failed');
      assert.equal(failed.last_error, 'the first run breaks');
      assert.ok(failed.last_run_at);
      assert.equal(next.status, 'queued');
      assert.ok(next.run_at.getTime() > Date.now() + 30_000, 'the next run is a whole period away');

      await db.updateTable('jobs').set({ run_at: sql`now()` }).where('id', '=', next.id).execute();
      assert.equal(await runner.runDue(), 1);
      assert.equal(calls, 2);
      const statuses = (await jobsNamed(db, 'test.recurring')).map((j) => j.status);
      assert.deepEqual(statuses, ['failed', 'done', 'queued']);
    });

    it("renews a running job's lock, so another process does not take a live job past its lock time", async () => {
      const hold = gate();
      const live = new JobRunner(db, undefined, { lockMs: 1500, heartbeatMs: 100 });
      const other = new JobRunner(db, undefined, { lockMs: 1500 });
      let runs = 0;
      for (const runner of [live, other])
        runner.register('test.long', async () => {
          runs++;
          await hold.opened;
        });
      const id = (await enqueueJob(db, 'test.long', {}))!;
      const running = live.runDue();
      await until(
        async () =>
          (await db.selectFrom('jobs').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status ===
          'running',
        'the job runs',
      );
      const firstLock = (
        await db.selectFrom('jobs').select('locked_until').where('id', '=', id).executeTakeFirstOrThrow()
      ).locked_until!;
      // Past the lock the job was claimed with, by the database's clock.
      await until(
        async () => (await sql<{ past: boolean }>`SELECT now() > ${firstLock} AS past`.execute(db)).rows[0].past,
        'the first lock expires',
      );
      assert.equal(await other.runDue(), 0, 'the live job is not claimed by another runner');
      hold.open();
      assert.equal(await running, 1);
      const job = await db
        .selectFrom('jobs')
        .select(['status', 'attempts'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.deepEqual([job.status, job.attempts, runs], ['done', 1, 1]);
    });

    it('reclaims a job whose process stopped renewing its lock, and the late first process cannot overwrite the outcome', async () => {
      const hold = gate();
      // A process that hangs: it claimed the job, and its heartbeat never comes.
      const hung = new JobRunner(db, undefined, { lockMs: 300, heartbeatMs: 3_600_000 });
      const rescuer = new JobRunner(db, undefined, { lockMs: 60_000 });
      hung.register('test.reclaimed', async () => {
        await hold.opened;
        return 'hung';
      });
      rescuer.register('test.reclaimed', async () => 'rescued');
      const id = (await enqueueJob(db, 'test.reclaimed', {}))!;
      const hanging = hung.runDue();
      await until(
        async () =>
          (await db.selectFrom('jobs').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status ===
          'running',
        'the job runs',
      );
      await until(
        async () =>
          (
            await sql<{
              n: number;
            }>`SELECT count(*)::int AS n FROM jobs WHERE id = ${id} AND locked_until < now()`.execute(db)
          ).rows[0].n === 1,
        'the lock expires',
      );
      assert.equal(await rescuer.runDue(), 1);
      hold.open();
      await hanging;
      const job = await db
        .selectFrom('jobs')
        .select(['status', 'attempts', 'result'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.deepEqual([job.status, job.attempts, job.result], ['done', 2, 'rescued']);
    });
  });
}
