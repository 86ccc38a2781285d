import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';

for (const kind of testDatabases()) {
  describe(`background jobs for administrators on ${kind}`, () => {
    let app: TestApp;
    let failures = 1;
    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 4 });
      await app.services.jobs.scheduleRecurring(
        'test.flaky',
        3_600_000,
        async () => {
          if (failures-- > 0) throw new Error('the report server did not answer');
          return 'ok';
        },
        { maxAttempts: 1 },
      );
      await app.services.jobs.runDue();
    });
    after(() => app.close());

    it('lists a failed job with its error, counts it in /api/health, and retries it', async () => {
      const admin = await app.login('admin');
      const failed = await admin.get('/api/system/jobs?status=failed');
      assert.equal(failed.status, 200);
      const job = failed.body.items.find((j: { name: string }) => j.name === 'test.flaky');
      assert.equal(job.lastError, 'the report server did not answer');
      assert.ok(job.lastRunAt);
      assert.equal((await app.anonymous().get('/api/health')).body.jobs.failed, 1);

      assert.equal((await admin.post(`/api/system/jobs/${job.id}/retry`)).status, 202);
      assert.equal(
        (await admin.post(`/api/system/jobs/${job.id}/retry`)).status,
        409,
        'a queued job is not retried twice',
      );
      await app.services.jobs.runDue();
      const done = (await admin.get('/api/system/jobs')).body.items.filter(
        (j: { name: string }) => j.name === 'test.flaky',
      );
      assert.deepEqual(
        done.map((j: { status: string }) => j.status).sort(),
        ['done', 'queued'],
        'retried, and scheduled again once',
      );
      assert.equal((await app.anonymous().get('/api/health')).body.jobs.failed, 0);
    });

    it('is for administrators only', async () => {
      assert.equal((await (await app.login('zhangwei')).get('/api/system/jobs')).status, 403);
    });
  });
}
