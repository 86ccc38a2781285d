import type { Generated } from 'kysely';

import {
  BUSINESS_TYPES,
  type BusinessType,
  PRIORITIES,
  type Priority,
  WORK_ORDER_STATUSES as STATUSES,
  type WorkOrderStatus,
  SATISFACTION,
  type Satisfaction,
} from '../../shared/work-order-enums.ts';

export { BUSINESS_TYPES, PRIORITIES, STATUSES, SATISFACTION };
export type { BusinessType, Priority, WorkOrderStatus, Satisfaction };
export const CENTRE_KINDS = ['access_network', 'wireless', 'gov_enterprise', 'optical_cable'] as const;
export type CentreKind = (typeof CENTRE_KINDS)[number];
/** Where a work order came from: accepted by staff, or opened by the customer in the self-service portal. */
export const CHANNELS = ['staff', 'portal'] as const;
export type WorkOrderChannel = (typeof CHANNELS)[number];
/** The top-level types a customer may open themselves (by code). */
export const CUSTOMER_TYPE_CODES: readonly string[] = ['fault', 'complaint'];
import type { CustomerCategory } from '../../shared/customer-enums.ts';

export type { CustomerCategory };
export type NotificationKind =
  | 'assigned'
  | 'response_breach'
  | 'resolve_breach'
  | 'escalated'
  | 'reopened'
  | 'resolved';

export interface WorkOrdersTable {
  id: Generated<string>;
  order_no: Generated<string>;
  customer_id: string;
  type_id: string;
  subtype_id: string | null;
  business_type: BusinessType;
  region_id: string;
  priority: Priority;
  contact_phone: string;
  description: string;
  status: Generated<WorkOrderStatus>;
  department_id: string | null;
  assignee_id: string | null;
  accepted_by: string;
  channel: Generated<WorkOrderChannel>;
  routing_rule_id: string | null;
  response_due: Date;
  resolve_due: Date;
  responded_at: Date | null;
  resolved_at: Date | null;
  archived_at: Date | null;
  response_breached: Generated<boolean>;
  resolve_breached: Generated<boolean>;
  escalation_level: Generated<number>;
  reopen_count: Generated<number>;
  satisfaction: Satisfaction | null;
  customer_words: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

declare module '../../platform/db.ts' {
  interface Database {
    work_order_types: {
      id: Generated<string>;
      parent_id: string | null;
      code: string;
      name: string;
      name_en: string;
      active: Generated<boolean>;
      business_types: string[] | null;
      created_at: Generated<Date>;
    };
    service_centres: { org_unit_id: string; kind: CentreKind; head_employee_id: string | null };
    routing_rules: {
      id: Generated<string>;
      position: number;
      name: string;
      region_id: string | null;
      business_type: BusinessType | null;
      customer_category: CustomerCategory | null;
      type_id: string | null;
      centre_kind: CentreKind | null;
      department_id: string | null;
      assignee_id: string | null;
      active: Generated<boolean>;
      created_at: Generated<Date>;
      updated_at: Generated<Date>;
    };
    sla_policies: {
      type_id: string;
      priority: Priority;
      response_minutes: number;
      resolve_minutes: number;
      updated_at: Generated<Date>;
    };
    work_orders: WorkOrdersTable;
    work_order_events: {
      id: Generated<string>;
      work_order_id: string;
      at: Generated<Date>;
      actor_id: string | null;
      actor_name: string;
      action: string;
      from_status: string | null;
      to_status: string | null;
      department_id: string | null;
      note: string | null;
    };
    work_order_attachments: {
      id: Generated<string>;
      work_order_id: string;
      file_name: string;
      mime_type: string;
      size_bytes: number;
      storage_key: string;
      uploaded_by: string;
      created_at: Generated<Date>;
    };
    work_order_notifications: {
      id: Generated<string>;
      employee_id: string;
      work_order_id: string;
      kind: NotificationKind;
      message: string;
      read_at: Date | null;
      created_at: Generated<Date>;
    };
  }
}
