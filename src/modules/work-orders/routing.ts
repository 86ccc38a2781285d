import { sql } from 'kysely';
import type { Db, Trx } from '../../platform/db.ts';
import type { BusinessType, CentreKind, CustomerCategory } from './work-orders.tables.ts';

type Conn = Db | Trx;

export interface RoutingFacts {
  regionPath: string;
  businessType: BusinessType;
  customerCategory: CustomerCategory;
  typeId: string;
}
export interface Route {
  ruleId: string;
  ruleName: string;
  departmentId: string;
  assigneeId: string | null;
}

/**
 * The centre of a kind that serves a region: the one whose parent region is the nearest above (or at) it,
 * so a county is served by its city's access network centre and a province-wide centre serves everyone.
 */
export async function centreFor(db: Conn, kind: CentreKind, regionPath: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('service_centres as sc')
    .innerJoin('org_units as o', 'o.id', 'sc.org_unit_id')
    .innerJoin('org_units as p', 'p.id', 'o.parent_id')
    .select('sc.org_unit_id')
    .where('sc.kind', '=', kind)
    .where(sql<boolean>`${regionPath} LIKE p.path || '%'`)
    .orderBy(sql`length(p.path)`, 'desc')
    .orderBy('sc.org_unit_id')
    .limit(1)
    .executeTakeFirst();
  return row?.org_unit_id;
}

/** Routes by the active rules in order; the first rule that matches and has a department to send to wins. */
export async function routeWorkOrder(db: Conn, facts: RoutingFacts): Promise<Route | undefined> {
  const rules = await db
    .selectFrom('routing_rules as r')
    .leftJoin('org_units as o', 'o.id', 'r.region_id')
    .select([
      'r.id',
      'r.name',
      'r.business_type',
      'r.customer_category',
      'r.type_id',
      'r.centre_kind',
      'r.department_id',
      'r.assignee_id',
      'o.path as region_path',
    ])
    .where('r.active', '=', true)
    .orderBy('r.position')
    .orderBy('r.id')
    .execute();
  for (const rule of rules) {
    if (rule.region_path !== null && !facts.regionPath.startsWith(rule.region_path)) continue;
    if (rule.business_type !== null && rule.business_type !== facts.businessType) continue;
    if (rule.customer_category !== null && rule.customer_category !== facts.customerCategory) continue;
    if (rule.type_id !== null && rule.type_id !== facts.typeId) continue;
    const departmentId = rule.department_id ?? (await centreFor(db, rule.centre_kind!, facts.regionPath));
    if (departmentId) return { ruleId: rule.id, ruleName: rule.name, departmentId, assigneeId: rule.assignee_id };
  }
  return undefined;
}
