import type { Generated } from 'kysely';

export type ImportKind = 'usage' | 'payments';

/** The 15 segmentation variables of one customer and month (see migrations/0001_billing.sql). */
export interface UsageProfilesTable {
  customer_id: string;
  month: string;
  base_fee: string;
  voice_spend: string;
  local_call_spend: string;
  long_distance_spend: string;
  roaming_spend: string;
  local_minutes: number;
  provincial_ld_minutes: number;
  domestic_ld_minutes: number;
  international_minutes: number;
  provincial_roaming_minutes: number;
  domestic_roaming_minutes: number;
  international_roaming_minutes: number;
  internet_spend: string;
  busy_data_gb: string;
  idle_data_gb: string;
  computed_at: Generated<Date>;
}

declare module '../../platform/db.ts' {
  interface Database {
    usage_records: {
      customer_id: string;
      started_at: string;
      source_id: string;
      kind: 'call' | 'data' | 'sms';
      area: string;
      direction: 'out' | 'in';
      busy: boolean;
      quantity: string;
      batch_id: string;
    };
    import_batches: {
      id: Generated<string>;
      kind: ImportKind;
      batch_key: string;
      file_name: string;
      encoding: string;
      mapping: unknown;
      total_rows: number;
      accepted: number;
      rejected: number;
      months: Generated<string[]>;
      warnings: Generated<number>;
      header_row: Generated<number>;
      imported_by: string | null;
      imported_at: Generated<Date>;
    };
    import_errors: { batch_id: string; row_no: number; message: string };
    import_templates: {
      id: Generated<string>;
      kind: ImportKind;
      name: string;
      mapping: unknown;
      encoding: Generated<string>;
      created_by: string | null;
      created_at: Generated<Date>;
    };
    payments: {
      id: Generated<string>;
      customer_id: string;
      source_id: string;
      paid_at: string;
      amount: string;
      place: Generated<string>;
      method: Generated<string>;
      batch_id: string | null;
      created_at: Generated<Date>;
    };
    billing_runs: {
      id: Generated<string>;
      month: string;
      reason: 'run' | 'rerate';
      customers: number;
      total: string;
      unrated: Generated<number>;
      started_by: string | null;
      started_at: Generated<Date>;
    };
    bills: {
      id: Generated<string>;
      customer_id: string;
      month: string;
      total: string;
      revision: Generated<number>;
      run_id: string;
      created_at: Generated<Date>;
      updated_at: Generated<Date>;
    };
    bill_items: {
      bill_id: string;
      line_no: number;
      customer_id: string;
      code: string;
      product_id: string;
      quantity: string;
      included: string;
      unit: string;
      rate: string;
      amount: string;
    };
    usage_profiles: UsageProfilesTable;
  }
}
