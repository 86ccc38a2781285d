import { seededRandom } from '../../../platform/demo.ts';
import type { KMeansPool } from './worker-pool.ts';
import type { AssignReply, TotalReply } from './worker-protocol.ts';

export interface KMeansOptions {
  k: number;
  seed: number;
  /** Initial centres (k×d); k-means++ from `seed` when absent. */
  init?: Float64Array;
  maxIterations?: number;
  /** Stop once the summed squared centre shift falls to this (scikit-learn's `tol` × mean column variance). */
  tolerance?: number;
  onIteration?(iteration: number, changed: number): void | Promise<void>;
}

export interface KMeansResult {
  k: number;
  /** k×d, in the pool's (standardised) units. */
  centres: Float64Array;
  init: Float64Array;
  /** Cluster of each row; shared memory owned by the pool. */
  labels: Int32Array;
  sizes: number[];
  inertia: number;
  iterations: number;
  converged: boolean;
  /** Point-to-centre distances computed, to show what the bounds saved. */
  distanceComputations: number;
}

const sumTotals = (replies: TotalReply[]) => replies.reduce((s, r) => s + r.total, 0);

/**
 * Greedy k-means++ (as scikit-learn does it): each next centre is the best of 2 + ln k candidates drawn with
 * probability ∝ squared distance to the nearest centre so far. The draws come from `seed`, so a seed names a result.
 */
export async function kmeansPlusPlus(pool: KMeansPool, k: number, seed: number): Promise<Float64Array> {
  const { n, d, data, minD2 } = pool;
  const random = seededRandom(seed);
  const centres = new Float64Array(k * d);
  const row = (i: number) => data.subarray(i * d, (i + 1) * d);
  const first = Math.floor(random() * n);
  centres.set(row(first), 0);
  let total = sumTotals(await pool.nearest(row(first), true));
  const trials = 2 + Math.floor(Math.log(k));
  for (let c = 1; c < k; c++) {
    let best = -1;
    let bestTotal = Infinity;
    for (let t = 0; t < trials; t++) {
      const candidate = drawByWeight(minD2, n, total, random());
      const potential = sumTotals(await pool.potential(row(candidate)));
      if (potential < bestTotal) {
        bestTotal = potential;
        best = candidate;
      }
    }
    centres.set(row(best), c * d);
    total = sumTotals(await pool.nearest(row(best), false));
  }
  return centres;
}

/** Index i drawn with probability weight[i] / total (falls back to the last positive weight on rounding). */
function drawByWeight(weight: Float64Array, n: number, total: number, u: number): number {
  let target = u * total;
  let last = 0;
  for (let i = 0; i < n; i++) {
    if (weight[i] > 0) {
      last = i;
      target -= weight[i];
      if (target < 0) return i;
    }
  }
  return last;
}

/**
 * Lloyd's k-means with Elkan's bounds: each row keeps an upper bound on the distance to its centre and a lower
 * bound on the distance to each other centre; a row is measured again only against centres whose bounds overlap
 * (Hamerly's single test first, which settles most rows). The result is exactly Lloyd's; convergence is
 * scikit-learn's (no label changed, or the centres moved less than `tolerance`).
 */
export async function kmeans(pool: KMeansPool, options: KMeansOptions): Promise<KMeansResult> {
  const { k } = options;
  const { d } = pool;
  const maxIterations = options.maxIterations ?? 300;
  const tolerance = options.tolerance ?? 1e-4;
  const init = options.init ?? (await kmeansPlusPlus(pool, k, options.seed));
  let centres = Float64Array.from(init);
  let replies = await pool.assign(k, centres);
  let distanceComputations = 0;
  let iterations = 0;
  let converged = false;
  let sizes: number[] = [];
  for (;;) {
    iterations++;
    const { next, changed, counts, distances } = combine(replies, centres, k, d);
    distanceComputations += distances;
    sizes = counts;
    await options.onIteration?.(iterations, changed);
    const shift = new Float64Array(k);
    let shiftTotal = 0;
    for (let j = 0; j < k; j++) {
      shift[j] = Math.sqrt(squaredDistance(next, j, centres, j, d));
      shiftTotal += shift[j] * shift[j];
    }
    const strict = changed === 0;
    centres = next;
    if (strict) {
      converged = true;
      break;
    }
    if (shiftTotal <= tolerance || iterations >= maxIterations) {
      converged = shiftTotal <= tolerance;
      // Make the labels agree with the final centres, as scikit-learn does.
      replies = await pool.elkan(centres, shift, ...gaps(centres, k, d));
      sizes = combine(replies, centres, k, d).counts;
      break;
    }
    replies = await pool.elkan(centres, shift, ...gaps(centres, k, d));
  }
  const inertia = sumTotals(await pool.inertia(centres));
  return { k, centres, init, labels: pool.labels, sizes, inertia, iterations, converged, distanceComputations };
}

/** New centres from the workers' running sums; a cluster left empty keeps its old centre. */
function combine(replies: AssignReply[], old: Float64Array, k: number, d: number) {
  const sums = new Float64Array(k * d);
  const counts = new Array<number>(k).fill(0);
  let changed = 0;
  let distances = 0;
  for (const r of replies) {
    for (let t = 0; t < k * d; t++) sums[t] += r.sums[t];
    for (let j = 0; j < k; j++) counts[j] += r.counts[j];
    changed += r.changed;
    distances += r.distances;
  }
  const next = new Float64Array(k * d);
  for (let j = 0; j < k; j++) {
    for (let t = 0; t < d; t++) next[j * d + t] = counts[j] > 0 ? sums[j * d + t] / counts[j] : old[j * d + t];
  }
  return { next, counts, changed, distances };
}

/**
 * Half the distance between every two centres (k×k), and from each centre to its nearest other: a row closer
 * to its centre than that cannot switch.
 */
function gaps(centres: Float64Array, k: number, d: number): [Float64Array, Float64Array] {
  const half = new Float64Array(k).fill(Infinity);
  const between = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const v = Math.sqrt(squaredDistance(centres, a, centres, b, d)) / 2;
      between[a * k + b] = v;
      between[b * k + a] = v;
      if (v < half[a]) half[a] = v;
      if (v < half[b]) half[b] = v;
    }
  }
  return [half, between];
}

export function squaredDistance(a: Float64Array, i: number, b: Float64Array, j: number, d: number): number {
  let s = 0;
  for (let t = 0; t < d; t++) {
    const v = a[i * d + t] - b[j * d + t];
    s += v * v;
  }
  return s;
}
