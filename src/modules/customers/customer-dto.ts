import type { RequestContext } from '../../platform/access/context.ts';
import { birthDateFor, idCardFor, maskIdCard, phoneFor } from '../../platform/access/masking.ts';
import type { CustomerRow } from './customers.repository.ts';
import type { Customer } from './customers.schema.ts';

/** Row → API shape; phone and ID card are masked (and the birth date hidden) unless the caller may see them. */
export function toCustomer(ctx: RequestContext, r: CustomerRow): Customer {
  return {
    id: r.id,
    customerNo: r.customer_no,
    name: r.name,
    gender: r.gender,
    birthDate: birthDateFor(ctx, r.birth_date),
    idCard: idCardFor(ctx, r.id_card),
    phone: phoneFor(ctx, r.phone)!,
    email: r.email,
    backupPhone: phoneFor(ctx, r.backup_phone),
    address: r.address,
    education: r.education,
    job: r.job,
    income: r.income,
    category: r.category,
    level: r.level,
    lifecycle: r.lifecycle,
    regionId: r.region_id,
    regionName: r.region_name,
    accountManagerId: r.account_manager_id,
    accountManagerName: r.account_manager_name,
    arrears: r.arrears,
    status: r.status,
    cancelReason: r.cancel_reason,
    mergedIntoId: r.merged_into_id,
    segment: r.segment,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** API field name → column, for the fields a user edits. */
export const COLUMN_OF = {
  name: 'name',
  idCard: 'id_card',
  phone: 'phone',
  email: 'email',
  backupPhone: 'backup_phone',
  address: 'address',
  education: 'education',
  job: 'job',
  income: 'income',
  category: 'category',
  level: 'level',
  lifecycle: 'lifecycle',
  regionId: 'region_id',
  accountManagerId: 'account_manager_id',
} as const;

/** The audit log never holds a full ID-card number. */
export function auditValue(field: string, value: unknown): unknown {
  return field === 'idCard' && typeof value === 'string' ? maskIdCard(value) : value;
}
