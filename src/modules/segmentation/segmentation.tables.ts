import type { Generated } from 'kysely';

export type RunStatus = 'queued' | 'running' | 'done' | 'failed';

export interface SegmentationRunsTable {
  id: Generated<string>;
  status: Generated<RunStatus>;
  progress: Generated<number>;
  month: string;
  months: Generated<number>;
  variables: string[];
  k_requested: number | null;
  seed: number;
  log_spend: Generated<boolean>;
  filter: Generated<unknown>;
  k: number | null;
  customer_count: number | null;
  iterations: number | null;
  converged: boolean | null;
  inertia: number | null;
  silhouette: number | null;
  result: unknown | null;
  cluster_names: unknown | null;
  error: string | null;
  created_by: string;
  org_unit_id: string;
  created_at: Generated<Date>;
  started_at: Date | null;
  finished_at: Date | null;
  published_at: Date | null;
  published_by: string | null;
}

export interface SegmentationAssignmentsTable {
  run_id: string;
  customer_id: string;
  cluster: number;
}

declare module '../../platform/db.ts' {
  interface Database {
    segmentation_runs: SegmentationRunsTable;
    segmentation_assignments: SegmentationAssignmentsTable;
  }
}
