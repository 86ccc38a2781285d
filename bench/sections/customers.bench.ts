import {
  type CompiledQuery,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
} from 'kysely';
import type { RequestContext } from '../../src/platform/access/context.ts';
import type { Database, Db } from '../../src/platform/db.ts';
import { loadIdentity } from '../../src/modules/system/index.ts';
import { visibleCustomerIds } from '../../src/modules/customers/index.ts';
import { CustomerQuery } from '../../src/modules/customers/customers.schema.ts';
import { idCardProblem } from '../../src/modules/customers/customer-validators.ts';
// The bench replays the exact SQL the API runs, so it reads the repository directly (no module would).
import { findCustomer, searchCustomers } from '../../src/modules/customers/customers.repository.ts';
import { signIn } from '../support/api-session.ts';
import { measureHttp, warmHttp } from '../support/http-load.ts';
import { measureRaw, rawRunner, type RawQuery } from '../support/raw-load.ts';
import type { BenchSection, Figure } from '../support/section.ts';
import { insertCustomers, secondaryIndexes } from './customers-data.ts';

/** Who searches: a Jinan account manager (region scope, sees full numbers), as at a front desk. */
const USERNAME = 'zhangwei';
const SAMPLES = 500;
const CHUNK = 100_000;

interface Sample {
  id: string;
  phone: string;
  id_card: string;
  name: string;
}
/** One request of a scenario: the API path and the SQL the API runs for it. */
interface Lookup {
  path: string;
  raw: RawQuery;
  expectId?: string;
}
interface Scenario {
  name: string;
  lookups: Lookup[];
}
let scenarios: Scenario[] = [];

/** A Kysely that compiles but runs nothing: the repository's queries, captured as SQL text and parameters. */
function captureQueries() {
  const captured: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  return {
    db: db as Db,
    async sqlOf(run: (db: Db) => Promise<unknown>): Promise<RawQuery> {
      captured.length = 0;
      await run(db as Db);
      if (captured.length !== 1) throw new Error(`expected one query, captured ${captured.length}`);
      return { text: captured[0].sql, values: captured[0].parameters };
    },
  };
}

async function buildScenarios(db: Db): Promise<Scenario[]> {
  const employee = await db
    .selectFrom('employees')
    .select('id')
    .where('username', '=', USERNAME)
    .executeTakeFirstOrThrow();
  const ctx: RequestContext = {
    ...(await loadIdentity(db, employee.id))!,
    locale: 'zh-CN',
    ip: '127.0.0.1',
    requestId: 'bench',
    via: 'session',
  };
  const samples = (
    await sql<Sample>`
    SELECT id, phone, id_card, name FROM customers
    -- People with three-character names (most of them), so that each sample serves every scenario.
    WHERE id IN (${visibleCustomerIds(db, ctx)}) AND id_card IS NOT NULL AND char_length(name) = 3
    ORDER BY random() LIMIT ${SAMPLES}`.execute(db)
  ).rows;
  const bad = samples.find((s) => idCardProblem(s.id_card) !== null);
  if (bad) throw new Error(`loaded an invalid ID card: ${bad.id_card}`);

  const capture = captureQueries();
  const search = async (q: string, expectId?: string): Promise<Lookup> => ({
    path: `/api/customers?q=${encodeURIComponent(q)}`,
    raw: await capture.sqlOf((d) => searchCustomers(d, ctx, CustomerQuery.parse({ q }), undefined)),
    expectId,
  });
  const all = async (make: (s: Sample) => Promise<Lookup>) => {
    const lookups: Lookup[] = [];
    for (const s of samples) lookups.push(await make(s)); // one at a time: the capture holds one query
    return lookups;
  };
  return [
    { name: 'search by phone', lookups: await all((s) => search(s.phone, s.id)) },
    { name: 'search by phone tail (4)', lookups: await all((s) => search(s.phone.slice(-4))) },
    { name: 'search by ID card', lookups: await all((s) => search(s.id_card, s.id)) },
    { name: 'search by name prefix (2)', lookups: await all((s) => search([...s.name].slice(0, 2).join(''))) },
    // Full names of 3 characters: prefix and fuzzy (trigram) matching together.
    { name: 'search by full name (3)', lookups: await all((s) => search(s.name)) },
    {
      name: 'GET /api/customers/:id',
      lookups: await all(async (s) => ({
        path: `/api/customers/${s.id}`,
        raw: await capture.sqlOf((d) => findCustomer(d, ctx, s.id)),
        expectId: s.id,
      })),
    },
  ];
}

function cycle<T>(items: T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length];
}

export const section: BenchSection = {
  name: 'customers',

  async load({ database, settings, log, once }) {
    const { db } = database;
    await once(`customers:${settings.customers}`, async () => {
      // Indexes are built after the load: maintaining a trigram GIN row by row is many times slower.
      const indexes = await secondaryIndexes(db, 'customers');
      for (const index of indexes) await sql`DROP INDEX ${sql.ref(index.name)}`.execute(db);
      for (let from = 1; from <= settings.customers; from += CHUNK) {
        await insertCustomers(db, from, Math.min(settings.customers, from + CHUNK - 1));
        log(`customers: inserted ${Math.min(settings.customers, from + CHUNK - 1).toLocaleString('en-US')}`);
      }
      await db.connection().execute(async (conn) => {
        await sql`SET maintenance_work_mem = '256MB'`.execute(conn);
        for (const index of indexes) {
          await sql.raw(index.definition).execute(conn);
          log(`customers: built ${index.name}`);
        }
      });
      await sql`VACUUM (ANALYZE) customers`.execute(db);
      log('customers: vacuumed and analysed');
    });
  },

  async prepare({ database, log }) {
    scenarios = await buildScenarios(database.db);
    log(`customers: ${SAMPLES} sample customers in ${USERNAME}'s scope, ${scenarios.length} scenarios`);
  },

  async raw({ database, settings, log }) {
    const run = rawRunner(database);
    const figures: Figure[] = [];
    for (const scenario of scenarios) {
      const next = cycle(scenario.lookups.map((l) => l.raw));
      await measureRaw({
        section: 'customers',
        scenario: scenario.name,
        connections: settings.connections[0],
        duration: 2,
        run,
        next,
      });
      for (const connections of settings.connections) {
        const figure = await measureRaw({
          section: 'customers',
          scenario: scenario.name,
          connections,
          duration: settings.duration,
          run,
          next,
        });
        log(
          `raw  ${scenario.name} @${connections}: ${figure.perSecond.toFixed(0)} q/s, p99 ${figure.p99.toFixed(1)} ms`,
        );
        figures.push(figure);
      }
    }
    return figures;
  },

  async api({ baseUrl, settings, log, serverCpuMs }) {
    const { cookie } = await signIn(baseUrl, USERNAME, settings.password);
    const headers = { cookie, 'accept-language': 'zh-CN' };
    const figures: Figure[] = [];
    // A fresh server compiles its hot paths on the first requests: warm it on every scenario at once, so
    // that the first scenario measured does not pay for that alone.
    const every = scenarios.flatMap((s) => s.lookups.slice(0, 50).map((l) => ({ path: l.path })));
    await warmHttp({
      section: 'customers',
      scenario: 'warm-up',
      baseUrl,
      headers,
      connections: settings.connections[0],
      next: cycle(every),
    });
    for (const scenario of scenarios) {
      // The answers must be the customers asked for, or the figures measure something else.
      for (const lookup of scenario.lookups.slice(0, 5)) {
        const res = await fetch(baseUrl + lookup.path, { headers });
        const body = (await res.json()) as { id?: string; items?: { id: string }[] };
        const ids = body.items?.map((c) => c.id) ?? [body.id];
        if (res.status !== 200 || ids.length === 0 || (lookup.expectId && !ids.includes(lookup.expectId))) {
          throw new Error(`${lookup.path} answered ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
        }
      }
      const next = cycle(scenario.lookups.map((l) => ({ path: l.path })));
      const load = { section: 'customers', scenario: scenario.name, baseUrl, headers, next, cpuMs: serverCpuMs };
      // Requests still queued in the server when autocannon stops are answered afterwards: wait for one sent
      // behind them before the next measurement, or it would pay for this one's backlog.
      const drain = () => fetch(baseUrl + scenario.lookups[0].path, { headers, signal: AbortSignal.timeout(300_000) });
      await warmHttp({ ...load, connections: settings.connections[0] });
      await drain();
      for (const connections of settings.connections) {
        const figure = await measureHttp({ ...load, connections, duration: settings.duration });
        await drain();
        log(
          `api  ${scenario.name} @${connections}: ${figure.perSecond.toFixed(0)} req/s, p99 ${figure.p99.toFixed(1)} ms, ${figure.errors} errors`,
        );
        figures.push(figure);
      }
    }
    return figures;
  },

  verdicts(figures) {
    const most = Math.max(...figures.filter((f) => f.section === 'customers').map((f) => f.connections));
    return scenarios.map(({ name }) => {
      const api = figures.find(
        (f) => f.section === 'customers' && f.scenario === name && f.via === 'api' && f.connections === most,
      );
      const raw = figures.find(
        (f) => f.section === 'customers' && f.scenario === name && f.via === 'raw' && f.connections === most,
      );
      if (!api || !raw) return `customers · ${name}: not measured`;
      const ratio = api.perSecond / raw.perSecond;
      const ok = api.errors === 0 && api.p99 < 200 && ratio >= 0.4;
      return `customers · ${name} @${most}: ${api.errors} errors, p99 ${api.p99.toFixed(0)} ms (target < 200), ${(ratio * 100).toFixed(0)} % of raw (target ≥ 40 %) → ${ok ? 'met' : 'MISSED'}`;
    });
  },
};
