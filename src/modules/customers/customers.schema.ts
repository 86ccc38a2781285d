import { z } from 'zod';
import { cursor, id, int4, limit } from '../../platform/http/schemas.ts';
import { registerFieldMessages } from '../../platform/http/field-messages.ts';
import { idCardProblem, isPhone, normalisePhone } from './customer-validators.ts';

import {
  CUSTOMER_CATEGORIES as CATEGORIES,
  CUSTOMER_LEVELS as LEVELS,
  CUSTOMER_LIFECYCLES as LIFECYCLES,
  CUSTOMER_STATUSES as STATUSES,
} from '../../shared/customer-enums.ts';

export { CATEGORIES, LEVELS, LIFECYCLES, STATUSES };
export const EDUCATIONS = ['primary', 'secondary', 'college', 'bachelor', 'master', 'doctorate'] as const;

const ID_CARD_MESSAGES = {
  format: 'must be 17 digits followed by a digit or X',
  birth_date: 'the birth date inside the number is not a real date',
  checksum: 'the check digit is wrong (GB 11643); please re-check the number',
} as const;

const MESSAGES = {
  phone: 'must be a mainland mobile (11 digits) or a landline with area code',
  email: 'an e-mail address such as name@example.com',
  amount: 'an amount with at most 2 decimals',
  individualNeedsIdCard: 'an individual customer needs an ID-card number',
  reason: 'say why, in a few words',
  twoCustomers: 'pick two different customers',
} as const;

// What the web app shows beside the fields in Chinese.
registerFieldMessages({
  [ID_CARD_MESSAGES.format]: '身份证号应为 17 位数字加 1 位数字或 X',
  [ID_CARD_MESSAGES.birth_date]: '身份证号中的出生日期不存在',
  [ID_CARD_MESSAGES.checksum]: '身份证号校验位不正确（GB 11643），请核对',
  [MESSAGES.phone]: '请输入 11 位手机号或带区号的固定电话',
  [MESSAGES.email]: '请输入电子邮箱，例如 name@example.com',
  [MESSAGES.amount]: '请输入金额，最多两位小数',
  [MESSAGES.individualNeedsIdCard]: '个人客户须填写身份证号',
  [MESSAGES.reason]: '请简要说明原因',
  [MESSAGES.twoCustomers]: '请选择两位不同的客户',
});

export const idCardNo = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const problem = idCardProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: ID_CARD_MESSAGES[problem] });
  });
export const phoneNo = z.string().trim().transform(normalisePhone).refine(isPhone, MESSAGES.phone);
const money = z
  .union([z.number(), z.string()])
  .transform(String)
  .pipe(z.string().regex(/^\d{1,12}(\.\d{1,2})?$/, MESSAGES.amount));

export const Customer = z.object({
  id,
  customerNo: z.string(),
  name: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  birthDate: z.string().nullable(),
  idCard: z.string().nullable(),
  phone: z.string(),
  email: z.string().nullable(),
  backupPhone: z.string().nullable(),
  address: z.string().nullable(),
  education: z.string().nullable(),
  job: z.string().nullable(),
  income: z.string().nullable(),
  category: z.enum(CATEGORIES),
  level: z.enum(LEVELS),
  lifecycle: z.enum(LIFECYCLES),
  regionId: id,
  regionName: z.string(),
  accountManagerId: id.nullable(),
  accountManagerName: z.string().nullable(),
  arrears: z.string(),
  status: z.enum(STATUSES),
  cancelReason: z.string().nullable(),
  mergedIntoId: id.nullable(),
  segment: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Customer = z.infer<typeof Customer>;

const editable = {
  name: z.string().trim().min(1).max(100),
  phone: phoneNo,
  email: z.email(MESSAGES.email).max(100).nullable(),
  backupPhone: phoneNo.nullable(),
  address: z.string().trim().max(200).nullable(),
  education: z.enum(EDUCATIONS).nullable(),
  job: z.string().trim().max(50).nullable(),
  income: money.nullable(),
  category: z.enum(CATEGORIES),
  level: z.enum(LEVELS),
  lifecycle: z.enum(LIFECYCLES),
  regionId: id,
  accountManagerId: id.nullable(),
};

export const OpenAccount = z
  .object({
    ...editable,
    idCard: idCardNo.optional(),
    email: editable.email.optional(),
    backupPhone: editable.backupPhone.optional(),
    address: editable.address.optional(),
    education: editable.education.optional(),
    job: editable.job.optional(),
    income: editable.income.optional(),
    level: editable.level.default('ordinary'),
    lifecycle: editable.lifecycle.default('potential'),
    accountManagerId: editable.accountManagerId.optional(),
  })
  .refine((v) => v.category !== 'individual' || v.idCard, {
    path: ['idCard'],
    message: MESSAGES.individualNeedsIdCard,
  });
export type OpenAccount = z.infer<typeof OpenAccount>;

export const UpdateCustomer = z
  .object({ ...editable, idCard: idCardNo })
  .partial()
  .extend({
    /** The version the editor saw; a concurrent change makes the update fail instead of overwriting it. */
    version: int4.optional(),
  });
export type UpdateCustomer = z.infer<typeof UpdateCustomer>;

export const SORTS = ['createdAt', 'name', 'customerNo'] as const;
export const CustomerQuery = z.object({
  q: z.string().trim().max(50).optional(),
  region: id.optional(),
  category: z.enum(CATEGORIES).optional(),
  level: z.enum(LEVELS).optional(),
  lifecycle: z.enum(LIFECYCLES).optional(),
  status: z.enum(STATUSES).optional(),
  accountManager: id.optional(),
  segment: z.string().trim().min(1).max(50).optional(),
  sort: z.enum(SORTS).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit,
  cursor,
});
export type CustomerQuery = z.infer<typeof CustomerQuery>;

export const CancelAccount = z.object({ reason: z.string().trim().min(2, MESSAGES.reason).max(500) });

export const MERGEABLE_FIELDS = [
  'name',
  'idCard',
  'phone',
  'email',
  'backupPhone',
  'address',
  'education',
  'job',
  'income',
  'category',
  'level',
  'lifecycle',
  'regionId',
  'accountManagerId',
] as const;
export type MergeableField = (typeof MERGEABLE_FIELDS)[number];
export const MergeCustomers = z
  .object({
    survivorId: id,
    mergedId: id,
    /** For each field, whose value the surviving record keeps; unlisted fields keep the survivor's. */
    fields: z.partialRecord(z.enum(MERGEABLE_FIELDS), z.enum(['survivor', 'merged'])).default({}),
  })
  .refine((v) => v.survivorId !== v.mergedId, { path: ['mergedId'], message: MESSAGES.twoCustomers });
export type MergeCustomers = z.infer<typeof MergeCustomers>;

export const HistoryEntry = z.object({
  id,
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  customerId: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()),
});
