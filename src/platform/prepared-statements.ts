import { createHash } from 'node:crypto';
import pg from 'pg';

/** Statements prepared per connection at most; beyond this, queries run unnamed (as before). */
const MAX_PER_CONNECTION = 500;
/** Statements with more parameters are bulk writes whose text rarely repeats: not worth a server-side plan. */
const MAX_PARAMETERS = 64;

/**
 * A `pg` client that runs every parameterised query as a named prepared statement, so that PostgreSQL parses
 * (and, for simple lookups, plans) each distinct SQL text once per connection instead of on every request.
 * Measured with `npm run bench`; see docs/benchmarks.md. Kysely calls `query(text, values)`; everything else
 * (queries without parameters, config objects, COPY streams) passes through unchanged.
 */
export class PreparingClient extends pg.Client {
  #names = new Map<string, string>();
  /** Texts this connection must not prepare again (their cached plan went stale, see below). */
  #unprepared = new Set<string>();

  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // A connection the server ends (restart: 57P01) emits 'error'. While idle in the pool, the pool hears it and drops the
    // connection; while checked out, nobody else listens, and an unheard 'error' would end the process. The query in
    // flight (or the next one) fails on its own, and the pool discards the dead connection when it is released.
    this.on('error', () => {});
  }

  query(config: any, values?: any, callback?: any): any {
    if (
      typeof config !== 'string' ||
      !Array.isArray(values) ||
      values.length === 0 ||
      values.length > MAX_PARAMETERS ||
      callback
    ) {
      return super.query(config, values, callback);
    }
    const name = this.#nameOf(config);
    if (!name) return super.query(config, values);
    return (super.query({ name, text: config, values }) as Promise<pg.QueryResult>).catch(
      (error: { code?: string; routine?: string }) => {
        // A migration by another process changed a table under a prepared `SELECT *`: PostgreSQL refuses the old
        // plan ("cached plan must not change result type"). Run this text unnamed on this connection from now on.
        if (error.code !== '0A000' || error.routine !== 'RevalidateCachedQuery') throw error;
        this.#unprepared.add(config);
        return super.query(config, values);
      },
    );
  }

  #nameOf(text: string): string | undefined {
    let name = this.#names.get(text);
    if (name || this.#unprepared.has(text) || this.#names.size >= MAX_PER_CONNECTION) return name;
    name = `lx_${createHash('sha1').update(text).digest('base64url')}`;
    this.#names.set(text, name);
    return name;
  }
}
