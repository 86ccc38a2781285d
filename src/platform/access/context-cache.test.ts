import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cachedIdentity, forgetIdentity, type IdentityContext } from './context-cache.ts';

const identity = (employeeId: string): IdentityContext => ({
  employeeId,
  username: `u${employeeId}`,
  name: 'n',
  orgUnitId: '1',
  orgPath: '1/',
  departmentPath: '1/',
  regionPath: '1/',
  permissions: new Set(),
  scope: 'own',
});

describe('the identity cache', () => {
  it('loads an identity once for requests that arrive together, and serves the next from the cache', async () => {
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 5));
      return identity('7');
    };
    const results = await Promise.all(Array.from({ length: 50 }, () => cachedIdentity('session:together', load)));
    assert.equal(loads, 1);
    assert.ok(results.every((r) => r?.employeeId === '7'));
    await cachedIdentity('session:together', load);
    assert.equal(loads, 1);
  });

  it('does not cache a load that was under way when the session was forgotten', async () => {
    let loads = 0;
    let finish!: () => void;
    const first = cachedIdentity('session:forgotten', () => {
      loads++;
      return new Promise((r) => {
        finish = () => r(identity('8'));
      });
    });
    forgetIdentity('session:forgotten');
    finish();
    await first;
    const again = await cachedIdentity('session:forgotten', async () => {
      loads++;
      return undefined;
    });
    assert.equal(loads, 2);
    assert.equal(again, undefined);
  });

  it('does not cache an unknown session', async () => {
    let loads = 0;
    const load = async () => {
      loads++;
      return undefined;
    };
    assert.equal(await cachedIdentity('session:unknown', load), undefined);
    assert.equal(await cachedIdentity('session:unknown', load), undefined);
    assert.equal(loads, 2);
  });
});
