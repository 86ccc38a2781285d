import autocannon from 'autocannon';
import type { Figure } from './section.ts';

export interface HttpLoad {
  section: string;
  scenario: string;
  baseUrl: string;
  connections: number;
  /** Seconds; ignored when `amount` is set. */
  duration?: number;
  /** A fixed number of requests instead of a duration (e.g. one login per connection). */
  amount?: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Called for every request: the path (and body) it sends, so that requests cycle through sample inputs. */
  next: () => { path: string; body?: string };
  /** Per-request timeout in seconds. */
  timeout?: number;
  /** The server's CPU time so far (ms), to report CPU per request. */
  cpuMs?: () => number;
}

/** Runs autocannon in this process against the server and turns its result into a Figure. */
export async function measureHttp(load: HttpLoad): Promise<Figure> {
  const cpuBefore = load.cpuMs?.();
  const result = await autocannon({
    url: load.baseUrl,
    connections: load.connections,
    // autocannon refuses a duration of undefined: pass one or the other.
    ...(load.amount === undefined ? { duration: load.duration } : { amount: load.amount }),
    timeout: load.timeout ?? 10,
    headers: load.headers,
    requests: [
      {
        method: load.method ?? 'GET',
        setupRequest: (req) => {
          const { path, body } = load.next();
          return body === undefined ? { ...req, path } : { ...req, path, body };
        },
      },
    ],
  });
  return {
    section: load.section,
    scenario: load.scenario,
    connections: load.connections,
    via: 'api',
    requests: result.requests.total,
    succeeded: result['2xx'],
    perSecond: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    // Requests still being answered when autocannon stops add a little CPU: a slight overestimate.
    cpuPerRequest:
      cpuBefore === undefined || result.requests.total === 0
        ? undefined
        : ((load.cpuMs!() - cpuBefore) * 1000) / result.requests.total,
  };
}

/** A short run to warm the server's and the database's caches before the measured one. */
export async function warmHttp(load: HttpLoad): Promise<void> {
  await measureHttp({ ...load, duration: 2, amount: undefined });
}
