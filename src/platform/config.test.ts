import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { sql } from 'kysely';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../testing/test-app.ts';
import { readConfig } from './config.ts';

describe('configuration read in one place', () => {
  it('reads the HTTPS, proxy and web build settings from the environment', () => {
    const set = readConfig({ LIANXI_SECURE_COOKIE: '1', LIANXI_TRUST_PROXY: '1', LIANXI_WEB_DIST: 'somewhere/dist' });
    assert.equal(set.secureCookie, true);
    assert.equal(set.trustProxy, true);
    assert.equal(set.webDist, path.resolve('somewhere/dist'));
    const unset = readConfig({});
    assert.equal(unset.secureCookie, false);
    assert.equal(unset.trustProxy, false);
    assert.equal(unset.webDist, path.resolve(import.meta.dirname, '../../web/dist'));
  });

  it('reads the messaging quiet hours: 21-8 unless set, off for none, and refuses nonsense', () => {
    assert.deepEqual(readConfig({}).quietHours, { startHour: 21, endHour: 8 });
    assert.deepEqual(readConfig({ LIANXI_QUIET_HOURS: '22-7' }).quietHours, { startHour: 22, endHour: 7 });
    assert.equal(readConfig({ LIANXI_QUIET_HOURS: 'off' }).quietHours, undefined);
    assert.throws(() => readConfig({ LIANXI_QUIET_HOURS: '25-8' }), /LIANXI_QUIET_HOURS/);
    assert.throws(() => readConfig({ LIANXI_QUIET_HOURS: 'night' }), /LIANXI_QUIET_HOURS/);
  });
});

/** The app takes these settings from its Config, not from process.env (which this test leaves alone). On PGlite: no SQL involved. */
describe('an app configured for HTTPS behind a proxy', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp('pglite', { demoCustomers: 1, config: { secureCookie: true, trustProxy: true } });
  });
  after(() => app.close());

  const post = (url: string, body: unknown) =>
    fetch(`${app.baseUrl}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
      body: JSON.stringify(body),
    });

  it('sets Secure staff and portal cookies and Strict-Transport-Security', async () => {
    const staff = await post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    assert.equal(staff.status, 200);
    assert.match(staff.headers.getSetCookie().join('\n'), /lx_session=[^;]+;.*Secure/);
    assert.match(staff.headers.get('strict-transport-security') ?? '', /max-age=/);
    const phone = await sql<{ login_phone: string }>`SELECT login_phone FROM portal_accounts LIMIT 1`.execute(
      app.services.db,
    );
    const portal = await post('/api/portal/login', { phone: phone.rows[0].login_phone, password: ADMIN_PASSWORD });
    assert.equal(portal.status, 200);
    assert.match(portal.headers.getSetCookie().join('\n'), /lx_portal=[^;]+;.*Secure/);
  });

  it('takes the client address from X-Forwarded-For', async () => {
    const res = await post('/api/auth/login', { username: 'admin', password: 'not-the-password' });
    assert.equal(res.status, 401);
    const attempt = await sql<{ ip: string }>`SELECT ip FROM login_attempts ORDER BY at DESC LIMIT 1`.execute(
      app.services.db,
    );
    assert.equal(attempt.rows[0].ip, '203.0.113.7');
  });
});
