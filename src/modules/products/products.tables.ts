import type { Generated } from 'kysely';

export type ProductKind = 'package' | 'service';
export type ProductStatus = 'draft' | 'testing' | 'released' | 'retired';

export interface ProductsTable {
  id: Generated<string>;
  code: string;
  kind: ProductKind;
  name: string;
  monthly_fee: Generated<string>;
  call_out_rate: Generated<string>;
  call_in_rate: Generated<string>;
  data_rate: Generated<string>;
  included_data_gb: Generated<string>;
  included_minutes: Generated<number>;
  special_call_rate: Generated<string>;
  special_data_rate: Generated<string>;
  roaming_call_rate: Generated<string>;
  roaming_data_rate: Generated<string>;
  sms_rate: Generated<string>;
  region_ids: Generated<string[]>;
  target_category: string | null;
  target_segment: string | null;
  description: Generated<string>;
  responsibility: Generated<string>;
  status: Generated<ProductStatus>;
  status_changed_by: string | null;
  status_changed_at: Generated<Date>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SubscriptionsTable {
  id: Generated<string>;
  customer_id: string;
  product_id: string;
  kind: ProductKind;
  starts_on: string;
  ends_on: string | null;
  end_reason: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

declare module '../../platform/db.ts' {
  interface Database {
    products: ProductsTable;
    product_status_changes: {
      id: Generated<string>;
      product_id: string;
      from_status: string;
      to_status: string;
      changed_by: string | null;
      changed_at: Generated<Date>;
      note: string | null;
    };
    product_requirements: { product_id: string; requires_id: string };
    bundle_items: { package_id: string; service_id: string };
    subscriptions: SubscriptionsTable;
  }
}
