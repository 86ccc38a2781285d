import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, testDatabases, type TestApp } from '../../testing/test-app.ts';

for (const kind of testDatabases()) {
  describe(`security headers and access before validation on ${kind}`, () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp(kind, { demoCustomers: 5 });
    });
    after(() => app.close());

    it('sends CSP, frame, referrer and sniffing rules, and no-store on API answers', async () => {
      const res = await (await app.login('zhangwei')).get('/api/customers?limit=1');
      assert.match(res.headers.get('content-security-policy')!, /default-src 'self'.*frame-ancestors 'none'/);
      assert.match(res.headers.get('content-security-policy')!, /script-src 'self'(;|$)/);
      assert.equal(res.headers.get('x-frame-options'), 'DENY');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(res.headers.get('cache-control'), 'no-store');
      // HSTS only where the app is served over https.
      assert.equal(res.headers.get('strict-transport-security'), null);
      const failed = await app.anonymous().get('/api/customers');
      assert.equal(failed.headers.get('cache-control'), 'no-store');
      assert.equal(failed.headers.get('x-frame-options'), 'DENY');
    });

    it('answers 401 to an unauthenticated caller and 403 to an unauthorised one before looking at the input', async () => {
      const anonymous = await app.anonymous().post('/api/employees', { username: '' });
      assert.equal(anonymous.status, 401);
      assert.equal(anonymous.body.error.fields, undefined);
      const telemarketer = await app.login('zhaolei');
      const forbidden = await telemarketer.post('/api/employees', { username: '' });
      assert.equal(forbidden.status, 403);
      assert.equal(forbidden.body.error.fields, undefined);
      assert.equal((await app.anonymous().get('/api/customers?limit=abc')).status, 401);
      // Uploads too (their own plugin scope): 401 before the multipart body is read.
      assert.equal((await app.anonymous().post('/api/imports/usage', {})).status, 401);
    });
  });
}
