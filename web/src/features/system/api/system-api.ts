import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, patch, post, type Page } from '../../../app/api-client.ts';
import { orgUnitsKey, type OrgUnit, type OrgUnitKind } from '../../../lib/org-units.ts';

/** The server's shapes (src/modules/system/system.schema.ts); org units are shared (lib/org-units.ts). */

export interface Employee {
  id: string;
  username: string;
  name: string;
  phone: string | null;
  email: string | null;
  orgUnitId: string;
  orgUnitName: string;
  status: 'active' | 'disabled';
  roleIds: string[];
  createdAt: string;
}
export interface CreateEmployee {
  username: string;
  password: string;
  name: string;
  phone?: string;
  email?: string;
  orgUnitId: string;
  roleIds: string[];
}
export interface UpdateEmployee {
  name?: string;
  phone?: string | null;
  email?: string | null;
  orgUnitId?: string;
  roleIds?: string[];
  status?: Employee['status'];
  password?: string;
}

export const DATA_SCOPES = ['own', 'team', 'department', 'region', 'all'] as const;
export type DataScope = (typeof DATA_SCOPES)[number];
export const ACTIONS = ['view', 'create', 'edit', 'delete', 'export', 'import', 'admin'] as const;
export interface Role {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  permissions: string[];
  dataScope: DataScope;
}
export interface PermissionArea {
  area: string;
  label: { zh: string; en: string };
}
export interface RoleInput {
  name: string;
  nameEn?: string;
  permissions: string[];
  dataScope: DataScope;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  employeeId: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  expiresAt: string | null;
  readOnly: boolean;
  modules: string[];
}

const keys = {
  orgUnits: orgUnitsKey,
  employees: ['employees'] as const,
  roles: ['roles'] as const,
  tokens: ['api-tokens'] as const,
};

export function useEmployees(f: { q?: string; cursor?: string; limit: number }) {
  return useQuery({
    queryKey: [...keys.employees, f],
    queryFn: () => get<Page<Employee>>('/api/employees', { ...f }),
    placeholderData: keepPreviousData,
  });
}

export function useRoles() {
  return useQuery({
    queryKey: keys.roles,
    queryFn: () => get<{ items: Role[]; areas: PermissionArea[] }>('/api/roles'),
  });
}

export function useApiTokens() {
  return useQuery({
    queryKey: keys.tokens,
    queryFn: () => get<{ items: ApiToken[] }>('/api/api-tokens').then((r) => r.items),
  });
}

/** A write that refreshes the lists it touches. */
function useWrite<TInput, TResult>(fn: (input: TInput) => Promise<TResult>, refresh: readonly string[]) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: refresh }) });
}

export const useCreateOrgUnit = () =>
  useWrite(
    (input: { parentId: string | null; name: string; nameEn?: string; code?: string; kind: OrgUnitKind }) =>
      post<OrgUnit>('/api/org-units', input),
    keys.orgUnits,
  );
export const useCreateEmployee = () =>
  useWrite((input: CreateEmployee) => post<Employee>('/api/employees', input), keys.employees);
export const useUpdateEmployee = () =>
  useWrite(
    ({ id, ...input }: UpdateEmployee & { id: string }) => patch<Employee>(`/api/employees/${id}`, input),
    keys.employees,
  );
export const useCreateRole = () =>
  useWrite((input: RoleInput & { code: string }) => post<Role>('/api/roles', input), keys.roles);
export const useUpdateRole = () =>
  useWrite(({ id, ...input }: RoleInput & { id: string }) => patch<Role>(`/api/roles/${id}`, input), keys.roles);
export const useCreateApiToken = () =>
  useWrite(
    (input: { name: string; employeeId?: string; expiresOn?: string; readOnly?: boolean; modules?: string[] }) =>
      post<ApiToken & { token: string }>('/api/api-tokens', input),
    keys.tokens,
  );
export const useRevokeApiToken = () => useWrite((id: string) => del<void>(`/api/api-tokens/${id}`), keys.tokens);
