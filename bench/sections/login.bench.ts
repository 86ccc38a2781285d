import { sql } from 'kysely';
import { hashPassword, verifyPassword } from '../../src/platform/secrets.ts';
import { measureHttp } from '../support/http-load.ts';
import { percentile } from '../support/stats.ts';
import type { BenchSection, Figure } from '../support/section.ts';

/** A morning shift change: this many staff press "sign in" at the same moment, each on their own connection. */
const STAFF = 1000;
const SCENARIO = `${STAFF} simultaneous logins`;
const username = (i: number) => `bench${String(i).padStart(4, '0')}`;

export const section: BenchSection = {
  name: 'login',

  async load({ database, settings, once }) {
    await once(`login:${STAFF}`, async () => {
      // One hash for all: every sign-in still verifies a full argon2id hash with the OWASP parameters.
      const passwordHash = await hashPassword(settings.password);
      await sql`
        WITH staff AS (
          INSERT INTO employees (username, password_hash, name, org_unit_id)
          SELECT 'bench' || lpad(g::text, 4, '0'), ${passwordHash}, '话务员' || g, (SELECT id FROM org_units WHERE code = 'CC-T1')
          FROM generate_series(1, ${STAFF}) g
          RETURNING id)
        INSERT INTO employee_roles (employee_id, role_id) SELECT id, (SELECT id FROM roles WHERE code = 'telemarketer') FROM staff`.execute(
        database.db,
      );
    });
  },

  /** The floor under the API figure: the same number of argon2id verifications at once, nothing else. */
  async raw({ database, settings, log }) {
    const { password_hash: hash } = await database.db
      .selectFrom('employees')
      .select('password_hash')
      .where('username', '=', username(1))
      .executeTakeFirstOrThrow();
    const latencies: number[] = [];
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: STAFF }, async () => {
        const t0 = performance.now();
        const ok = await verifyPassword(hash, settings.password);
        latencies.push(performance.now() - t0);
        return ok;
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const figure: Figure = {
      section: 'login',
      scenario: SCENARIO,
      connections: STAFF,
      via: 'raw',
      requests: STAFF,
      succeeded: results.filter(Boolean).length,
      perSecond: STAFF / seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      errors: results.filter((ok) => !ok).length,
    };
    log(`raw  argon2id verify ×${STAFF}: ${seconds.toFixed(1)} s, p50 ${figure.p50.toFixed(0)} ms`);
    return [figure];
  },

  async api({ baseUrl, settings, log }) {
    let i = 0;
    const figure = await measureHttp({
      section: 'login',
      scenario: SCENARIO,
      baseUrl,
      connections: STAFF,
      amount: STAFF,
      timeout: 120,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      next: () => ({
        path: '/api/auth/login',
        body: JSON.stringify({ username: username(1 + (i++ % STAFF)), password: settings.password }),
      }),
    });
    log(
      `api  ${SCENARIO}: ${figure.succeeded} signed in, p50 ${figure.p50.toFixed(0)} ms, p99 ${figure.p99.toFixed(0)} ms`,
    );
    return [figure];
  },

  verdicts(figures) {
    const api = figures.find((f) => f.section === 'login' && f.via === 'api');
    if (!api) return ['login: not measured'];
    const signedIn = api.succeeded ?? 0;
    const ok = signedIn === STAFF && api.p50 < 2000;
    return [
      `login · ${SCENARIO}: ${signedIn} of ${STAFF} signed in, p50 ${api.p50.toFixed(0)} ms (target < 2000) → ${ok ? 'met' : 'MISSED'}`,
    ];
  },
};
