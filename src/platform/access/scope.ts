import { sql, type Expression, type SqlBool } from 'kysely';
import type { RequestContext } from './context.ts';

/**
 * The data-scope predicate for a table whose rows have an owner (an employee) and a region (an org unit).
 * It is applied in SQL, so a list never contains, and a lookup never finds, a row outside the scope.
 * Region scope looks at the row's region; team and department scope at the owner's org unit.
 */
export function scopeWhere(ctx: RequestContext, columns: { owner: string; region: string }): Expression<SqlBool> {
  const owner = sql.ref(columns.owner);
  const region = sql.ref(columns.region);
  switch (ctx.scope) {
    case 'all':
      return sql<SqlBool>`true`;
    case 'region':
      return sql<SqlBool>`${region} IN (SELECT id FROM org_units WHERE path LIKE ${ctx.regionPath + '%'})`;
    case 'department':
      return sql<SqlBool>`${owner} IN (SELECT e.id FROM employees e JOIN org_units o ON o.id = e.org_unit_id WHERE o.path LIKE ${ctx.departmentPath + '%'})`;
    case 'team':
      return sql<SqlBool>`${owner} IN (SELECT id FROM employees WHERE org_unit_id = ${ctx.orgUnitId})`;
    case 'own':
      return sql<SqlBool>`${owner} = ${ctx.employeeId}`;
  }
}
