import type { DatabaseHandle } from '../../src/platform/db.ts';

/**
 * A bench section: `bench/sections/<name>.bench.ts` exports `section`. The runner calls each phase of every
 * chosen section in file-name order:
 *   load    → fills the database (skipped when a reused database already holds it), bench process owns the database
 *   prepare → picks sample inputs, bench process owns the database
 *   raw     → the ceiling: the same work without the HTTP API (a bare `pg` client, or PGlite in-process)
 *   api     → through the HTTP API of the server, which runs in a child process
 * The database is handed from the bench process to the server between `raw` and `api`: PGlite allows one
 * process per data directory, and on PostgreSQL it keeps the bare-client pool from competing with the API.
 */
export interface BenchSection {
  name: string;
  load?(bench: LoadContext): Promise<void>;
  prepare?(bench: BenchContext): Promise<void>;
  raw?(bench: BenchContext): Promise<Figure[]>;
  api?(bench: ApiContext): Promise<Figure[]>;
  /** Lines saying whether the section's targets were met, from all figures of the run. */
  verdicts?(figures: Figure[]): string[];
}

export interface BenchSettings {
  /** Customers to load: 1,000,000 on PostgreSQL, 200,000 on PGlite unless BENCH_CUSTOMERS says otherwise. */
  customers: number;
  /** Concurrent connections (HTTP) or in-flight queries (raw) to measure at. */
  connections: number[];
  /** Seconds per measurement. */
  duration: number;
  /** `npm run bench -- --quick` (or BENCH_QUICK=1): the long scenarios (the journey) run 30 s instead of minutes. */
  quick: boolean;
  /** The admin's password in the bench database; demo staff share it. */
  password: string;
}

export interface BenchContext {
  settings: BenchSettings;
  database: DatabaseHandle;
  log(message: string): void;
}

export interface LoadContext extends BenchContext {
  /** Runs `load` unless a reused database already holds this data set (recorded under `key`). */
  once(key: string, load: () => Promise<void>): Promise<void>;
}

export interface ApiContext {
  settings: BenchSettings;
  baseUrl: string;
  log(message: string): void;
  /** CPU time the server process has used so far, in ms. */
  serverCpuMs(): number;
}

/** One measurement: a scenario at a number of connections, through the API or raw. */
export interface Figure {
  section: string;
  scenario: string;
  connections: number;
  via: 'api' | 'raw';
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** The average latency, in ms, where a scenario reports it (the journey, against the seed's average). */
  mean?: number;
  /** Requests answered with success (2xx, or a raw query that returned); `requests - errors` when absent. */
  succeeded?: number;
  /** Requests that failed: connection errors, timeouts, non-2xx answers. */
  errors: number;
  /**
   * CPU per request of the node process doing the work (the server for the API, the bench process for raw), in µs:
   * what each request costs on our side, steadier than req/s when other work shares the machine.
   */
  cpuPerRequest?: number;
}
