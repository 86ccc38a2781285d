import { widestScope, type DataScope } from '../../platform/access/context.ts';
import type { IdentityContext } from '../../platform/access/context-cache.ts';
import type { Db } from '../../platform/db.ts';
import { loadIdentityRow } from './system.repository.ts';

/** Who an active employee is, for a request context: org paths, merged permissions, widest data scope. */
export async function loadIdentity(db: Db, employeeId: string): Promise<IdentityContext | undefined> {
  const row = await loadIdentityRow(db, employeeId);
  if (!row) return undefined;
  return {
    employeeId: row.id,
    username: row.username,
    name: row.name,
    orgUnitId: row.org_unit_id,
    orgPath: row.path,
    departmentPath: row.department_path || row.region_path || row.path,
    regionPath: row.region_path || row.path,
    permissions: new Set(row.permissions),
    scope: widestScope(row.scopes as DataScope[]),
  };
}
