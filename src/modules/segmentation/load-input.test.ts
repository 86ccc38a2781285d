import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { monthsUpTo } from './load-input.ts';

describe('the months a run averages', () => {
  it('counts back from the chosen month across a year boundary', () => {
    assert.deepEqual(monthsUpTo('2026-02', 3), ['2026-02', '2026-01', '2025-12']);
    assert.deepEqual(monthsUpTo('2026-10', 1), ['2026-10']);
  });
});
