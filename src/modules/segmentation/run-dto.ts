import type { RunRow } from './segmentation.repository.ts';
import type { RunDetail, RunFilter, RunSummary, StoredResult } from './segmentation.schema.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const monthOf = (date: string) => date.slice(0, 7);

export function toRunSummary(r: RunRow): RunSummary {
  const result = r.result as StoredResult | null;
  return {
    id: r.id,
    status: r.status,
    progress: r.progress,
    month: monthOf(r.month),
    months: r.months,
    variables: r.variables,
    k: r.k_requested ?? 'auto',
    kUsed: r.k,
    seed: r.seed,
    log: r.log_spend,
    filter: r.filter as RunFilter,
    customerCount: r.customer_count,
    iterations: r.iterations,
    converged: r.converged,
    inertia: r.inertia,
    silhouette: r.silhouette,
    sizes: result?.sizes ?? null,
    clusterNames: (r.cluster_names as string[] | null) ?? null,
    error: r.error,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    createdAt: r.created_at.toISOString(),
    finishedAt: iso(r.finished_at),
    publishedAt: iso(r.published_at),
  };
}

export function toRunDetail(r: RunRow): RunDetail {
  const result = r.result as StoredResult | null;
  return {
    ...toRunSummary(r),
    profiles: result?.profiles ?? null,
    overall: result?.overall ?? null,
    suggestedNames: result?.suggestedNames ?? null,
    elbow: result?.elbow ?? null,
    elbowSampleSize: result?.elbowSampleSize ?? null,
    projection: result?.projection ?? null,
  };
}
