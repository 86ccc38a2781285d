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

/**
 * A durable job queue in the `jobs` table, the same on PGlite and on a PostgreSQL server.
 * Jobs are claimed with FOR UPDATE SKIP LOCKED, so several processes can share the queue; a job whose
 * process died is claimed again once its lock expires, so jobs survive restarts. Failed jobs retry with
 * backoff. Recurring jobs (SLA sweeps, monthly scoring) re-enqueue themselves under a singleton key.
 */
export class JobRunner {
  readonly #db: Db;
  readonly #log: FastifyBaseLogger | undefined;
  readonly #handlers = new Map<string, JobHandler>();
  readonly #recurring = new Map<string, number>();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;

  constructor(db: Db, log?: FastifyBaseLogger) {
    this.#db = db;
    this.#log = log;
  }

  register(name: string, handler: JobHandler): void {
    this.#handlers.set(name, handler);
  }

  /**
   * Runs `name` every `everyMs`; the schedule lives in the table, so a restart keeps it. The first run is due at once
   * unless `firstRunAt` says otherwise (a daily backup waits a day rather than running at every first start).
   */
  async scheduleRecurring(name: string, everyMs: number, handler: JobHandler, options: { firstRunAt?: Date } = {}): Promise<void> {
    this.register(name, handler);
    this.#recurring.set(name, everyMs);
    await enqueueJob(this.#db, name, {}, { singletonKey: `recurring:${name}`, runAt: options.firstRunAt });
  }

  start(pollMs = 1000): void {
    const tick = async () => {
      this.#running = this.runDue().then(() => undefined, (err) => this.#log?.error({ err }, 'job runner tick failed'));
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

  async #claim() {
    const names = [...this.#handlers.keys()];
    if (names.length === 0) return undefined;
    const result = await sql<{ id: string; name: string; payload: unknown; attempts: number; max_attempts: number }>`
      UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_until = now() + interval '10 minutes', updated_at = now()
      WHERE id = (
        SELECT id FROM jobs
        WHERE name IN (${sql.join(names)})
          AND ((status = 'queued' AND run_at <= now()) OR (status = 'running' AND locked_until < now()))
        ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING id, name, payload, attempts, max_attempts`.execute(this.#db);
    return result.rows[0];
  }

  async #run(job: { id: string; name: string; payload: unknown; attempts: number; max_attempts: number }) {
    const handler = this.#handlers.get(job.name)!;
    const helpers: JobHelpers = {
      db: this.#db,
      jobId: job.id,
      reportProgress: async (percent) => {
        await this.#db.updateTable('jobs').set({ progress: String(Math.min(100, Math.max(0, percent))), updated_at: new Date() }).where('id', '=', job.id).execute();
      },
    };
    try {
      const result = await handler(job.payload, helpers);
      await this.#db.transaction().execute(async (trx) => {
        await trx.updateTable('jobs').set({ status: 'done', progress: '100', result: JSON.stringify(result ?? null), locked_until: null, updated_at: new Date() }).where('id', '=', job.id).execute();
        const every = this.#recurring.get(job.name);
        if (every !== undefined) await enqueueJob(trx, job.name, {}, { singletonKey: `recurring:${job.name}`, runAt: new Date(Date.now() + every) });
      });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.#log?.warn({ job: job.name, jobId: job.id, err: message }, 'job failed');
      const giveUp = job.attempts >= job.max_attempts;
      await this.#db.updateTable('jobs').set({
        status: giveUp ? 'failed' : 'queued',
        last_error: message.slice(0, 2000),
        run_at: new Date(Date.now() + 1000 * 2 ** job.attempts),
        locked_until: null,
        updated_at: new Date(),
      }).where('id', '=', job.id).execute();
    }
  }
}

/** Queues a job in the caller's transaction, so it exists only if the write that asked for it commits. */
export async function enqueueJob(db: Db | Trx, name: string, payload: unknown, options: EnqueueOptions = {}): Promise<string | undefined> {
  const row = await db.insertInto('jobs').values({
    name,
    payload: JSON.stringify(payload ?? {}),
    run_at: options.runAt ?? new Date(),
    singleton_key: options.singletonKey ?? null,
    ...(options.maxAttempts ? { max_attempts: options.maxAttempts } : {}),
  })
    .onConflict((oc) => oc.column('singleton_key').where('singleton_key', 'is not', null).where('status', 'in', ['queued', 'running']).doNothing())
    .returning('id').executeTakeFirst();
  return row?.id;
}

export async function getJob(db: Db, id: string) {
  return db.selectFrom('jobs').select(['id', 'name', 'status', 'progress', 'result', 'last_error', 'created_at', 'updated_at']).where('id', '=', id).executeTakeFirst();
}
