/** Messages between the k-means pool and its workers (see kmeans-worker.ts). */
export interface WorkerSetup {
  data: SharedArrayBuffer;
  labels: SharedArrayBuffer;
  upper: SharedArrayBuffer;
  minD2: SharedArrayBuffer;
  d: number;
  start: number;
  end: number;
}

export type WorkerRequest =
  | { op: 'nearest'; centre: Float64Array; reset: boolean }
  | { op: 'potential'; centre: Float64Array }
  | { op: 'assign'; k: number; centres: Float64Array }
  | { op: 'elkan'; centres: Float64Array; shift: Float64Array; halfGap: Float64Array; centreGap: Float64Array }
  | { op: 'inertia'; centres: Float64Array }
  | { op: 'moments' }
  | { op: 'silhouette'; k: number; rows: Int32Array; rowLabels: Int32Array; from: number; to: number };

export interface AssignReply {
  sums: Float64Array;
  counts: Float64Array;
  changed: number;
  distances: number;
}
export interface TotalReply {
  total: number;
}
export interface MomentsReply {
  sums: Float64Array;
  products: Float64Array;
}
