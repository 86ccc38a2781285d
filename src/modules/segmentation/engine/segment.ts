import { kmeans } from './kmeans.ts';
import { principalAxes, project } from './pca.ts';
import { clusterProfiles } from './profiles.ts';
import { sampleRows, takeRows } from './sampling.ts';
import { silhouetteScore } from './silhouette.ts';
import { standardize } from './standardize.ts';
import { suggestNames, type SuggestedName } from './suggest-names.ts';
import { KMeansPool } from './worker-pool.ts';

export const K_RANGE = { min: 2, max: 8 } as const;
/** Rows the elbow/silhouette scan for "choose K" clusters: enough for stable scores, cheap for 7 runs. */
const ELBOW_SAMPLE = 20_000;
/** Rows scored for the silhouette (pairwise, so quadratic) and drawn in the 2-D chart. */
const SILHOUETTE_SAMPLE = 2_000;
const CHART_SAMPLE = 2_000;
/** k-means starts per K on the sample (scikit-learn's default n_init is 10 on all rows). */
const STARTS = 5;

export interface SegmentationParams {
  /** Variable keys in the order of the matrix's columns. */
  variables: readonly string[];
  k: number | 'auto';
  seed: number;
  /** log1p before the z-score on the columns flagged here (heavy-tailed spend). */
  logColumns?: readonly boolean[];
  maxIterations?: number;
  workers?: number;
}

export interface ElbowPoint {
  k: number;
  inertia: number;
  silhouette: number;
}

export interface SegmentationOutcome {
  k: number;
  labels: Int32Array;
  sizes: number[];
  /** Cluster means in original units, [cluster][variable]; and the whole population's means. */
  profiles: number[][];
  overall: number[];
  suggestedNames: SuggestedName[];
  iterations: number;
  converged: boolean;
  inertia: number;
  silhouette: number;
  /** Inertia and silhouette for K = 2..8 on a sample of `elbowSampleSize` rows. */
  elbow: ElbowPoint[];
  elbowSampleSize: number;
  /** A sample of customers on the first two principal axes: [x, y, cluster]. */
  projection: { explained: [number, number]; points: [number, number, number][] };
}

/**
 * A whole segmentation of an n×d matrix in original units: standardise, scan K = 2..8 on a sample with
 * several k-means++ starts each (the elbow chart, and the choice when K is "auto": best silhouette), cluster
 * every row with the chosen K from the sample's best centres, then profile, name and project the clusters.
 * `onProgress` gets 0–100.
 */
export async function runSegmentation(
  raw: Float64Array,
  n: number,
  params: SegmentationParams,
  onProgress: (percent: number) => void | Promise<void> = () => {},
): Promise<SegmentationOutcome> {
  const d = params.variables.length;
  const std = standardize(raw, n, d, params.logColumns);
  const tolerance = 1e-4 * std.meanVariance;

  const elbowRows = sampleRows(n, ELBOW_SAMPLE, params.seed);
  const elbowPool = KMeansPool.open(takeRows(std.z, d, elbowRows), elbowRows.length, d, params.workers);
  const elbow: ElbowPoint[] = [];
  const bestCentres = new Map<number, Float64Array>();
  try {
    const scored = sampleRows(elbowRows.length, SILHOUETTE_SAMPLE, params.seed + 1);
    const maxK = Math.min(K_RANGE.max, elbowRows.length - 1);
    for (let k = K_RANGE.min; k <= maxK; k++) {
      // Several starts on the sample, keeping the tightest: one unlucky k-means++ draw can split a real
      // segment and merge two others. Its centres then start the run on every row.
      let best: Awaited<ReturnType<typeof kmeans>> | undefined;
      let bestLabels = new Int32Array(0);
      for (let start = 0; start < STARTS; start++) {
        const run = await kmeans(elbowPool, {
          k,
          seed: params.seed + 7919 * start,
          tolerance,
          maxIterations: params.maxIterations,
        });
        if (!best || run.inertia < best.inertia) {
          best = run;
          bestLabels = Int32Array.from(run.labels);
        }
      }
      bestCentres.set(k, best!.centres);
      elbow.push({ k, inertia: best!.inertia, silhouette: await silhouetteScore(elbowPool, k, bestLabels, scored) });
      await onProgress(Math.round((40 * (k - K_RANGE.min + 1)) / (maxK - K_RANGE.min + 1)));
    }
  } finally {
    await elbowPool.close();
  }
  const k = params.k === 'auto' ? elbow.reduce((best, p) => (p.silhouette > best.silhouette ? p : best)).k : params.k;

  const pool = KMeansPool.open(std.z, n, d, params.workers);
  try {
    const run = await kmeans(pool, {
      k,
      seed: params.seed,
      init: bestCentres.get(k),
      tolerance,
      maxIterations: params.maxIterations,
      // The iteration count is unknown in advance: creep towards 90 %.
      onIteration: (i) => onProgress(40 + Math.round(50 * (i / (i + 4)))),
    });
    const labels = Int32Array.from(run.labels);
    const silhouette = await silhouetteScore(pool, k, labels, sampleRows(n, SILHOUETTE_SAMPLE, params.seed + 2));
    const axes = await principalAxes(pool);
    const points = Array.from(sampleRows(n, CHART_SAMPLE, params.seed + 3), (i): [number, number, number] => {
      const [x, y] = project(std.z, d, i, axes);
      return [round3(x), round3(y), labels[i]];
    });
    const { means, overall } = clusterProfiles(raw, n, d, labels, k);
    await onProgress(100);
    return {
      k,
      labels,
      sizes: run.sizes,
      profiles: means,
      overall,
      suggestedNames: suggestNames(run.centres, k, params.variables),
      iterations: run.iterations,
      converged: run.converged,
      inertia: run.inertia,
      silhouette,
      elbow,
      elbowSampleSize: elbowRows.length,
      projection: { explained: axes.explained, points },
    };
  } finally {
    await pool.close();
  }
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;
