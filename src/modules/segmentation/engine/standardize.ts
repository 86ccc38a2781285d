export interface Standardized {
  /** n×d z-scores in shared memory, ready for the worker pool. */
  z: Float64Array;
  mean: Float64Array;
  sd: Float64Array;
  /** Mean variance of the standardised columns (1, or less when a column is constant): scales the tolerance. */
  meanVariance: number;
}

/**
 * z-score standardisation per column, optionally after log1p on the columns flagged in `logColumns`
 * (spend and traffic are heavy-tailed; the log keeps a few big spenders from dominating the distance).
 * A constant column becomes all zeros rather than NaN.
 */
export function standardize(
  matrix: Float64Array,
  n: number,
  d: number,
  logColumns: readonly boolean[] = [],
): Standardized {
  const z = new Float64Array(new SharedArrayBuffer(Math.max(8, n * d * 8)));
  const mean = new Float64Array(d);
  const sd = new Float64Array(d);
  for (let i = 0; i < n * d; i++) {
    const t = i % d;
    z[i] = logColumns[t] ? Math.log1p(Math.max(0, matrix[i])) : matrix[i];
  }
  for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) mean[t] += z[i * d + t];
  for (let t = 0; t < d; t++) mean[t] /= Math.max(1, n);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < d; t++) {
      const v = z[i * d + t] - mean[t];
      sd[t] += v * v;
    }
  }
  let constant = 0;
  for (let t = 0; t < d; t++) {
    sd[t] = Math.sqrt(sd[t] / Math.max(1, n));
    if (sd[t] === 0) constant++;
  }
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < d; t++) z[i * d + t] = sd[t] > 0 ? (z[i * d + t] - mean[t]) / sd[t] : 0;
  }
  return { z, mean, sd, meanVariance: d === 0 ? 0 : (d - constant) / d };
}
