/** Each cluster's mean per variable in the original units (yuan, minutes, GB), and the overall mean. */
export function clusterProfiles(
  raw: Float64Array,
  n: number,
  d: number,
  labels: Int32Array,
  k: number,
): { means: number[][]; overall: number[] } {
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  const total = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const j = labels[i];
    counts[j]++;
    for (let t = 0; t < d; t++) {
      sums[j * d + t] += raw[i * d + t];
      total[t] += raw[i * d + t];
    }
  }
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    means: Array.from({ length: k }, (_, j) =>
      Array.from({ length: d }, (_, t) => round(counts[j] ? sums[j * d + t] / counts[j] : 0)),
    ),
    overall: Array.from(total, (v) => round(n ? v / n : 0)),
  };
}
