import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

describe('HTTP edges', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp('pglite', { demoCustomers: 0 });
  });
  after(() => app.close());

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await app.anonymous().get('/api/no-such-thing');
    assert.equal(res.status, 404);
    assert.equal(res.body.error.code, 'ROUTE_NOT_FOUND');
  });

  it('answers an oversize body with 413 and malformed JSON with 400, never 500', async () => {
    const admin = await app.login('admin');
    const big = await admin.request('POST', '/api/contacts', JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }), {
      'content-type': 'application/json',
    });
    assert.equal(big.status, 413);
    const broken = await admin.request('POST', '/api/contacts', '{"name": ', { 'content-type': 'application/json' });
    assert.equal(broken.status, 400);
    const wrongType = await admin.request('POST', '/api/contacts', '<name>x</name>', {
      'content-type': 'application/xml',
    });
    assert.equal(wrongType.status, 415);
    const badId = await admin.get('/api/customers/abc');
    assert.equal(badId.status, 400);
    assert.ok(badId.body.error.fields.id);
    const hugeId = await admin.get('/api/customers/99999999999999999999');
    assert.equal(hugeId.status, 400);
  });

  it("speaks the caller's language in error messages", async () => {
    const zh = await app.anonymous().get('/api/customers');
    assert.equal(zh.body.error.message, '请先登录');
    const client = app.anonymous();
    client.headers['accept-language'] = 'en-US,en;q=0.9';
    assert.equal((await client.get('/api/customers')).body.error.message, 'Please sign in');
  });

  it('serves the OpenAPI description of the public API', async () => {
    const res = await app.anonymous().get('/api/docs/json');
    assert.equal(res.status, 200);
    for (const path of [
      '/api/auth/login',
      '/api/customers',
      '/api/customers/{id}/cancel',
      '/api/customers/merge',
      '/api/contacts',
      '/api/org-units',
      '/api/employees',
      '/api/roles',
      '/api/audit',
      '/api/api-tokens',
    ]) {
      assert.ok(res.body.paths[path], `documents ${path}`);
    }
    assert.ok(res.body.paths['/api/customers'].post.requestBody, 'request bodies come from the zod schemas');
  });
});
