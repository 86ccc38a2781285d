import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kmeans, kmeansPlusPlus } from '../../src/modules/segmentation/engine/kmeans.ts';
import { standardize } from '../../src/modules/segmentation/engine/standardize.ts';
import { KMeansPool } from '../../src/modules/segmentation/engine/worker-pool.ts';
import { syntheticProfiles } from '../../src/modules/segmentation/synthetic-profiles.ts';
import type { BenchSection, Figure } from '../support/section.ts';

/**
 * K-means on 1,000,000 customers × 15 variables (synthetic, around the thesis's three segments), on our worker
 * threads and on scikit-learn's `KMeans(algorithm="lloyd", n_init=1)` started from the same initial centres, in
 * the same run. The target: our full run no slower than scikit-learn's. BENCH_SEGMENTATION_ROWS overrides the size.
 */
const ROWS = Number(process.env.BENCH_SEGMENTATION_ROWS ?? 1_000_000);
const D = 15;
const PYTHON = '/usr/bin/python3';

const SKLEARN = `
import json, sys, time
import numpy as np
from sklearn.cluster import KMeans
x = np.fromfile(sys.argv[1], dtype=np.float64).reshape(-1, int(sys.argv[3]))
init = np.fromfile(sys.argv[2], dtype=np.float64).reshape(-1, int(sys.argv[3]))
tol = float(sys.argv[4])
def fit(max_iter):
    t = time.perf_counter()
    km = KMeans(n_clusters=len(init), init=init, n_init=1, algorithm="lloyd", max_iter=max_iter, tol=tol).fit(x)
    return time.perf_counter() - t, km
one, _ = fit(1)
full, km = fit(300)
print(json.dumps({"one": one, "full": full, "iterations": int(km.n_iter_), "inertia": float(km.inertia_)}))
`;

interface SklearnTimes {
  one: number;
  full: number;
  iterations: number;
  inertia: number;
}
const comparisons: { k: number; ours: number; theirs?: number }[] = [];

function sklearnAvailable(): string | undefined {
  if (!existsSync(PYTHON)) return `${PYTHON} is missing`;
  try {
    execFileSync(PYTHON, ['-c', 'import sklearn'], { stdio: 'pipe' });
    return undefined;
  } catch {
    return 'python3-sklearn is not installed (apt-get install python3-sklearn)';
  }
}

const seconds = (from: number) => (performance.now() - from) / 1000;

export const section: BenchSection = {
  name: 'segmentation',

  async raw({ log }) {
    const figures: Figure[] = [];
    const { matrix } = syntheticProfiles(ROWS, 2026);
    const std = standardize(matrix, ROWS, D);
    const tol = 1e-4; // scikit-learn's default, relative to the mean column variance; ours takes it absolute
    const missing = sklearnAvailable();
    if (missing) log(`segmentation: scikit-learn comparison skipped: ${missing}`);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lianxi-kmeans-'));
    const t0 = performance.now();
    const pool = KMeansPool.open(std.z, ROWS, D);
    await pool.inertia(new Float64Array(D)); // the workers are up once they answer
    log(
      `segmentation: ${ROWS.toLocaleString('en-US')} × ${D}, ${pool.size} worker threads started in ${seconds(t0).toFixed(2)} s`,
    );
    try {
      if (!missing) writeFileSync(path.join(dir, 'x.bin'), new Uint8Array(std.z.buffer, 0, ROWS * D * 8));
      for (const k of [3, 8]) {
        const t1 = performance.now();
        const init = await kmeansPlusPlus(pool, k, 1);
        const initSeconds = seconds(t1);
        const t2 = performance.now();
        await kmeans(pool, { k, seed: 1, init, maxIterations: 1 });
        const one = seconds(t2);
        const t3 = performance.now();
        const run = await kmeans(pool, { k, seed: 1, init, tolerance: tol * std.meanVariance });
        const full = seconds(t3);
        const saved = 1 - run.distanceComputations / (run.iterations * ROWS * k);
        log(
          `segmentation K=${k}: k-means++ ${initSeconds.toFixed(2)} s; one iteration ${one.toFixed(3)} s; full run ${full.toFixed(3)} s, ${run.iterations} iterations, inertia ${run.inertia.toFixed(1)}; bounds skipped ${(saved * 100).toFixed(0)} % of distances`,
        );
        figures.push({
          section: 'segmentation',
          scenario: `k-means ${ROWS / 1e6}M×${D} K=${k} full run (rows/s)`,
          connections: 1,
          via: 'raw',
          requests: ROWS,
          perSecond: ROWS / full,
          p50: full * 1000,
          p99: full * 1000,
          errors: 0,
        });
        if (missing) {
          comparisons.push({ k, ours: full });
          continue;
        }
        const initFile = path.join(dir, `init${k}.bin`);
        writeFileSync(initFile, new Uint8Array(init.buffer));
        const sk = JSON.parse(
          execFileSync(PYTHON, ['-c', SKLEARN, path.join(dir, 'x.bin'), initFile, String(D), String(tol)], {
            encoding: 'utf8',
            maxBuffer: 1 << 20,
          }),
        ) as SklearnTimes;
        comparisons.push({ k, ours: full, theirs: sk.full });
        log(
          `segmentation K=${k}: scikit-learn lloyd one iteration ${sk.one.toFixed(3)} s; full run ${sk.full.toFixed(3)} s, ${sk.iterations} iterations, inertia ${sk.inertia.toFixed(1)}`,
        );
        log(
          `segmentation K=${k}: ours ÷ scikit-learn (full run time) = ${(full / sk.full).toFixed(2)}; inertia differs by ${((Math.abs(run.inertia - sk.inertia) / sk.inertia) * 100).toExponential(1)} %`,
        );
      }
    } finally {
      await pool.close();
      rmSync(dir, { recursive: true, force: true });
    }
    return figures;
  },

  verdicts() {
    return comparisons.map(({ k, ours, theirs }) =>
      theirs === undefined
        ? `segmentation · K=${k} full run ${ours.toFixed(2)} s; scikit-learn comparison skipped`
        : `segmentation · K=${k} full run ${ours.toFixed(2)} s vs scikit-learn ${theirs.toFixed(2)} s (ratio ${(ours / theirs).toFixed(2)}, target ≤ 1) → ${ours <= theirs ? 'met' : 'MISSED'}`,
    );
  },
};
