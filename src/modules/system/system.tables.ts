import type { Generated } from 'kysely';
import type { DataScope } from '../../platform/access/context.ts';

export interface OrgUnitsTable {
  id: Generated<string>;
  parent_id: string | null;
  code: string | null;
  name: string;
  name_en: string | null;
  kind: OrgUnitKind;
  path: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export type OrgUnitKind = 'province' | 'city' | 'county' | 'department' | 'team';

export interface RolesTable {
  id: Generated<string>;
  code: string;
  name: string;
  name_en: string | null;
  permissions: string[];
  data_scope: DataScope;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface EmployeesTable {
  id: Generated<string>;
  username: string;
  password_hash: string;
  name: string;
  phone: string | null;
  email: string | null;
  org_unit_id: string;
  status: Generated<'active' | 'disabled'>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ApiTokensTable {
  id: Generated<string>;
  name: string;
  token_hash: string;
  prefix: string;
  employee_id: string;
  created_by: string;
  created_at: Generated<Date>;
  last_used_at: Date | null;
  revoked_at: Date | null;
  expires_at: Date | null;
  read_only: Generated<boolean>;
  modules: Generated<string[]>;
}

declare module '../../platform/db.ts' {
  interface Database {
    org_units: OrgUnitsTable;
    roles: RolesTable;
    employees: EmployeesTable;
    employee_roles: { employee_id: string; role_id: string };
    api_tokens: ApiTokensTable;
  }
}
