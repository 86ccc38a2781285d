import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { clusterBinaries, startThrowawayCluster, type ThrowawayCluster } from '../testing/throwaway-cluster.ts';
import { startServer } from '../testing/server-process.ts';
import { TestClient } from '../testing/test-client.ts';

const binaries = clusterBinaries();
const PASSWORD = 'restart-pass-2026';
const CLIENTS = 20;
/** Bounds of the load: each client stops after this many writes or when the window closes, whichever comes first. */
const MAX_WRITES_PER_CLIENT = 300;
const LOAD_WINDOW_MS = 15_000;
const RESTART_AFTER_MS = 4_000;

interface Outcome {
  status: number;
  id?: string;
  code?: string;
  retryAfter?: string | null;
}

// The app runs as its own process (`node src/main.ts`) on a PostgreSQL cluster of this test's own, which the test
// stops and restarts; the shared server is never touched.
describe('the server when its PostgreSQL restarts', { skip: 'missing' in binaries ? binaries.missing : false }, () => {
  let cluster: ThrowawayCluster;
  let server: Awaited<ReturnType<typeof startServer>>;
  let admin: TestClient;
  let regionId: string;
  let phone = 13_900_000_000;
  const person = () => ({ name: `重启客户${phone}`, phone: String(phone++), category: 'enterprise', regionId });

  before(async () => {
    cluster = await startThrowawayCluster((binaries as { bin: string }).bin);
    server = await startServer({
      DATABASE_URL: cluster.url,
      LIANXI_ADMIN_PASSWORD: PASSWORD,
      LIANXI_JOBS: '1',
      LOG_LEVEL: 'error',
    });
    admin = new TestClient(server.baseUrl);
    assert.equal((await admin.post('/api/auth/login', { username: 'admin', password: PASSWORD })).status, 200);
    const region = await admin.post('/api/org-units', {
      parentId: null,
      code: 'RST',
      name: '重启测试分公司',
      kind: 'city',
    });
    assert.equal(region.status, 201, JSON.stringify(region.body));
    regionId = region.body.id;
  });
  after(async () => {
    await server?.stop();
    await cluster?.destroy();
  });

  it('answers 503 with a retry hint while the database is down, health included, and serves again once it is back', async () => {
    cluster.stop();
    try {
      const write = await admin.request('POST', '/api/customers', person(), { 'accept-language': 'en' });
      assert.equal(write.status, 503, JSON.stringify(write.body));
      assert.equal(write.body.error.code, 'DATABASE_UNAVAILABLE');
      assert.match(write.body.error.message, /database/i);
      assert.ok(Number(write.headers.get('retry-after')) > 0);
      const zh = await admin.request('POST', '/api/customers', person(), { 'accept-language': 'zh-CN' });
      assert.equal(zh.body.error.message, '数据库暂时不可用，请稍后重试');
      const health = await admin.get('/api/health');
      assert.equal(health.status, 503);
      assert.equal(health.body.status, 'unavailable');
      assert.equal(server.exitCode(), null, 'the server is still running');
    } finally {
      cluster.start();
    }
    const back = await firstSuccess(() => admin.post('/api/customers', person()));
    assert.equal(back.status, 201);
    const health = await admin.get('/api/health');
    assert.equal(health.status, 200);
    assert.equal(health.body.status, 'ok');
    assert.equal(typeof health.body.jobs.failed, 'number');
  });

  it(`keeps every acknowledged write and never exits when the cluster restarts under ${CLIENTS} writing clients`, async () => {
    const outcomes: Outcome[] = [];
    const started = Date.now();
    let restartedAt = 0;
    const client = async () => {
      for (let i = 0; i < MAX_WRITES_PER_CLIENT && Date.now() - started < LOAD_WINDOW_MS; i++) {
        // A refused connection (the server process gone) is an outcome too: status 0.
        const res = await admin.post('/api/customers', person()).catch((err: Error) => ({
          status: 0,
          body: { error: { code: String(err.cause ?? err) } },
          headers: new Headers(),
        }));
        outcomes.push({
          status: res.status,
          id: res.body?.id,
          code: res.body?.error?.code,
          retryAfter: res.headers.get('retry-after'),
        });
        if (res.status === 503) await new Promise((resolve) => setTimeout(resolve, 100));
        // Timed from the moment the restarted database accepts connections again.
        if (restartedAt && res.status === 201 && !firstOkAfterRestart) firstOkAfterRestart = Date.now();
      }
    };
    let firstOkAfterRestart = 0;
    const restarting = new Promise((resolve) => setTimeout(resolve, RESTART_AFTER_MS))
      .then(() => cluster.restart())
      .then(() => {
        restartedAt = Date.now();
      });
    await Promise.all([restarting, ...Array.from({ length: CLIENTS }, client)]);

    assert.equal(server.exitCode(), null, 'the server process never exited');
    const unexpected = outcomes.filter((o) => o.status !== 201 && o.status !== 503);
    assert.deepEqual(
      unexpected.slice(0, 5),
      [],
      `every write either succeeded or was refused with 503 (${unexpected.length} did not)`,
    );
    for (const refused of outcomes.filter((o) => o.status === 503)) {
      assert.equal(refused.code, 'DATABASE_UNAVAILABLE');
      assert.ok(refused.retryAfter);
    }
    assert.ok(firstOkAfterRestart > 0, 'a write succeeded after the restart');
    assert.ok(
      firstOkAfterRestart - restartedAt < 10_000,
      `serving again ${firstOkAfterRestart - restartedAt} ms after the database came back`,
    );

    const acknowledged = outcomes.filter((o) => o.status === 201).map((o) => o.id!);
    const direct = new pg.Client({ connectionString: cluster.url });
    await direct.connect();
    try {
      const found = await direct.query('SELECT count(*)::int AS n FROM customers WHERE id = ANY($1::bigint[])', [
        acknowledged,
      ]);
      assert.equal(found.rows[0].n, acknowledged.length, 'every acknowledged write is in the database');
    } finally {
      await direct.end();
    }
    console.log(
      `restart under load: ${acknowledged.length} writes acknowledged, ${outcomes.length - acknowledged.length} refused with 503, serving again ${firstOkAfterRestart - restartedAt} ms after the restart`,
    );
  });
});

/** Retries a request until it succeeds (the pool reconnects on its own), for at most 10 s. */
async function firstSuccess(request: () => Promise<{ status: number; body: any }>) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const res = await request();
    if (res.status < 500 || Date.now() > deadline) return res;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
