import type { Generated } from 'kysely';

export const REASON_CATEGORIES = [
  'price',
  'network_quality',
  'service',
  'moved_away',
  'competitor_offer',
  'other',
] as const;
export type ReasonCategory = (typeof REASON_CATEGORIES)[number];
export const OUTCOMES = ['won_back', 'refused', 'unreachable'] as const;
export type Outcome = (typeof OUTCOMES)[number];

declare module '../../platform/db.ts' {
  interface Database {
    churn_records: {
      id: Generated<string>;
      customer_id: string;
      churned_on: string;
      reason_category: Generated<ReasonCategory>;
      reason: string | null;
      competitor: string | null;
      notes: string | null;
      source: 'cancellation' | 'import' | 'manual';
      created_by: string | null;
      created_at: Generated<Date>;
      updated_at: Generated<Date>;
    };
    churn_signals: {
      customer_id: string;
      month: string;
      spend: Generated<string | number>;
      data_mb: Generated<string | number>;
      voice_min: Generated<number>;
      complaints: Generated<number>;
      faults: Generated<number>;
      satisfaction: string | number | null;
      overage: Generated<string | number>;
      allowance_use: string | number | null;
      package_end: string | null;
      arrears: Generated<string | number>;
    };
    churn_models: {
      id: Generated<string>;
      kind: 'logistic' | 'rules';
      as_of: string;
      samples: number;
      positives: number;
      holdout_auc: string | number | null;
      params: unknown;
      calibration: unknown;
      created_at: Generated<Date>;
    };
    churn_risk_scores: {
      customer_id: string;
      score: number;
      factors: unknown;
      model_id: string;
      scored_at: Generated<Date>;
    };
    retention_plans: {
      id: Generated<string>;
      name: string;
      offer: string;
      owner_id: string;
      due_date: string;
      created_by: string | null;
      created_at: Generated<Date>;
      updated_at: Generated<Date>;
    };
    retention_tasks: {
      id: Generated<string>;
      plan_id: string | null;
      customer_id: string;
      assignee_id: string;
      offer: string;
      due_date: string;
      risk_score: number | null;
      outcome: Outcome | null;
      note: string | null;
      done_at: Date | null;
      created_by: string | null;
      created_at: Generated<Date>;
      updated_at: Generated<Date>;
    };
  }
}
