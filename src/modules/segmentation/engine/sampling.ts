import { seededRandom } from '../../../platform/demo.ts';

/** `m` distinct row indices out of `n`, sorted, chosen from `seed` (all rows when m ≥ n). */
export function sampleRows(n: number, m: number, seed: number): Int32Array {
  if (m >= n) return Int32Array.from({ length: n }, (_, i) => i);
  // Floyd's algorithm: m draws, no n-sized scratch array.
  const random = seededRandom(seed ^ 0x5bd1e995);
  const chosen = new Set<number>();
  for (let j = n - m; j < n; j++) {
    const t = Math.floor(random() * (j + 1));
    chosen.add(chosen.has(t) ? j : t);
  }
  return Int32Array.from([...chosen].sort((a, b) => a - b));
}

/** The rows `rows` of an n×d matrix, as a new m×d matrix. */
export function takeRows(matrix: Float64Array, d: number, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length * d);
  for (let r = 0; r < rows.length; r++) out.set(matrix.subarray(rows[r] * d, rows[r] * d + d), r * d);
  return out;
}
