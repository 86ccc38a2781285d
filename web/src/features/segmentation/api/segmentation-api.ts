import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get, post, type Page } from '../../../app/api-client.ts';

/** The server's segmentation shapes (src/modules/segmentation/segmentation.schema.ts). */
export interface Variable {
  key: string;
  zh: string;
  en: string;
  unit: 'yuan' | 'minutes' | 'gb';
  heavyTailed: boolean;
}
export interface RunFilter {
  region?: string;
  category?: string;
  level?: string;
  lifecycle?: string;
  segment?: string;
}
export interface RunSummary {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  month: string;
  months: number;
  variables: string[];
  k: number | 'auto';
  kUsed: number | null;
  seed: number;
  log: boolean;
  filter: RunFilter;
  customerCount: number | null;
  iterations: number | null;
  converged: boolean | null;
  inertia: number | null;
  silhouette: number | null;
  sizes: number[] | null;
  clusterNames: string[] | null;
  error: string | null;
  createdByName: string;
  createdAt: string;
  finishedAt: string | null;
  publishedAt: string | null;
}
export interface RunDetail extends RunSummary {
  profiles: number[][] | null;
  overall: number[] | null;
  suggestedNames: { zh: string; en: string }[] | null;
  elbow: { k: number; inertia: number; silhouette: number }[] | null;
  elbowSampleSize: number | null;
  projection: { explained: number[]; points: [number, number, number][] } | null;
}
export interface StartRun {
  month: string;
  months: number;
  variables: string[];
  k: number | 'auto';
  seed: number;
  filter: RunFilter;
  log: boolean;
}

export function useVariables() {
  return useQuery({
    queryKey: ['segmentation', 'variables'],
    staleTime: Infinity,
    queryFn: async () => (await get<{ items: Variable[] }>('/api/segmentation/variables')).items,
  });
}

export function useRuns() {
  return useQuery({
    queryKey: ['segmentation', 'runs'],
    queryFn: () => get<Page<RunSummary>>('/api/segmentation/runs', { limit: 50 }),
    // Keep the history's progress moving while a run is under way.
    refetchInterval: (q) =>
      q.state.data?.items.some((r) => r.status === 'queued' || r.status === 'running') ? 1000 : false,
  });
}

export function useRun(id: string) {
  return useQuery({
    queryKey: ['segmentation', 'runs', id],
    queryFn: () => get<RunDetail>(`/api/segmentation/runs/${id}`),
    refetchInterval: (q) =>
      q.state.data && (q.state.data.status === 'queued' || q.state.data.status === 'running') ? 1000 : false,
  });
}

function useSegmentationWrite<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['segmentation'] }),
  });
}

export const useStartRun = () =>
  useSegmentationWrite((input: StartRun) => post<{ runId: string }>('/api/segmentation/runs', input));
export const useRenameClusters = (id: string) =>
  useSegmentationWrite((names: string[]) => api<RunDetail>('PUT', `/api/segmentation/runs/${id}/names`, { names }));
export const usePublishRun = (id: string) =>
  useSegmentationWrite(() => post<RunDetail & { customersUpdated: number }>(`/api/segmentation/runs/${id}/publish`));
