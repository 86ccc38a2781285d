import { sql, type Generated } from 'kysely';
import type { Db, Trx } from './db.ts';
import type { FastifyBaseLogger } from 'fastify';

declare module './db.ts' {
  interface Database {
    jobs: {
      id: Generated<string>;
      name: string;
      payload: Generated<unknown>;
      status: Generated<'queued' | 'running' | 'done' | 'failed'>;
      run_at: Generated<Date>;
      attempts: Generated<number>;
      max_attempts: Generated<number>;
      progress: Generated<string>;
      result: unknown | null;
      last_error: string | null;
      singleton_key: string | null;
      locked_until: Date | null;
      /** When the latest attempt started. */
      last_run_at: Date | null;
      created_at: Generated<Date>;
      updated_at: Generated<Date>;
    };
  }
}

export interface JobHelpers {
  db: Db;
  jobId: string;
  /** 0–100; shown by the pages that follow a long job. */
  reportProgress(percent: number): Promise<void>;
}
export type JobHandler = (payload: any, helpers: JobHelpers) => Promise<unknown>;

export interface EnqueueOptions {
  runAt?: Date;
  singletonKey?: string;
  maxAttempts?: number;
}

export interface JobRunnerOptions {
  /** How long a claim holds without a heartbeat: a job whose process died is claimed again after this. Default 10 minutes. */
  lockMs?: number;
  /** How often a running job renews its claim. Default a third of lockMs. */
  heartbeatMs?: number;
}

/** A claimed job. `attempts` also fences the claim: it grows on every claim, so a process that lost its claim cannot finish the job. */
interface ClaimedJob {
  id: string;
  name: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

const DEFAULT_LOCK_MS = 10 * 60_000;

/**
 * A durable job queue in the `jobs` table, the same on PGlite and on a PostgreSQL server.
 * Jobs are claimed with FOR UPDATE SKIP LOCKED, so several processes can share the queue; a job whose
 * process died is claimed again once its lock expires, so jobs survive restarts; a live one renews its lock with a
 * heartbeat, so a long run is never taken by another process. Failed jobs retry with backoff. Recurring jobs (SLA sweeps,
 * monthly scoring) re-enqueue themselves under a singleton key after every run, whether it succeeded or finally failed.
 */
export class JobRunner {
  readonly #db: Db;
  readonly #log: FastifyBaseLogger | undefined;
  readonly #handlers = new Map<string, JobHandler>();
  readonly #recurring = new Map<string, number>();
  readonly #lockMs: number;
  readonly #heartbeatMs: number;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;

  constructor(db: Db, log?: FastifyBaseLogger, options: JobRunnerOptions = {}) {
    this.#db = db;
    this.#log = log;
    this.#lockMs = options.lockMs ?? DEFAULT_LOCK_MS;
    this.#heartbeatMs = options.heartbeatMs ?? Math.max(1, Math.floor(this.#lockMs / 3));
  }

  register(name: string, handler: JobHandler): void {
    this.#handlers.set(name, handler);
  }

  /**
   * Runs `name` every `everyMs`; the schedule lives in the table, so a restart keeps it. The first run is due at once
   * unless `firstRunAt` says otherwise (a daily backup waits a day rather than running at every first start).
   */
  async scheduleRecurring(
    name: string,
    everyMs: number,
    handler: JobHandler,
    options: { firstRunAt?: Date; maxAttempts?: number } = {},
  ): Promise<void> {
    this.register(name, handler);
    this.#recurring.set(name, everyMs);
    await enqueueJob(
      this.#db,
      name,
      {},
      { singletonKey: `recurring:${name}`, runAt: options.firstRunAt, maxAttempts: options.maxAttempts },
    );
  }

  start(pollMs = 1000): void {
    const tick = async () => {
      this.#running = this.runDue().then(
        () => undefined,
        (err) => this.#log?.error({ err }, 'job runner tick failed'),
      );
      await this.#running;
      if (this.#timer) this.#timer = setTimeout(tick, pollMs);
    };
    this.#timer = setTimeout(tick, pollMs);
  }

  async stop(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  /** Claims and runs every due job once; returns how many ran. Tests call it directly. */
  async runDue(): Promise<number> {
    let count = 0;
    for (;;) {
      const job = await this.#claim();
      if (!job) return count;
      count++;
      await this.#run(job);
    }
  }

  async #claim(): Promise<ClaimedJob | undefined> {
    const names = [...this.#handlers.keys()];
    if (names.length === 0) return undefined;
    const result = await sql<ClaimedJob>`
      UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_until = now() + ${this.#lockMs} * interval '1 millisecond',
        last_run_at = now(), updated_at = now()
      WHERE id = (
        SELECT id FROM jobs
        WHERE name IN (${sql.join(names)})
          AND ((status = 'queued' AND run_at <= now()) OR (status = 'running' AND locked_until < now()))
        ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING id, name, payload, attempts, max_attempts`.execute(this.#db);
    return result.rows[0];
  }

  /** Renews the claim while the handler runs; a renewal that finds the claim gone (another process took it) is logged. */
  #heartbeat(job: ClaimedJob): () => void {
    const timer = setInterval(() => {
      sql`UPDATE jobs SET locked_until = now() + ${this.#lockMs} * interval '1 millisecond'
          WHERE id = ${job.id} AND status = 'running' AND attempts = ${job.attempts}`
        .execute(this.#db)
        .then(
          (r) => {
            if (r.numAffectedRows === 0n) this.#log?.warn({ job: job.name, jobId: job.id }, 'job lost its claim');
          },
          (err) => this.#log?.warn({ job: job.name, jobId: job.id, err }, 'job heartbeat failed'),
        );
    }, this.#heartbeatMs);
    return () => clearInterval(timer);
  }

  async #run(job: ClaimedJob) {
    const handler = this.#handlers.get(job.name)!;
    const helpers: JobHelpers = {
      db: this.#db,
      jobId: job.id,
      reportProgress: async (percent) => {
        await this.#db
          .updateTable('jobs')
          .set({ progress: String(Math.min(100, Math.max(0, percent))), updated_at: new Date() })
          .where('id', '=', job.id)
          .execute();
      },
    };
    const stopHeartbeat = this.#heartbeat(job);
    let outcome: { ok: true; result: unknown } | { ok: false; message: string };
    try {
      outcome = { ok: true, result: await handler(job.payload, helpers) };
    } catch (err) {
      outcome = { ok: false, message: err instanceof Error ? err.message : String(err) };
      this.#log?.warn({ job: job.name, jobId: job.id, err: outcome.message }, 'job failed');
    } finally {
      stopHeartbeat();
    }
    const every = this.#recurring.get(job.name);
    const giveUp = !outcome.ok && job.attempts >= job.max_attempts;
    await this.#db.transaction().execute(async (trx) => {
      // Only the holder of the current claim records the outcome (see ClaimedJob).
      const mine = trx
        .updateTable('jobs')
        .where('id', '=', job.id)
        .where('status', '=', 'running')
        .where('attempts', '=', job.attempts);
      const recorded = outcome.ok
        ? await mine
            .set({
              status: 'done',
              progress: '100',
              result: JSON.stringify(outcome.result ?? null),
              locked_until: null,
              updated_at: new Date(),
            })
            .executeTakeFirst()
        : await mine
            .set({
              status: giveUp ? 'failed' : 'queued',
              last_error: outcome.message.slice(0, 2000),
              run_at: new Date(Date.now() + 1000 * 2 ** job.attempts),
              locked_until: null,
              updated_at: new Date(),
            })
            .executeTakeFirst();
      if (recorded.numUpdatedRows === 0n) {
        this.#log?.warn(
          { job: job.name, jobId: job.id },
          'job finished after losing its claim; its outcome is not recorded',
        );
        return;
      }
      // A recurring job is scheduled again after every run that ends it, a failed one included: one bad run never stops it.
      if (every !== undefined && (outcome.ok || giveUp)) {
        await enqueueJob(
          trx,
          job.name,
          {},
          { singletonKey: `recurring:${job.name}`, runAt: new Date(Date.now() + every), maxAttempts: job.max_attempts },
        );
      }
    });
  }
}

/** Queues a job in the caller's transaction, so it exists only if the write that asked for it commits. */
export async function enqueueJob(
  db: Db | Trx,
  name: string,
  payload: unknown,
  options: EnqueueOptions = {},
): Promise<string | undefined> {
  const row = await db
    .insertInto('jobs')
    .values({
      name,
      payload: JSON.stringify(payload ?? {}),
      run_at: options.runAt ?? new Date(),
      singleton_key: options.singletonKey ?? null,
      ...(options.maxAttempts ? { max_attempts: options.maxAttempts } : {}),
    })
    // The predicate is literal SQL, never parameters: PostgreSQL infers the arbiter index (jobs_singleton_idx) from it when
    // planning, and a generic plan of a prepared statement (from its 6th run) cannot prove `status IN ($1, $2)` implies it.
    .onConflict((oc) =>
      oc
        .column('singleton_key')
        .where(sql<boolean>`singleton_key IS NOT NULL AND status IN ('queued', 'running')`)
        .doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function getJob(db: Db, id: string) {
  return db
    .selectFrom('jobs')
    .select(['id', 'name', 'status', 'progress', 'result', 'last_error', 'created_at', 'updated_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The queue's figures for /api/health: a failing or stuck job cannot hide. */
export interface JobFigures {
  queued: number;
  running: number;
  /** Failed for good and not retried. */
  failed: number;
  /** Of those, how many failed in the last 24 hours. */
  failedLast24h: number;
  /** Running with a lock no heartbeat renews (its process died and nobody reclaimed it), or due for 15 minutes and not started. */
  stuck: number;
}

export async function jobFigures(db: Db): Promise<JobFigures> {
  const row = (
    await sql<JobFigures>`
    SELECT count(*) FILTER (WHERE status = 'queued')::int AS queued,
           count(*) FILTER (WHERE status = 'running')::int AS running,
           count(*) FILTER (WHERE status = 'failed')::int AS failed,
           count(*) FILTER (WHERE status = 'failed' AND updated_at > now() - interval '24 hours')::int AS "failedLast24h",
           count(*) FILTER (WHERE (status = 'running' AND locked_until < now()) OR (status = 'queued' AND run_at < now() - interval '15 minutes'))::int AS stuck
    FROM jobs WHERE status <> 'done'`.execute(db)
  ).rows[0];
  return row;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

/** Jobs for the admin page, newest first, keyset-paged by id. */
export async function listJobs(db: Db, query: { status?: JobStatus; before?: string; limit: number }) {
  let q = db
    .selectFrom('jobs')
    .select(['id', 'name', 'status', 'attempts', 'max_attempts', 'last_error', 'last_run_at', 'run_at', 'updated_at'])
    .orderBy('id', 'desc')
    .limit(query.limit);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.before) q = q.where('id', '<', query.before);
  return q.execute();
}

/**
 * Queues a failed job again, now, with its attempts reset. A recurring job's pending next run (same singleton key)
 * gives way to it: the retried run is that next run. Returns false when the job is not failed, or its key is running.
 */
export async function retryJob(trx: Trx, id: string): Promise<boolean> {
  const job = await trx
    .selectFrom('jobs')
    .select(['status', 'singleton_key'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (job?.status !== 'failed') return false;
  if (job.singleton_key) {
    const active = await trx
      .selectFrom('jobs')
      .select(['id', 'status'])
      .where('singleton_key', '=', job.singleton_key)
      .where('status', 'in', ['queued', 'running'])
      .forUpdate()
      .executeTakeFirst();
    if (active?.status === 'running') return false;
    if (active) await trx.deleteFrom('jobs').where('id', '=', active.id).execute();
  }
  await trx
    .updateTable('jobs')
    .set({ status: 'queued', attempts: 0, run_at: new Date(), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  return true;
}
