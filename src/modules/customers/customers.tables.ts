import type { Generated } from 'kysely';

import type {
  CustomerCategory,
  CustomerLevel,
  CustomerLifecycle,
  CustomerStatus,
} from '../../shared/customer-enums.ts';

export type Category = CustomerCategory;
export type Level = CustomerLevel;
export type Lifecycle = CustomerLifecycle;
export type { CustomerStatus };

export interface CustomersTable {
  id: Generated<string>;
  customer_no: Generated<string>;
  name: string;
  gender: 'male' | 'female' | null;
  birth_date: string | null;
  id_card: string | null;
  phone: string;
  phone_rev: Generated<string>;
  email: string | null;
  backup_phone: string | null;
  address: string | null;
  education: string | null;
  job: string | null;
  income: string | null;
  category: Category;
  level: Generated<Level>;
  lifecycle: Generated<Lifecycle>;
  region_id: string;
  account_manager_id: string | null;
  arrears: Generated<string>;
  status: Generated<CustomerStatus>;
  cancel_reason: string | null;
  cancelled_at: Date | null;
  merged_into_id: string | null;
  /** The published segment (segmentation module's migration adds the column). */
  segment: Generated<string | null>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

declare module '../../platform/db.ts' {
  interface Database {
    customers: CustomersTable;
  }
}
