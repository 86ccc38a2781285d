import { sql } from 'kysely';
import type { RequestContext } from '../../src/platform/access/context.ts';
import type { Db } from '../../src/platform/db.ts';
import { loadIdentity } from '../../src/modules/system/index.ts';
import { searchArticles } from '../../src/modules/knowledge/index.ts';
// The in-process ceiling calls the module's use cases directly (no module would).
import { createWorkOrder } from '../../src/modules/work-orders/create-work-order.ts';
import { listWorkOrders } from '../../src/modules/work-orders/work-order-queries.ts';
import { WorkOrderQuery } from '../../src/modules/work-orders/work-orders.schema.ts';
import { signIn } from '../support/api-session.ts';
import { measureHttp, warmHttp } from '../support/http-load.ts';
import { measureRaw, type RawQuery } from '../support/raw-load.ts';
import type { BenchSection, Figure } from '../support/section.ts';
import { insertCustomers, secondaryIndexes } from './customers-data.ts';
import { insertArticles, insertWorkOrders } from './service-desk-data.ts';

const WORK_ORDERS = Number(process.env.BENCH_WORK_ORDERS ?? 1_000_000);
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const CHUNK = 200_000;
const AGENT = 'chenjie'; // accepts work orders in Jinan and searches the knowledge base
const HANDLER = 'gaojun'; // Jinan access network maintenance centre: the department queue
const QUERIES = [
  '宽带无法上网',
  '光猫红灯',
  '手机没有信号',
  '套餐流量',
  '机顶盒黑屏',
  '固话杂音',
  '宽带提速办理',
  '携号转网',
  'mate6',
  'iphone 1',
  '荣耀 Magic',
  '欠费停机',
  '发票',
  '国际漫游',
  'WiFi 密码',
  '千兆测速',
  '上门预约',
  '专线故障',
  '退费',
  '家庭网副卡',
];

interface Samples {
  agent: RequestContext;
  handler: RequestContext;
  customerIds: string[];
  typeId: string;
}
let samples: Samples;

async function contextOf(db: Db, username: string): Promise<RequestContext> {
  const { id } = await db
    .selectFrom('employees')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return { ...(await loadIdentity(db, id))!, locale: 'zh-CN', ip: '127.0.0.1', requestId: 'bench', via: 'session' };
}

function cycle<T>(items: T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length];
}
/** In-process scenarios reuse the raw runner's loop: the "query" carries the sample, `run` calls the use case. */
const sample = (value: unknown): RawQuery => ({ text: '', values: [value] });

function createBody(customerId: string) {
  return {
    customerId,
    typeId: samples.typeId,
    businessType: 'broadband' as const,
    priority: 'normal' as const,
    contactPhone: '13912345678',
    description: '宽带无法上网，光猫 LOS 灯红色闪烁',
  };
}

export const section: BenchSection = {
  name: 'service-desk',

  async load({ database, settings, log, once }) {
    const { db } = database;
    // Alone (`npm run bench -- service-desk`) nobody else loads customers: load them the customers section's way.
    await once(`customers:${settings.customers}`, async () => {
      for (let from = 1; from <= settings.customers; from += CHUNK)
        await insertCustomers(db, from, Math.min(settings.customers, from + CHUNK - 1));
      log(`service-desk: loaded ${settings.customers.toLocaleString('en-US')} customers`);
    });
    for (const [table, key, fill] of [
      [
        'work_orders',
        `work-orders:${WORK_ORDERS}`,
        async () => {
          for (let from = 1; from <= WORK_ORDERS; from += CHUNK) {
            await insertWorkOrders(db, from, Math.min(WORK_ORDERS, from + CHUNK - 1), WORK_ORDERS);
            log(`service-desk: ${Math.min(WORK_ORDERS, from + CHUNK - 1).toLocaleString('en-US')} work orders`);
          }
        },
      ],
      ['kb_articles', `kb-articles:${ARTICLES}`, () => insertArticles(db, ARTICLES, log)],
    ] as const) {
      await once(key, async () => {
        // Indexes are built after the load: maintaining GIN indexes row by row is many times slower.
        const indexes = await secondaryIndexes(db, table);
        for (const index of indexes) await sql`DROP INDEX ${sql.ref(index.name)}`.execute(db);
        await fill();
        await db.connection().execute(async (conn) => {
          await sql`SET maintenance_work_mem = '256MB'`.execute(conn);
          for (const index of indexes) await sql.raw(index.definition).execute(conn);
        });
        await sql`VACUUM (ANALYZE) ${sql.table(table)}`.execute(db);
        log(`service-desk: ${table} indexed and analysed`);
      });
    }
  },

  async prepare({ database }) {
    const { db } = database;
    const agent = await contextOf(db, AGENT);
    const visible = await sql<{ id: string }>`
      SELECT c.id FROM customers c JOIN org_units o ON o.id = c.region_id WHERE o.path LIKE ${agent.regionPath + '%'} ORDER BY c.id LIMIT 500`.execute(
      db,
    );
    const fault = await db
      .selectFrom('work_order_types')
      .select('id')
      .where('code', '=', 'fault')
      .executeTakeFirstOrThrow();
    samples = {
      agent,
      handler: await contextOf(db, HANDLER),
      customerIds: visible.rows.map((r) => r.id),
      typeId: fault.id,
    };
  },

  async raw({ database, settings, log }) {
    const { db } = database;
    const queue = WorkOrderQuery.parse({ queue: 'department', limit: 50 });
    const scenarios: {
      name: string;
      connections: number[];
      next: () => RawQuery;
      run: (q: RawQuery) => Promise<unknown>;
    }[] = [
      {
        name: `department queue (${WORK_ORDERS.toLocaleString('en-US')} orders)`,
        connections: settings.connections,
        next: () => sample(null),
        run: () => listWorkOrders(db, samples.handler, queue),
      },
      // One connection: the latency of a search alone, against the 50 ms target; then under load.
      {
        name: `knowledge search (${ARTICLES.toLocaleString('en-US')} articles)`,
        connections: [1, ...settings.connections],
        next: cycle(QUERIES.map(sample)),
        run: (q) => searchArticles(db, samples.agent, q.values[0] as string, 10),
      },
      {
        name: 'create work order',
        connections: settings.connections,
        next: cycle(samples.customerIds.map(sample)),
        run: (q) => createWorkOrder(db, samples.agent, createBody(q.values[0] as string)),
      },
    ];
    const figures: Figure[] = [];
    for (const s of scenarios) {
      await measureRaw({
        section: 'service-desk',
        scenario: s.name,
        connections: s.connections[0],
        duration: 2,
        run: s.run,
        next: s.next,
      });
      for (const connections of s.connections) {
        const figure = await measureRaw({
          section: 'service-desk',
          scenario: s.name,
          connections,
          duration: settings.duration,
          run: s.run,
          next: s.next,
        });
        log(
          `in-process ${s.name} @${connections}: ${figure.perSecond.toFixed(0)}/s, p50 ${figure.p50.toFixed(1)} ms, p99 ${figure.p99.toFixed(1)} ms, ${figure.errors} errors`,
        );
        figures.push(figure);
      }
    }
    return figures;
  },

  async api({ baseUrl, settings, log, serverCpuMs }) {
    const agent = await signIn(baseUrl, AGENT, settings.password);
    const handler = await signIn(baseUrl, HANDLER, settings.password);
    interface Scenario {
      name: string;
      connections: number[];
      method?: 'GET' | 'POST';
      headers: Record<string, string>;
      next: () => { path: string; body?: string };
    }
    const scenarios: Scenario[] = [
      {
        name: `department queue (${WORK_ORDERS.toLocaleString('en-US')} orders)`,
        connections: settings.connections,
        headers: { cookie: handler.cookie },
        next: () => ({ path: '/api/work-orders?queue=department&limit=50' }),
      },
      {
        name: `knowledge search (${ARTICLES.toLocaleString('en-US')} articles)`,
        connections: [1, ...settings.connections],
        headers: { cookie: agent.cookie },
        next: cycle(QUERIES.map((q) => ({ path: `/api/knowledge/search?q=${encodeURIComponent(q)}&limit=10` }))),
      },
      {
        name: 'create work order',
        connections: settings.connections,
        method: 'POST',
        headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrfToken, 'content-type': 'application/json' },
        next: cycle(
          samples.customerIds.map((id) => ({ path: '/api/work-orders', body: JSON.stringify(createBody(id)) })),
        ),
      },
    ];
    const figures: Figure[] = [];
    for (const s of scenarios) {
      // The first answer must be what the scenario claims to measure.
      const first = s.next();
      const res = await fetch(baseUrl + first.path, {
        method: s.method ?? 'GET',
        headers: s.headers,
        body: first.body,
      });
      const body = (await res.json()) as { items?: unknown[]; id?: string };
      if (res.status >= 300 || (!body.items?.length && !body.id))
        throw new Error(`${first.path} answered ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
      const load = {
        section: 'service-desk',
        scenario: s.name,
        baseUrl,
        headers: { ...s.headers, 'accept-language': 'zh-CN' },
        method: s.method,
        next: s.next,
        cpuMs: serverCpuMs,
      };
      await warmHttp({ ...load, connections: s.connections[0] });
      for (const connections of s.connections) {
        const figure = await measureHttp({ ...load, connections, duration: settings.duration });
        log(
          `api  ${s.name} @${connections}: ${figure.perSecond.toFixed(0)} req/s, p50 ${figure.p50.toFixed(1)} ms, p99 ${figure.p99.toFixed(1)} ms, ${figure.errors} errors`,
        );
        figures.push(figure);
      }
    }
    return figures;
  },

  verdicts(figures) {
    const search = figures.filter(
      (f) => f.section === 'service-desk' && f.scenario.startsWith('knowledge search') && f.connections === 1,
    );
    return search.map(
      (f) =>
        `service-desk · knowledge search, one at a time (${f.via}): p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms (target < 50 ms) → ${f.p99 < 50 ? 'met' : 'MISSED'}`,
    );
  },
};
