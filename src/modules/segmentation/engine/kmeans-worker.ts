import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerRequest, WorkerSetup } from './worker-protocol.ts';

/**
 * One k-means worker: owns the rows [start, end) of the shared matrix and their Elkan bounds.
 * The matrix, labels and bounds live in SharedArrayBuffers, so an iteration only sends the centres in
 * and the per-cluster sums out. Sums are kept incrementally: a point that keeps its cluster costs nothing.
 */
const setup = workerData as WorkerSetup;
const { d, start, end } = setup;
const x = new Float64Array(setup.data);
const labels = new Int32Array(setup.labels);
const upper = new Float64Array(setup.upper);
// Bounds of this worker's rows, private (no one else reads them): Elkan's lower bound per centre, refreshed lazily
// (as of iteration `stamp`, loosened by the cumulative shifts since), and Hamerly's one lower bound over all other
// centres, kept current, which settles most rows in O(1).
let lower = new Float64Array(0);
let lowerAll = new Float64Array(0);
let stamp = new Int32Array(0);
/** cumulative[t][j]: how far centre j has moved in total by iteration t. */
let cumulative: Float64Array[] = [];
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

/** Measures `row` against every centre: exact bounds, and its label. Returns true if the label changed. */
function assignExact(row: number, c: Float64Array): boolean {
  const lo = (row - start) * k;
  let best = 0;
  let bestD = Infinity;
  for (let j = 0; j < k; j++) {
    const v = Math.sqrt(dist2(row, c, j));
    lower[lo + j] = v;
    if (v < bestD) {
      bestD = v;
      best = j;
    }
  }
  upper[row] = bestD;
  let second = Infinity;
  for (let j = 0; j < k; j++) if (j !== best && lower[lo + j] < second) second = lower[lo + j];
  lowerAll[row - start] = second;
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
        total += Math.min(v, minD2[i]);
      }
      return { total };
    }
    case 'assign': {
      k = req.k;
      sums = new Float64Array(k * d);
      counts = new Float64Array(k);
      lower = new Float64Array((end - start) * k);
      lowerAll = new Float64Array(end - start);
      stamp = new Int32Array(end - start);
      cumulative = [new Float64Array(k)];
      for (let i = start; i < end; i++) labels[i] = -1;
      for (let i = start; i < end; i++) assignExact(i, req.centres);
      return { sums, counts, changed: end - start, distances: (end - start) * k };
    }
    case 'elkan': {
      const { centres, shift, halfGap, centreGap } = req;
      const now = cumulative.length;
      cumulative.push(cumulative[now - 1].map((v, j) => v + shift[j]));
      // Another centre moved at most this far: the largest shift, or the second largest for the row whose own centre moved most.
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
        let a = labels[i];
        const r = i - start;
        let u = upper[i] + shift[a];
        const all = lowerAll[r] - (a === maxAt ? secondShift : maxShift);
        lowerAll[r] = all;
        // Hamerly's test: nearer than half the gap to any other centre, or than every other centre can be.
        if (u <= halfGap[a] || u <= all) {
          upper[i] = u;
          continue;
        }
        const lo = r * k;
        const then = cumulative[stamp[r]];
        const current = cumulative[now];
        for (let j = 0; j < k; j++) lower[lo + j] -= current[j] - then[j];
        stamp[r] = now;
        u = Math.sqrt(dist2(i, centres, a));
        lower[lo + a] = u;
        distances++;
        // Elkan's tests: only centres that could be nearer are measured.
        const old = a;
        for (let j = 0; j < k; j++) {
          if (j === a || u <= lower[lo + j] || u <= centreGap[a * k + j]) continue;
          const dj = Math.sqrt(dist2(i, centres, j));
          distances++;
          lower[lo + j] = dj;
          if (dj < u) {
            a = j;
            u = dj;
          }
        }
        upper[i] = u;
        let second = Infinity;
        for (let j = 0; j < k; j++) if (j !== a && lower[lo + j] < second) second = lower[lo + j];
        lowerAll[r] = second;
        if (a !== old) {
          move(i, old, a);
          labels[i] = a;
          changed++;
        }
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
