import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';
import { seedThesisProfiles } from './segmentation-test-support.ts';
import { VARIABLE_KEYS } from './variables.ts';

async function finishedRun(app: TestApp, client: TestClient, body: object) {
  const started = await client.post('/api/segmentation/runs', body);
  assert.equal(started.status, 202, JSON.stringify(started.body));
  await app.services.jobs.runDue();
  const run = await client.get(`/api/segmentation/runs/${started.body.runId}`);
  assert.equal(run.status, 200);
  assert.equal(run.body.status, 'done', run.body.error);
  return run.body;
}

for (const kind of testDatabases()) {
  describe(`segmentation runs on ${kind}`, () => {
    let app: TestApp;
    let admin: TestClient;
    let wangfang: TestClient;
    let truthOf: Map<string, string>;

    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 150 });
      admin = await app.login('admin');
      wangfang = await app.login('wangfang');
      const active = await app.services.db
        .selectFrom('customers')
        .select('id')
        .where('status', '=', 'active')
        .orderBy('id')
        .execute();
      truthOf = await seedThesisProfiles(
        app,
        active.map((r) => r.id),
        ['2026-09', '2026-10'],
      );
    });
    after(() => app.close());

    it('clusters a marketing manager’s customers into the thesis segments in the background, with profiles, scores and a chart', async () => {
      const started = await wangfang.post('/api/segmentation/runs', { month: '2026-10', k: 3, seed: 7 });
      assert.equal(started.status, 202);
      const queued = await wangfang.get(`/api/segmentation/runs/${started.body.runId}`);
      assert.equal(queued.body.status, 'queued');
      assert.equal(queued.body.progress, 0);
      await app.services.jobs.runDue();
      const run = (await wangfang.get(`/api/segmentation/runs/${started.body.runId}`)).body;
      assert.equal(run.status, 'done', run.error);
      assert.equal(run.progress, 100);
      assert.equal(run.kUsed, 3);
      assert.deepEqual(run.variables, VARIABLE_KEYS);
      assert.equal(run.createdByName, '王芳');
      // Only customers in wangfang's region (Jinan) were clustered.
      const jinan = (await wangfang.get('/api/customers?limit=200&status=active')).body.items as { id: string }[];
      assert.equal(run.customerCount, jinan.length);
      assert.equal(
        run.sizes.reduce((s: number, v: number) => s + v, 0),
        jinan.length,
      );
      assert.equal(run.profiles.length, 3);
      assert.equal(run.profiles[0].length, 15);
      assert.ok(run.silhouette > 0.3 && run.silhouette <= 1, `silhouette ${run.silhouette}`);
      assert.ok(run.converged);
      assert.deepEqual(
        run.elbow.map((p: { k: number }) => p.k),
        [2, 3, 4, 5, 6, 7, 8],
      );
      assert.equal(run.projection.points.length, jinan.length);
      assert.deepEqual([...run.clusterNames].sort(), ['上网族', '本地主流', '话多族'].sort());
      // The internet-heavy cluster's busy-hour traffic, in GB, is near the thesis's 120.
      const internet = run.clusterNames.indexOf('上网族');
      assert.ok(Math.abs(run.profiles[internet][VARIABLE_KEYS.indexOf('busyDataGb')] - 120) < 25);
    });

    it('chooses K = 3 by silhouette when asked, averaging two months', async () => {
      const run = await finishedRun(app, admin, { month: '2026-10', months: 2, k: 'auto', seed: 3, log: true });
      assert.equal(run.k, 'auto');
      assert.equal(run.kUsed, 3);
      const best = run.elbow.reduce((a: { silhouette: number }, b: { silhouette: number }) =>
        b.silhouette > a.silhouette ? b : a,
      );
      assert.equal(best.k, 3);
      assert.equal(run.customerCount, truthOf.size);
    });

    it('refuses bad parameters with a message per field', async () => {
      const cases: [object, string][] = [
        [{ month: '2026-10', k: 9 }, 'k'],
        [{ month: '2026-10', k: 1 }, 'k'],
        [{ month: '2026-10', k: 3, variables: ['baseFee', 'shoeSize'] }, 'variables'],
        [{ month: '2026-10', k: 3, variables: ['baseFee'] }, 'variables'],
        [{ month: '2026-13', k: 3 }, 'month'],
        [{ month: '2026-10', k: 3, filter: { planet: 'Mars' } }, 'filter'],
      ];
      for (const [body, field] of cases) {
        const res = await wangfang.post('/api/segmentation/runs', body);
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.equal(res.body.error.code, 'VALIDATION_FAILED');
        assert.ok(
          Object.keys(res.body.error.fields).some((f) => f.startsWith(field)),
          `${JSON.stringify(body)} → ${JSON.stringify(res.body.error.fields)}`,
        );
      }
      const empty = await wangfang.post('/api/segmentation/runs', {
        month: '2026-10',
        k: 3,
        filter: { segment: '没有这个细分' },
      });
      assert.equal(empty.status, 400);
      assert.equal(empty.body.error.code, 'NO_CUSTOMERS');
      assert.ok(empty.body.error.fields.filter);
      const noUsage = await wangfang.post('/api/segmentation/runs', { month: '2025-01', k: 3 });
      assert.equal(noUsage.body.error.code, 'NO_CUSTOMERS');
      const runs = (await admin.get('/api/segmentation/runs')).body.items as unknown[];
      assert.equal(runs.length, 2, 'no run was recorded for refused requests');
    });

    it('renames and publishes clusters onto the customers, who can then be filtered by segment', async () => {
      const run = await finishedRun(app, wangfang, { month: '2026-10', k: 3, seed: 11 });
      const unpublished = await wangfang.post(`/api/segmentation/runs/${run.id}/publish`);
      assert.equal(unpublished.status, 200);
      const names = run.clusterNames.map((n: string) => (n === '上网族' ? '流量达人' : n));
      const dup = await wangfang.request('PUT', `/api/segmentation/runs/${run.id}/names`, {
        names: ['甲', '甲', '乙'],
      });
      assert.equal(dup.status, 400);
      const wrongCount = await wangfang.request('PUT', `/api/segmentation/runs/${run.id}/names`, {
        names: ['甲', '乙'],
      });
      assert.equal(wrongCount.status, 400);
      const renamed = await wangfang.request('PUT', `/api/segmentation/runs/${run.id}/names`, { names });
      assert.equal(renamed.status, 200);
      assert.deepEqual(renamed.body.clusterNames, names);

      const heavy = (await wangfang.get(`/api/customers?segment=${encodeURIComponent('流量达人')}&limit=200`)).body
        .items as { id: string; segment: string }[];
      assert.equal(heavy.length, run.sizes[names.indexOf('流量达人')]);
      assert.ok(heavy.every((c) => c.segment === '流量达人' && truthOf.get(c.id) === 'internet'));
      const one = await wangfang.get(`/api/customers/${heavy[0].id}`);
      assert.equal(one.body.segment, '流量达人');

      // A run over all customers covers every customer of the earlier one: their segments are replaced and it is retired.
      const other = await finishedRun(app, admin, { month: '2026-10', k: 2, seed: 1 });
      const published = await admin.post(`/api/segmentation/runs/${other.id}/publish`);
      assert.equal(published.body.customersUpdated, other.customerCount);
      assert.equal(
        (await wangfang.get(`/api/customers?segment=${encodeURIComponent('流量达人')}`)).body.items.length,
        0,
      );
      assert.equal((await wangfang.get(`/api/segmentation/runs/${run.id}`)).body.publishedAt, null);
      const history = await admin.get('/api/audit?entity=segmentation_run');
      if (history.status === 200) assert.ok(JSON.stringify(history.body).includes('publish'));
    });

    it('keeps run history newest first, scoped like the customers, and closed to roles without the permission', async () => {
      const list = await admin.get('/api/segmentation/runs?limit=2');
      assert.equal(list.status, 200);
      assert.equal(list.body.items.length, 2);
      assert.ok(Number(list.body.items[0].id) > Number(list.body.items[1].id));
      const rest = await admin.get(`/api/segmentation/runs?limit=50&cursor=${list.body.nextCursor}`);
      assert.ok(rest.body.items.every((r: { id: string }) => Number(r.id) < Number(list.body.items[1].id)));

      const mine = (await wangfang.get('/api/segmentation/runs?limit=50')).body.items as {
        id: string;
        createdByName: string;
      }[];
      const yantai = await app.login('zhouqiang');
      const theirs = (await yantai.get('/api/segmentation/runs?limit=50')).body.items as { id: string }[];
      assert.ok(mine.length > 0);
      assert.ok(
        theirs.every((r) => !mine.some((m) => m.id === r.id)),
        'a Yantai manager does not see Jinan runs',
      );
      assert.equal((await yantai.get(`/api/segmentation/runs/${mine[0].id}`)).status, 404);
      assert.equal((await yantai.post('/api/segmentation/runs', { month: '2026-10', k: 3 })).status, 403);
      const telemarketer = await app.login('zhaolei');
      assert.equal((await telemarketer.get('/api/segmentation/runs')).status, 403);
      assert.equal((await wangfang.get('/api/segmentation/runs/999999')).status, 404);
    });
  });
}
