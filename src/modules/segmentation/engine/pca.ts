import type { KMeansPool } from './worker-pool.ts';

export interface Projection {
  /** Two principal axes (d each) and the share of the total variance each explains. */
  axes: [Float64Array, Float64Array];
  explained: [number, number];
}

/**
 * PCA to two dimensions: the covariance of the pool's matrix (summed by the workers), then the two leading
 * eigenvectors by power iteration with deflation — a d×d problem, so a few hundred steps cost nothing.
 */
export async function principalAxes(pool: KMeansPool): Promise<Projection> {
  const { n, d } = pool;
  const mean = new Float64Array(d);
  const xx = new Float64Array(d * d);
  for (const part of await pool.moments()) {
    for (let a = 0; a < d; a++) mean[a] += part.sums[a];
    for (let t = 0; t < d * d; t++) xx[t] += part.products[t];
  }
  for (let a = 0; a < d; a++) mean[a] /= n;
  const cov = new Float64Array(d * d);
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) {
      const v = xx[a * d + b] / n - mean[a] * mean[b];
      cov[a * d + b] = v;
      cov[b * d + a] = v;
    }
  }
  let trace = 0;
  for (let a = 0; a < d; a++) trace += cov[a * d + a];
  const first = powerIteration(cov, d);
  deflate(cov, d, first.vector, first.value);
  const second = powerIteration(cov, d);
  const share = (v: number) => (trace > 0 ? Math.max(0, v) / trace : 0);
  return { axes: [first.vector, second.vector], explained: [share(first.value), share(second.value)] };
}

function powerIteration(m: Float64Array, d: number): { vector: Float64Array; value: number } {
  let v = new Float64Array(d).map((_, i) => 1 / Math.sqrt(d) + i * 1e-3); // not orthogonal to any axis by accident
  let value = 0;
  for (let step = 0; step < 500; step++) {
    const w = new Float64Array(d);
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) w[a] += m[a * d + b] * v[b];
    const norm = Math.hypot(...w);
    if (norm === 0) return { vector: v, value: 0 };
    for (let a = 0; a < d; a++) w[a] /= norm;
    const delta = w.reduce((s, x, a) => s + Math.abs(x - v[a]), 0);
    v = w;
    value = norm;
    if (delta < 1e-10) break;
  }
  // A sign convention, so the same data always draws the same picture.
  const largest = v.reduce((best, x, a) => (Math.abs(x) > Math.abs(v[best]) ? a : best), 0);
  if (v[largest] < 0) for (let a = 0; a < d; a++) v[a] = -v[a];
  return { vector: v, value };
}

function deflate(m: Float64Array, d: number, v: Float64Array, value: number): void {
  for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) m[a * d + b] -= value * v[a] * v[b];
}

/** Coordinates of row `i` of the standardised matrix on the two axes. */
export function project(data: Float64Array, d: number, i: number, p: Projection): [number, number] {
  let x = 0;
  let y = 0;
  for (let t = 0; t < d; t++) {
    x += data[i * d + t] * p.axes[0][t];
    y += data[i * d + t] * p.axes[1][t];
  }
  return [x, y];
}
