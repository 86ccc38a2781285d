import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AssignReply, MomentsReply, TotalReply, WorkerRequest, WorkerSetup } from './worker-protocol.ts';

const WORKER_URL = new URL('./kmeans-worker.ts', import.meta.url);

/**
 * Worker threads sharing one standardised matrix (n×d, row-major) in a SharedArrayBuffer, each owning a
 * contiguous slice of rows. Labels live in shared memory too, so the caller reads them without a copy.
 */
export class KMeansPool {
  readonly n: number;
  readonly d: number;
  readonly data: Float64Array;
  readonly labels: Int32Array;
  readonly minD2: Float64Array;
  readonly #workers: Worker[];

  private constructor(
    n: number,
    d: number,
    data: Float64Array,
    buffers: Omit<WorkerSetup, 'd' | 'start' | 'end' | 'data'>,
    workers: number,
  ) {
    this.n = n;
    this.d = d;
    this.data = data;
    this.labels = new Int32Array(buffers.labels);
    this.minD2 = new Float64Array(buffers.minD2);
    const per = Math.ceil(n / workers);
    this.#workers = [];
    for (let w = 0; w < workers; w++) {
      const setup: WorkerSetup = {
        ...buffers,
        data: data.buffer as SharedArrayBuffer,
        d,
        start: Math.min(n, w * per),
        end: Math.min(n, (w + 1) * per),
      };
      this.#workers.push(new Worker(WORKER_URL, { workerData: setup }));
    }
  }

  /** Copies `matrix` once into shared memory (or adopts it if it is already shared) and starts the workers. */
  static open(matrix: Float64Array, n: number, d: number, workers = defaultWorkerCount(n)): KMeansPool {
    const data = matrix.buffer instanceof SharedArrayBuffer ? matrix : copyToShared(matrix);
    const shared = (bytes: number) => new SharedArrayBuffer(Math.max(8, bytes));
    return new KMeansPool(n, d, data, { labels: shared(n * 4), upper: shared(n * 8), minD2: shared(n * 8) }, workers);
  }

  get size(): number {
    return this.#workers.length;
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }

  nearest(centre: Float64Array, reset: boolean): Promise<TotalReply[]> {
    return this.#all(() => ({ op: 'nearest', centre, reset }));
  }
  potential(centre: Float64Array): Promise<TotalReply[]> {
    return this.#all(() => ({ op: 'potential', centre }));
  }
  assign(k: number, centres: Float64Array): Promise<AssignReply[]> {
    return this.#all(() => ({ op: 'assign', k, centres }));
  }
  elkan(
    centres: Float64Array,
    shift: Float64Array,
    halfGap: Float64Array,
    centreGap: Float64Array,
  ): Promise<AssignReply[]> {
    return this.#all(() => ({ op: 'elkan', centres, shift, halfGap, centreGap }));
  }
  inertia(centres: Float64Array): Promise<TotalReply[]> {
    return this.#all(() => ({ op: 'inertia', centres }));
  }
  moments(): Promise<MomentsReply[]> {
    return this.#all(() => ({ op: 'moments' }));
  }
  /** Silhouette summed over the sample rows; the sample is split between the workers. */
  silhouette(k: number, rows: Int32Array, rowLabels: Int32Array): Promise<TotalReply[]> {
    const per = Math.ceil(rows.length / this.size);
    return this.#all((w) => ({
      op: 'silhouette',
      k,
      rows,
      rowLabels,
      from: Math.min(rows.length, w * per),
      to: Math.min(rows.length, (w + 1) * per),
    }));
  }

  #all<T>(request: (w: number) => WorkerRequest): Promise<T[]> {
    return Promise.all(
      this.#workers.map(
        (worker, w) =>
          new Promise<T>((resolve, reject) => {
            const onMessage = (reply: { ok: boolean; value?: T; error?: string }) => {
              worker.off('error', onError);
              if (reply.ok) resolve(reply.value as T);
              else reject(new Error(`k-means worker: ${reply.error}`));
            };
            const onError = (err: Error) => {
              worker.off('message', onMessage);
              reject(err);
            };
            worker.once('message', onMessage);
            worker.once('error', onError);
            worker.postMessage(request(w));
          }),
      ),
    );
  }
}

/** Both cores for big inputs; one worker when spinning up a second costs more than it saves. */
function defaultWorkerCount(n: number): number {
  return n < 20_000 ? 1 : Math.max(1, Math.min(availableParallelism(), 8));
}

function copyToShared(matrix: Float64Array): Float64Array {
  const shared = new Float64Array(new SharedArrayBuffer(Math.max(8, matrix.length * 8)));
  shared.set(matrix);
  return shared;
}
