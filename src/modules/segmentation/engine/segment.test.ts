import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { syntheticProfiles, THESIS_SEGMENTS } from '../synthetic-profiles.ts';
import { VARIABLE_KEYS, VARIABLES } from '../variables.ts';
import { runSegmentation } from './segment.ts';

const d = VARIABLES.length;

/** Share of customers whose cluster's majority segment is their own, and the cluster → segment map. */
function recovery(labels: Int32Array, truth: string[], k: number) {
  const votes = Array.from({ length: k }, () => new Map<string, number>());
  truth.forEach((segment, i) => {
    votes[labels[i]].set(segment, (votes[labels[i]].get(segment) ?? 0) + 1);
  });
  const majority = votes.map((v) => [...v.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]);
  const right = truth.filter((segment, i) => majority[labels[i]] === segment).length;
  return { share: right / truth.length, majority };
}

describe('segmentation of customers drawn around the thesis cluster centres', () => {
  const n = 30_000;
  const { matrix, truth } = syntheticProfiles(n, 2026);

  it('puts at least 95 % of customers in their own cluster and names the clusters after the thesis', async () => {
    const out = await runSegmentation(matrix, n, { variables: VARIABLE_KEYS, k: 3, seed: 11 });
    const { share, majority } = recovery(out.labels, truth, 3);
    assert.ok(share >= 0.95, `recovered ${share}`);
    assert.deepEqual([...majority].sort(), [...THESIS_SEGMENTS].sort(), 'each cluster is a different thesis segment');
    const nameOf = Object.fromEntries(majority.map((segment, j) => [segment, out.suggestedNames[j].zh]));
    assert.deepEqual(nameOf, { internet: '上网族', talkative: '话多族', local: '本地主流' });
    // Profiles are in original units: the internet cluster's busy-hour traffic is near the thesis's 120 GB.
    const internet = majority.indexOf('internet');
    const busy = VARIABLE_KEYS.indexOf('busyDataGb');
    assert.ok(Math.abs(out.profiles[internet][busy] - 120) < 10, `busy traffic ${out.profiles[internet][busy]}`);
    assert.equal(
      out.sizes.reduce((s, v) => s + v, 0),
      n,
    );
    assert.equal(out.profiles.length, 3);
    assert.equal(out.profiles[0].length, d);
    assert.ok(out.converged);
  });

  it('chooses K = 3 when asked to choose, with the log option too', async () => {
    for (const log of [false, true]) {
      const out = await runSegmentation(matrix, n, {
        variables: VARIABLE_KEYS,
        k: 'auto',
        seed: 5,
        logColumns: VARIABLES.map((v) => log && v.heavyTailed),
      });
      assert.equal(out.k, 3, `log=${log}: silhouettes ${JSON.stringify(out.elbow)}`);
      assert.deepEqual(
        out.elbow.map((p) => p.k),
        [2, 3, 4, 5, 6, 7, 8],
      );
      assert.ok(out.elbow[0].inertia > out.elbow[1].inertia, 'inertia falls as K grows');
      assert.ok(recovery(out.labels, truth, 3).share >= 0.95);
    }
  });

  it('gives the same result for the same seed, on one worker or two', async () => {
    const small = syntheticProfiles(3_000, 9);
    const a = await runSegmentation(small.matrix, 3_000, { variables: VARIABLE_KEYS, k: 4, seed: 42, workers: 1 });
    const b = await runSegmentation(small.matrix, 3_000, { variables: VARIABLE_KEYS, k: 4, seed: 42, workers: 2 });
    assert.deepEqual(Array.from(a.labels), Array.from(b.labels));
    assert.deepEqual(a.profiles, b.profiles);
    assert.deepEqual(a.projection.points, b.projection.points);
  });

  it('projects onto two principal axes that explain most of the variance of well-separated clusters', async () => {
    const small = syntheticProfiles(3_000, 3);
    const out = await runSegmentation(small.matrix, 3_000, { variables: VARIABLE_KEYS, k: 3, seed: 1 });
    const [first, second] = out.projection.explained;
    assert.ok(first >= second && first + second > 0.5, `explained ${first}, ${second}`);
    assert.equal(out.projection.points.length, 2_000);
    assert.ok(out.silhouette > 0.3, `silhouette ${out.silhouette}`);
  });
});
