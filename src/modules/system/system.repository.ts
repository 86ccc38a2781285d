import { sql } from 'kysely';
import { now } from '../../platform/clock.ts';
import type { Db, Trx } from '../../platform/db.ts';
import type { Locale } from '../../platform/errors.ts';
import { localizedName } from '../../platform/localized-name.ts';
import type { OrgUnit, DirectoryEntry, Employee, Role, ApiToken } from './system.schema.ts';
import './system.tables.ts';

type Conn = Db | Trx;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

// ---- org units
const orgUnitColumns = ['id', 'parent_id', 'code', 'name', 'name_en', 'kind', 'path'] as const;
function toOrgUnit(r: {
  id: string;
  parent_id: string | null;
  code: string | null;
  name: string;
  name_en: string | null;
  kind: OrgUnit['kind'];
  path: string;
}): OrgUnit {
  return { id: r.id, parentId: r.parent_id, code: r.code, name: r.name, nameEn: r.name_en, kind: r.kind, path: r.path };
}

export async function listOrgUnits(db: Conn): Promise<OrgUnit[]> {
  const rows = await db.selectFrom('org_units').select(orgUnitColumns).orderBy('path').execute();
  return rows.map(toOrgUnit);
}

export async function findOrgUnit(db: Conn, id: string): Promise<OrgUnit | undefined> {
  const row = await db.selectFrom('org_units').select(orgUnitColumns).where('id', '=', id).executeTakeFirst();
  return row && toOrgUnit(row);
}

export async function insertOrgUnit(
  db: Conn,
  v: { parentId: string | null; code?: string; name: string; nameEn?: string; kind: OrgUnit['kind'] },
): Promise<OrgUnit> {
  const row = await db
    .insertInto('org_units')
    .values({ parent_id: v.parentId, code: v.code ?? null, name: v.name, name_en: v.nameEn ?? null, kind: v.kind })
    .returning(orgUnitColumns)
    .executeTakeFirstOrThrow();
  return toOrgUnit(row);
}

// ---- employees
function employeeQuery(db: Conn, locale: Locale = 'zh-CN') {
  return db
    .selectFrom('employees as e')
    .innerJoin('org_units as o', 'o.id', 'e.org_unit_id')
    .select([
      'e.id',
      'e.username',
      'e.name',
      'e.phone',
      'e.email',
      'e.org_unit_id',
      localizedName({ locale }, 'o').as('org_unit_name'),
      'e.status',
      'e.created_at',
    ])
    .select(
      sql<
        string[]
      >`coalesce((SELECT array_agg(role_id::text ORDER BY role_id) FROM employee_roles er WHERE er.employee_id = e.id), '{}')`.as(
        'role_ids',
      ),
    );
}
type EmployeeRow = Awaited<ReturnType<ReturnType<typeof employeeQuery>['executeTakeFirstOrThrow']>>;
function toEmployee(r: EmployeeRow): Employee {
  return {
    id: r.id,
    username: r.username,
    name: r.name,
    phone: r.phone,
    email: r.email,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    status: r.status,
    roleIds: r.role_ids,
    createdAt: r.created_at.toISOString(),
  };
}

export async function listEmployees(
  db: Conn,
  f: { q?: string; orgUnitId?: string; limit: number; afterId?: string },
  locale: Locale,
): Promise<Employee[]> {
  let query = employeeQuery(db, locale).orderBy('e.id').limit(f.limit);
  if (f.q) query = query.where((eb) => eb.or([eb('e.username', 'like', `${f.q}%`), eb('e.name', 'like', `%${f.q}%`)]));
  if (f.orgUnitId) query = query.where('e.org_unit_id', '=', f.orgUnitId);
  if (f.afterId) query = query.where('e.id', '>', f.afterId);
  return (await query.execute()).map(toEmployee);
}

/** Active employees, by name, optionally within an org unit's subtree (a region's staff sit in its departments). */
export async function listActiveEmployees(
  db: Conn,
  f: { q?: string; orgUnitId?: string },
  limit: number,
  locale: Locale,
): Promise<DirectoryEntry[]> {
  let query = db
    .selectFrom('employees as e')
    .innerJoin('org_units as o', 'o.id', 'e.org_unit_id')
    .select(['e.id', 'e.name', 'e.org_unit_id', localizedName({ locale }, 'o').as('org_unit_name')])
    .where('e.status', '=', 'active')
    .orderBy('e.name')
    .orderBy('e.id')
    .limit(limit);
  if (f.q) query = query.where((eb) => eb.or([eb('e.username', 'like', `${f.q}%`), eb('e.name', 'like', `%${f.q}%`)]));
  if (f.orgUnitId) {
    const orgUnitId = f.orgUnitId;
    query = query.where('o.path', 'like', (eb) =>
      eb.selectFrom('org_units').select(sql<string>`path || '%'`.as('p')).where('id', '=', orgUnitId),
    );
  }
  return (await query.execute()).map((r) => ({
    id: r.id,
    name: r.name,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
  }));
}

export async function findEmployee(db: Conn, id: string): Promise<Employee | undefined> {
  const row = await employeeQuery(db).where('e.id', '=', id).executeTakeFirst();
  return row && toEmployee(row);
}

export async function lockEmployee(trx: Trx, id: string): Promise<Employee | undefined> {
  const row = await employeeQuery(trx).where('e.id', '=', id).forUpdate('e').executeTakeFirst();
  return row && toEmployee(row);
}

export async function usernameExists(db: Conn, username: string): Promise<boolean> {
  return Boolean(await db.selectFrom('employees').select('id').where('username', '=', username).executeTakeFirst());
}

export async function insertEmployee(
  db: Conn,
  v: {
    username: string;
    passwordHash: string;
    name: string;
    phone?: string | null;
    email?: string | null;
    orgUnitId: string;
  },
): Promise<string> {
  const row = await db
    .insertInto('employees')
    .values({
      username: v.username,
      password_hash: v.passwordHash,
      name: v.name,
      phone: v.phone ?? null,
      email: v.email ?? null,
      org_unit_id: v.orgUnitId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateEmployeeRow(
  db: Conn,
  id: string,
  v: {
    name?: string;
    phone?: string | null;
    email?: string | null;
    orgUnitId?: string;
    status?: 'active' | 'disabled';
    passwordHash?: string;
  },
): Promise<void> {
  await db
    .updateTable('employees')
    .set({
      ...(v.name !== undefined ? { name: v.name } : {}),
      ...(v.phone !== undefined ? { phone: v.phone } : {}),
      ...(v.email !== undefined ? { email: v.email } : {}),
      ...(v.orgUnitId !== undefined ? { org_unit_id: v.orgUnitId } : {}),
      ...(v.status !== undefined ? { status: v.status } : {}),
      ...(v.passwordHash !== undefined ? { password_hash: v.passwordHash } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function replaceEmployeeRoles(db: Conn, employeeId: string, roleIds: string[]): Promise<void> {
  await db.deleteFrom('employee_roles').where('employee_id', '=', employeeId).execute();
  if (roleIds.length)
    await db
      .insertInto('employee_roles')
      .values(roleIds.map((role_id) => ({ employee_id: employeeId, role_id })))
      .execute();
}

export async function passwordHashOf(db: Conn, employeeId: string): Promise<string | undefined> {
  return (await db.selectFrom('employees').select('password_hash').where('id', '=', employeeId).executeTakeFirst())
    ?.password_hash;
}

export async function findLoginCandidate(db: Conn, username: string) {
  return db
    .selectFrom('employees')
    .select(['id', 'password_hash', 'status', 'name'])
    .where('username', '=', username)
    .executeTakeFirst();
}

/** Everything a request context needs about an employee, in one query; undefined when disabled. */
export async function loadIdentityRow(db: Conn, employeeId: string) {
  return db
    .selectFrom('employees as e')
    .innerJoin('org_units as o', 'o.id', 'e.org_unit_id')
    .select(['e.id', 'e.username', 'e.name', 'e.org_unit_id', 'o.path'])
    .select(
      sql<string>`coalesce((SELECT d.path FROM org_units d WHERE o.path LIKE d.path || '%' AND d.kind = 'department' ORDER BY length(d.path) DESC LIMIT 1), '')`.as(
        'department_path',
      ),
    )
    .select(
      sql<string>`coalesce((SELECT r.path FROM org_units r WHERE o.path LIKE r.path || '%' AND r.kind IN ('province', 'city', 'county') ORDER BY length(r.path) DESC LIMIT 1), '')`.as(
        'region_path',
      ),
    )
    .select(
      sql<
        string[]
      >`coalesce((SELECT array_agg(DISTINCT p) FROM employee_roles er JOIN roles ro ON ro.id = er.role_id, unnest(ro.permissions) p WHERE er.employee_id = e.id), '{}')`.as(
        'permissions',
      ),
    )
    .select(
      sql<
        string[]
      >`coalesce((SELECT array_agg(ro.data_scope) FROM employee_roles er JOIN roles ro ON ro.id = er.role_id WHERE er.employee_id = e.id), '{}')`.as(
        'scopes',
      ),
    )
    .where('e.id', '=', employeeId)
    .where('e.status', '=', 'active')
    .executeTakeFirst();
}

// ---- roles
const roleColumns = ['id', 'code', 'name', 'name_en', 'permissions', 'data_scope'] as const;
function toRole(r: {
  id: string;
  code: string;
  name: string;
  name_en: string | null;
  permissions: string[];
  data_scope: Role['dataScope'];
}): Role {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    permissions: r.permissions,
    dataScope: r.data_scope,
  };
}

export async function listRoles(db: Conn): Promise<Role[]> {
  return (await db.selectFrom('roles').select(roleColumns).orderBy('id').execute()).map(toRole);
}

export async function findRole(db: Conn, id: string): Promise<Role | undefined> {
  const row = await db.selectFrom('roles').select(roleColumns).where('id', '=', id).executeTakeFirst();
  return row && toRole(row);
}

export async function findRoleByCode(db: Conn, code: string): Promise<Role | undefined> {
  const row = await db.selectFrom('roles').select(roleColumns).where('code', '=', code).executeTakeFirst();
  return row && toRole(row);
}

export async function countRoles(db: Conn, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  const row = await db
    .selectFrom('roles')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('id', 'in', ids)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertRole(
  db: Conn,
  v: { code: string; name: string; nameEn?: string; permissions: string[]; dataScope: Role['dataScope'] },
): Promise<Role> {
  const row = await db
    .insertInto('roles')
    .values({
      code: v.code,
      name: v.name,
      name_en: v.nameEn ?? null,
      permissions: v.permissions,
      data_scope: v.dataScope,
    })
    .returning(roleColumns)
    .executeTakeFirstOrThrow();
  return toRole(row);
}

export async function updateRoleRow(
  db: Conn,
  id: string,
  v: { name?: string; nameEn?: string; permissions?: string[]; dataScope?: Role['dataScope'] },
): Promise<void> {
  await db
    .updateTable('roles')
    .set({
      ...(v.name !== undefined ? { name: v.name } : {}),
      ...(v.nameEn !== undefined ? { name_en: v.nameEn } : {}),
      ...(v.permissions !== undefined ? { permissions: v.permissions } : {}),
      ...(v.dataScope !== undefined ? { data_scope: v.dataScope } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

// ---- API tokens
const tokenColumns = [
  'id',
  'name',
  'prefix',
  'employee_id',
  'created_at',
  'last_used_at',
  'revoked_at',
  'expires_at',
  'read_only',
  'modules',
] as const;
function toApiToken(r: {
  id: string;
  name: string;
  prefix: string;
  employee_id: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  expires_at: Date | null;
  read_only: boolean;
  modules: string[];
}): ApiToken {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    employeeId: r.employee_id,
    createdAt: r.created_at.toISOString(),
    lastUsedAt: iso(r.last_used_at),
    revokedAt: iso(r.revoked_at),
    expiresAt: iso(r.expires_at),
    readOnly: r.read_only,
    modules: r.modules,
  };
}

export async function listApiTokens(db: Conn): Promise<ApiToken[]> {
  return (await db.selectFrom('api_tokens').select(tokenColumns).orderBy('id', 'desc').execute()).map(toApiToken);
}

export async function insertApiToken(
  db: Conn,
  v: {
    name: string;
    tokenHash: string;
    prefix: string;
    employeeId: string;
    createdBy: string;
    expiresAt: Date | null;
    readOnly: boolean;
    modules: string[];
  },
): Promise<ApiToken> {
  const row = await db
    .insertInto('api_tokens')
    .values({
      name: v.name,
      token_hash: v.tokenHash,
      prefix: v.prefix,
      employee_id: v.employeeId,
      created_by: v.createdBy,
      expires_at: v.expiresAt,
      read_only: v.readOnly,
      modules: v.modules,
    })
    .returning(tokenColumns)
    .executeTakeFirstOrThrow();
  return toApiToken(row);
}

export async function revokeApiTokenRow(db: Conn, id: string): Promise<{ token_hash: string } | undefined> {
  return db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning('token_hash')
    .executeTakeFirst();
}

/** What an unrevoked token may do and as whom; marks it used unless it has expired (then the caller refuses it). */
export async function useApiToken(
  db: Conn,
  tokenHash: string,
): Promise<{ employeeId: string; expiresAt: Date | null; readOnly: boolean; modules: string[] } | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'employee_id', 'expires_at', 'read_only', 'modules'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  if (!row.expires_at || row.expires_at > now())
    await db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', row.id).execute();
  return { employeeId: row.employee_id, expiresAt: row.expires_at, readOnly: row.read_only, modules: row.modules };
}
