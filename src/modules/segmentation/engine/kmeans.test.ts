import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandom } from '../../../platform/demo.ts';
import { kmeans } from './kmeans.ts';
import { KMeansPool } from './worker-pool.ts';

/** Plain Lloyd, every distance every time: the reference the bounded version must match exactly. */
function plainLloyd(
  x: Float64Array,
  n: number,
  d: number,
  init: Float64Array,
  k: number,
  iterations: number,
): Int32Array {
  const centres = Float64Array.from(init);
  const labels = new Int32Array(n);
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestD = Infinity;
      for (let j = 0; j < k; j++) {
        let s = 0;
        for (let t = 0; t < d; t++) s += (x[i * d + t] - centres[j * d + t]) ** 2;
        if (s < bestD) [bestD, best] = [s, j];
      }
      labels[i] = best;
    }
    const sums = new Float64Array(k * d);
    const counts = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      counts[labels[i]]++;
      for (let t = 0; t < d; t++) sums[labels[i] * d + t] += x[i * d + t];
    }
    for (let j = 0; j < k; j++)
      if (counts[j]) for (let t = 0; t < d; t++) centres[j * d + t] = sums[j * d + t] / counts[j];
  }
  return labels;
}

describe('k-means with Elkan bounds', () => {
  const n = 4_000;
  const d = 5;
  const random = seededRandom(77);
  const x = Float64Array.from({ length: n * d }, () => random() * 10);

  it('ends with the same clusters as plain Lloyd from the same start, measuring fewer distances', async () => {
    const pool = KMeansPool.open(x, n, d, 2);
    try {
      const run = await kmeans(pool, { k: 6, seed: 3, tolerance: 0 });
      const reference = plainLloyd(x, n, d, run.init, 6, run.iterations + 1);
      assert.deepEqual(Array.from(run.labels), Array.from(reference));
      assert.ok(run.converged);
      assert.ok(run.distanceComputations < (run.iterations * n * 6) / 2, `computed ${run.distanceComputations}`);
    } finally {
      await pool.close();
    }
  });

  it('starts from the same centres for the same seed and from different ones for another', async () => {
    const pool = KMeansPool.open(x, n, d, 1);
    try {
      const a = await kmeans(pool, { k: 4, seed: 1, maxIterations: 1 });
      const b = await kmeans(pool, { k: 4, seed: 1, maxIterations: 1 });
      const c = await kmeans(pool, { k: 4, seed: 2, maxIterations: 1 });
      assert.deepEqual(a.init, b.init);
      assert.notDeepEqual(a.init, c.init);
      assert.equal(a.iterations, 1);
    } finally {
      await pool.close();
    }
  });
});
