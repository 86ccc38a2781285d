import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { suggestNames } from './suggest-names.ts';

const VARS = [
  'baseFee',
  'voiceSpend',
  'localMinutes',
  'roamingSpend',
  'domesticRoamingMinutes',
  'internetSpend',
  'busyDataGb',
];

/** A standardised centre (z-scores) per cluster, in VARS order. */
const centres = (...rows: number[][]) => Float64Array.from(rows.flat());

describe('suggested cluster names', () => {
  it('names a cluster after the family of variables it stands out on', () => {
    const names = suggestNames(
      centres(
        [0, -0.5, -0.3, -0.4, -0.4, 1.4, 1.6],
        [0.8, 1.5, 1.2, 0.1, 0.2, -0.8, -0.6],
        [0.2, 0, -0.2, 1.3, 1.1, -0.2, -0.3],
        [0.1, 0.1, 0, 0.1, 0, -0.1, 0],
        [-1.2, -1, -0.9, -0.8, -0.9, -1, -1.1],
      ),
      5,
      VARS,
    );
    assert.deepEqual(
      names.map((n) => n.zh),
      ['上网族', '话多族', '商旅族', '本地主流', '低消费族'],
    );
    assert.equal(names[0].en, 'Internet-heavy');
  });

  it('numbers clusters that share a family, so every name differs', () => {
    const names = suggestNames(centres([0, 0, 0, 0, 0, 1, 1], [0, 0, 0, 0, 0, 2, 2], [0, 1, 1, 0, 0, 0, 0]), 3, VARS);
    assert.deepEqual(
      names.map((n) => n.zh),
      ['上网族 1', '上网族 2', '话多族'],
    );
  });

  it('ignores families whose variables were not chosen', () => {
    const names = suggestNames(centres([2, 2], [-2, -2]), 2, ['baseFee', 'localMinutes']);
    assert.deepEqual(
      names.map((n) => n.en),
      ['Talkative', 'Low spenders'],
    );
  });
});
