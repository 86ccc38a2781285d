import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';
import { seedThesisProfiles } from './segmentation-test-support.ts';

type Run = { id: string; customerCount: number; clusterNames: string[]; publishedAt: string | null };

// A run of one region, published, writes only that region's customers: another region's segments stay.
for (const kind of testDatabases()) {
  describe(`publishing a segmentation run per region on ${kind}`, () => {
    let app: TestApp;
    let admin: TestClient;
    const regions: string[] = [];

    const finishedRun = async (body: object): Promise<Run> => {
      const started = await admin.post('/api/segmentation/runs', body);
      assert.equal(started.status, 202, JSON.stringify(started.body));
      await app.services.jobs.runDue();
      const run = (await admin.get(`/api/segmentation/runs/${started.body.runId}`)).body;
      assert.equal(run.status, 'done', run.error);
      return run;
    };
    /** customer id → segment, for the customers a run covered. */
    const segmentsOf = async (runId: string) => {
      const rows = await app.services.db
        .selectFrom('segmentation_assignments as a')
        .innerJoin('customers as c', 'c.id', 'a.customer_id')
        .select(['c.id', 'c.segment'])
        .where('a.run_id', '=', runId)
        .execute();
      return new Map(rows.map((r) => [r.id, r.segment]));
    };
    const rename = (run: Run, prefix: string) =>
      admin.request('PUT', `/api/segmentation/runs/${run.id}/names`, {
        names: run.clusterNames.map((_, i) => `${prefix}${i + 1}`),
      });

    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 150 });
      admin = await app.login('admin');
      const active = await app.services.db
        .selectFrom('customers')
        .select('id')
        .where('status', '=', 'active')
        .orderBy('id')
        .execute();
      await seedThesisProfiles(
        app,
        active.map((r) => r.id),
        ['2026-10'],
      );
      // Two regions with customers, neither inside the other.
      const used = await app.services.db
        .selectFrom('customers as c')
        .innerJoin('org_units as o', 'o.id', 'c.region_id')
        .select(['o.id', 'o.path'])
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('c.status', '=', 'active')
        .groupBy(['o.id', 'o.path'])
        .orderBy('n', 'desc')
        .execute();
      const first = used[0];
      const second = used.find(
        (u) => Number(u.n) >= 10 && !u.path.startsWith(first.path) && !first.path.startsWith(u.path),
      );
      assert.ok(second && Number(first.n) >= 10, 'two regions with enough customers');
      regions.push(first.id, second.id);
    });
    after(() => app.close());

    it('keeps the segments of region A when a run of region B is published, and both runs stay published', async () => {
      const a = await finishedRun({ month: '2026-10', k: 3, seed: 5, filter: { region: regions[0] } });
      const b = await finishedRun({ month: '2026-10', k: 3, seed: 5, filter: { region: regions[1] } });
      assert.equal((await rename(a, 'A')).status, 200);
      assert.equal((await rename(b, 'B')).status, 200);

      const publishedA = await admin.post(`/api/segmentation/runs/${a.id}/publish`);
      assert.equal(publishedA.body.customersUpdated, a.customerCount);
      const publishedB = await admin.post(`/api/segmentation/runs/${b.id}/publish`);
      assert.equal(publishedB.body.customersUpdated, b.customerCount);

      const inA = await segmentsOf(a.id);
      const inB = await segmentsOf(b.id);
      assert.equal(inA.size, a.customerCount);
      assert.ok(
        [...inA.keys()].every((id) => !inB.has(id)),
        'the two runs cover different customers',
      );
      assert.ok(
        [...inA.values()].every((s) => /^A\d$/.test(s ?? '')),
        'region A keeps its segments',
      );
      assert.ok([...inB.values()].every((s) => /^B\d$/.test(s ?? '')));
      assert.notEqual((await admin.get(`/api/segmentation/runs/${a.id}`)).body.publishedAt, null);
      assert.notEqual((await admin.get(`/api/segmentation/runs/${b.id}`)).body.publishedAt, null);

      // Renaming A's clusters relabels A's customers only.
      assert.equal((await rename(a, 'X')).status, 200);
      assert.ok([...(await segmentsOf(a.id)).values()].every((s) => /^X\d$/.test(s ?? '')));
      assert.ok([...(await segmentsOf(b.id)).values()].every((s) => /^B\d$/.test(s ?? '')));
    });

    it('retires the regional runs once a run covering all their customers is published', async () => {
      const runs = (await admin.get('/api/segmentation/runs?limit=10')).body.items as Run[];
      const all = await finishedRun({ month: '2026-10', k: 2, seed: 1 });
      assert.equal((await rename(all, 'Z')).status, 200);
      const published = await admin.post(`/api/segmentation/runs/${all.id}/publish`);
      assert.equal(published.body.customersUpdated, all.customerCount);
      for (const r of runs) assert.equal((await admin.get(`/api/segmentation/runs/${r.id}`)).body.publishedAt, null);
      // Renaming a retired run changes no customer.
      assert.equal((await rename(runs[0], 'Q')).status, 200);
      assert.ok([...(await segmentsOf(all.id)).values()].every((s) => /^Z\d$/.test(s ?? '')));
    });
  });
}
