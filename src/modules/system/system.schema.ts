import { z } from 'zod';
import { registerFieldMessages } from '../../platform/http/field-messages.ts';
import { TEXT_LIMITS } from '../../shared/text-limits.ts';
import { newPassword } from '../../platform/password-policy.ts';
import { DATA_SCOPES } from '../../platform/access/context.ts';
import { PERMISSION_PATTERN } from '../../platform/access/permissions.ts';
import { cursor, id, isoDate, limit } from '../../platform/http/schemas.ts';

export const ORG_UNIT_KINDS = ['province', 'city', 'county', 'department', 'team'] as const;

export const OrgUnit = z.object({
  id,
  parentId: id.nullable(),
  code: z.string().nullable(),
  name: z.string(),
  nameEn: z.string().nullable(),
  kind: z.enum(ORG_UNIT_KINDS),
  path: z.string(),
});
export type OrgUnit = z.infer<typeof OrgUnit>;
export const CreateOrgUnit = z.object({
  parentId: id.nullable(),
  code: z.string().trim().min(1).max(40).optional(),
  name: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().max(100).optional(),
  kind: z.enum(ORG_UNIT_KINDS),
});
export type CreateOrgUnit = z.infer<typeof CreateOrgUnit>;

/** A password being set: the policy of platform/password-policy.ts (length, variety, not a common one). */
export const password = newPassword;

export const Employee = z.object({
  id,
  username: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  orgUnitId: id,
  orgUnitName: z.string(),
  status: z.enum(['active', 'disabled']),
  roleIds: z.array(id),
  createdAt: z.string(),
});
export type Employee = z.infer<typeof Employee>;
export const CreateEmployee = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, '2–40 letters, digits, . _ -'),
  password,
  name: z.string().trim().min(1).max(50),
  phone: z.string().trim().max(20).optional(),
  email: z.email().max(TEXT_LIMITS.system.email).optional(),
  orgUnitId: id,
  roleIds: z.array(id).max(20).default([]),
});
export type CreateEmployee = z.infer<typeof CreateEmployee>;
export const UpdateEmployee = z.object({
  name: z.string().trim().min(1).max(50).optional(),
  phone: z.string().trim().max(20).nullable().optional(),
  email: z.email().max(TEXT_LIMITS.system.email).nullable().optional(),
  orgUnitId: id.optional(),
  roleIds: z.array(id).max(20).optional(),
  status: z.enum(['active', 'disabled']).optional(),
  /** An administrator's password reset. */
  password: password.optional(),
});
export type UpdateEmployee = z.infer<typeof UpdateEmployee>;
/** What a colleague may see of another employee in a picker. */
export const DirectoryEntry = z.object({ id, name: z.string(), orgUnitId: id, orgUnitName: z.string() });
export type DirectoryEntry = z.infer<typeof DirectoryEntry>;
export const EmployeeQuery = z.object({
  q: z.string().trim().max(50).optional(),
  orgUnitId: id.optional(),
  limit,
  cursor,
});

export const Role = z.object({
  id,
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  permissions: z.array(z.string()),
  dataScope: z.enum(DATA_SCOPES),
});
export type Role = z.infer<typeof Role>;
const permissionList = z.array(z.string().regex(PERMISSION_PATTERN, 'area:action, area:* or *')).max(200);
export const CreateRole = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_-]{1,40}$/, 'lower-case letters, digits, _ -'),
  name: z.string().trim().min(1).max(50),
  nameEn: z.string().trim().max(50).optional(),
  permissions: permissionList,
  dataScope: z.enum(DATA_SCOPES),
});
export type CreateRole = z.infer<typeof CreateRole>;
export const UpdateRole = CreateRole.omit({ code: true }).partial();
export type UpdateRole = z.infer<typeof UpdateRole>;

export const ApiToken = z.object({
  id,
  name: z.string(),
  prefix: z.string(),
  employeeId: id,
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** The instant the token stops working (the end of the chosen business day), or null: no expiry. */
  expiresAt: z.string().nullable(),
  /** Only GET and HEAD requests. */
  readOnly: z.boolean(),
  /** Route prefixes it may call (`customers` → /api/customers/…); empty: every route its employee may call. */
  modules: z.array(z.string()),
});
export type ApiToken = z.infer<typeof ApiToken>;
export const CreateApiToken = z.object({
  name: z.string().trim().min(1).max(100),
  employeeId: id.optional(),
  expiresOn: isoDate.optional().describe('the last business day the token works'),
  readOnly: z.boolean().default(false),
  modules: z
    .array(z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a route prefix such as customers or work-orders'))
    .max(30)
    .default([]),
});
export type CreateApiToken = z.infer<typeof CreateApiToken>;
registerFieldMessages({
  'must be a route prefix such as customers or work-orders': '须为路由前缀，例如 customers 或 work-orders',
  'must be today or later': '不能早于今天',
});
