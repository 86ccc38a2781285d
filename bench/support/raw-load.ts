import { createHash } from 'node:crypto';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import type { Figure } from './section.ts';
import { percentile } from './stats.ts';

export interface RawQuery {
  text: string;
  values: readonly unknown[];
}

/**
 * How the ceiling runs a query: through the bare `pg` pool as a named prepared statement (parsed and planned
 * once per connection, the fastest a node client gets), or through PGlite's own `query` in this process.
 */
export function rawRunner(database: DatabaseHandle): (query: RawQuery) => Promise<unknown> {
  if (database.pool) {
    const pool = database.pool;
    const names = new Map<string, string>();
    const nameOf = (text: string) => {
      let name = names.get(text);
      if (!name) {
        name = `bench_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
        names.set(text, name);
      }
      return name;
    };
    return (q) => pool.query({ name: nameOf(q.text), text: q.text, values: [...q.values] });
  }
  const pglite = database.pglite!;
  return (q) => pglite.query(q.text, [...q.values]);
}

export interface RawLoad {
  section: string;
  scenario: string;
  connections: number;
  duration: number;
  run: (query: RawQuery) => Promise<unknown>;
  next: () => RawQuery;
}

/**
 * Keeps `connections` queries in flight for `duration` seconds (they queue for the pool as HTTP requests
 * queue for the server's pool) and times each from issue to result.
 */
export async function measureRaw(load: RawLoad): Promise<Figure> {
  const latencies: number[] = [];
  let errors = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const until = started + load.duration * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const t0 = performance.now();
      try {
        await load.run(load.next());
        latencies.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: load.connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  latencies.sort((a, b) => a - b);
  return {
    section: load.section,
    scenario: load.scenario,
    connections: load.connections,
    via: 'raw',
    requests: latencies.length + errors,
    succeeded: latencies.length,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
    cpuPerRequest: (cpu.user + cpu.system) / Math.max(1, latencies.length + errors),
  };
}
