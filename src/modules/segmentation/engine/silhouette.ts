import type { KMeansPool } from './worker-pool.ts';

/**
 * Mean silhouette of the clustering over `rows` (a sample: the exact score is O(n²)). 1 is tight, well
 * separated clusters; 0 is overlapping ones. `labels` are the pool's labels for all rows.
 */
export async function silhouetteScore(
  pool: KMeansPool,
  k: number,
  labels: Int32Array,
  rows: Int32Array,
): Promise<number> {
  if (rows.length < 2) return 0;
  const rowLabels = Int32Array.from(rows, (r) => labels[r]);
  const parts = await pool.silhouette(k, rows, rowLabels);
  return parts.reduce((s, p) => s + p.total, 0) / rows.length;
}
