import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerRequest, WorkerSetup } from './worker-protocol.ts';

/**
 * One k-means worker: owns the rows [start, end) of the shared matrix and their Hamerly bounds.
 * The matrix, labels and bounds live in SharedArrayBuffers, so an iteration only sends the centres in
 * and the per-cluster sums out. Sums are kept incrementally: a point that keeps its cluster costs nothing.
 */
const setup = workerData as WorkerSetup;
const { d, start, end } = setup;
const x = new Float64Array(setup.data);
const labels = new Int32Array(setup.labels);
const upper = new Float64Array(setup.upper);
const lower = new Float64Array(setup.lower);
const minD2 = new Float64Array(setup.minD2);
let k = 0;
let sums = new Float64Array(0);
let counts = new Float64Array(0);

function dist2(row: number, c: Float64Array, j: number): number {
  let s = 0;
  const xo = row * d;
  const co = j * d;
  for (let t = 0; t < d; t++) {
    const v = x[xo + t] - c[co + t];
    s += v * v;
  }
  return s;
}

function move(row: number, from: number, to: number): void {
  const xo = row * d;
  if (from >= 0) {
    counts[from]--;
    for (let t = 0; t < d; t++) sums[from * d + t] -= x[xo + t];
  }
  counts[to]++;
  for (let t = 0; t < d; t++) sums[to * d + t] += x[xo + t];
}

/** Nearest and second-nearest centre of `row`; sets label and both bounds. Returns true if the label changed. */
function assignExact(row: number, c: Float64Array): boolean {
  let best = 0;
  let bestD = Infinity;
  let second = Infinity;
  for (let j = 0; j < k; j++) {
    const v = dist2(row, c, j);
    if (v < bestD) {
      second = bestD;
      bestD = v;
      best = j;
    } else if (v < second) second = v;
  }
  upper[row] = Math.sqrt(bestD);
  lower[row] = Math.sqrt(second);
  const old = labels[row];
  if (old === best) return false;
  move(row, old, best);
  labels[row] = best;
  return true;
}

function handle(req: WorkerRequest): unknown {
  switch (req.op) {
    case 'nearest': {
      // k-means++: distance to the nearest chosen centre so far, and the range's total.
      let total = 0;
      const c = req.centre;
      for (let i = start; i < end; i++) {
        const v = dist2(i, c, 0);
        const m = req.reset || v < minD2[i] ? v : minD2[i];
        minD2[i] = m;
        total += m;
      }
      return { total };
    }
    case 'potential': {
      // Greedy k-means++: what the total would become if `centre` were chosen, without choosing it.
      let total = 0;
      for (let i = start; i < end; i++) {
        const v = dist2(i, req.centre, 0);
        total += v < minD2[i] ? v : minD2[i];
      }
      return { total };
    }
    case 'assign': {
      k = req.k;
      sums = new Float64Array(k * d);
      counts = new Float64Array(k);
      for (let i = start; i < end; i++) labels[i] = -1;
      for (let i = start; i < end; i++) assignExact(i, req.centres);
      return { sums, counts, changed: end - start, distances: (end - start) * k };
    }
    case 'hamerly': {
      const { centres, shift, halfGap } = req;
      // Moving centres loosen the bounds: the own centre by its shift, the others by at most the largest shift
      // (the second largest when the point's own centre moved most).
      let maxShift = 0;
      let maxAt = -1;
      let secondShift = 0;
      for (let j = 0; j < k; j++) {
        if (shift[j] > maxShift) {
          secondShift = maxShift;
          maxShift = shift[j];
          maxAt = j;
        } else if (shift[j] > secondShift) secondShift = shift[j];
      }
      let changed = 0;
      let distances = 0;
      for (let i = start; i < end; i++) {
        const a = labels[i];
        upper[i] += shift[a];
        lower[i] -= a === maxAt ? secondShift : maxShift;
        const bound = halfGap[a] > lower[i] ? halfGap[a] : lower[i];
        if (upper[i] <= bound) continue;
        upper[i] = Math.sqrt(dist2(i, centres, a));
        distances++;
        if (upper[i] <= bound) continue;
        distances += k;
        if (assignExact(i, centres)) changed++;
      }
      return { sums, counts, changed, distances };
    }
    case 'inertia': {
      let total = 0;
      for (let i = start; i < end; i++) total += dist2(i, req.centres, labels[i]);
      return { total };
    }
    case 'moments': {
      // Column sums and the upper triangle of XᵀX, for the covariance behind the PCA.
      const s = new Float64Array(d);
      const xx = new Float64Array(d * d);
      for (let i = start; i < end; i++) {
        const o = i * d;
        for (let a = 0; a < d; a++) {
          const va = x[o + a];
          s[a] += va;
          for (let b = a; b < d; b++) xx[a * d + b] += va * x[o + b];
        }
      }
      return { sums: s, products: xx };
    }
    case 'silhouette': {
      // Silhouette of the sample rows [from, to): mean distance to the own cluster vs the nearest other one.
      const { rows, rowLabels, from, to } = req;
      const m = rows.length;
      let total = 0;
      const meanTo = new Float64Array(req.k);
      const size = new Float64Array(req.k);
      for (let j = 0; j < m; j++) size[rowLabels[j]]++;
      for (let p = from; p < to; p++) {
        meanTo.fill(0);
        const rp = rows[p];
        for (let q = 0; q < m; q++) {
          if (q === p) continue;
          let s = 0;
          const po = rp * d;
          const qo = rows[q] * d;
          for (let t = 0; t < d; t++) {
            const v = x[po + t] - x[qo + t];
            s += v * v;
          }
          meanTo[rowLabels[q]] += Math.sqrt(s);
        }
        const own = rowLabels[p];
        if (size[own] <= 1) continue; // a singleton scores 0 by definition
        const a = meanTo[own] / (size[own] - 1);
        let b = Infinity;
        for (let j = 0; j < req.k; j++) if (j !== own && size[j] > 0) b = Math.min(b, meanTo[j] / size[j]);
        if (b === Infinity) continue;
        total += (b - a) / Math.max(a, b);
      }
      return { total };
    }
  }
}

parentPort!.on('message', (req: WorkerRequest) => {
  try {
    parentPort!.postMessage({ ok: true, value: handle(req) });
  } catch (err) {
    parentPort!.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
