import type { RequestContext } from '../../platform/access/context.ts';
import { diffChanges, recordAudit } from '../../platform/audit.ts';
import { withTransaction, type Db, type Trx } from '../../platform/db.ts';
import { workOrderError } from './work-orders.errors.ts';
import type { RoutingRule, RoutingRuleInput } from './work-orders.schema.ts';
import { requireDepartment, requireEmployee, requireRegion } from './work-order-rules.ts';

function rulesSelect(db: Db | Trx) {
  return db
    .selectFrom('routing_rules as r')
    .leftJoin('org_units as reg', 'reg.id', 'r.region_id')
    .leftJoin('org_units as d', 'd.id', 'r.department_id')
    .leftJoin('employees as e', 'e.id', 'r.assignee_id')
    .selectAll('r')
    .select(['reg.name as region_name', 'd.name as department_name', 'e.name as assignee_name']);
}
type RuleRow = Awaited<ReturnType<ReturnType<typeof rulesSelect>['executeTakeFirstOrThrow']>>;

function toRule(r: RuleRow): RoutingRule {
  return {
    id: r.id,
    position: r.position,
    name: r.name,
    regionId: r.region_id,
    regionName: r.region_name,
    businessType: r.business_type,
    customerCategory: r.customer_category,
    typeId: r.type_id,
    centreKind: r.centre_kind,
    departmentId: r.department_id,
    departmentName: r.department_name,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    active: r.active,
  };
}

export async function listRoutingRules(db: Db): Promise<{ items: RoutingRule[] }> {
  return { items: (await rulesSelect(db).orderBy('r.position').orderBy('r.id').execute()).map(toRule) };
}

function columns(v: Partial<RoutingRuleInput>) {
  return {
    position: v.position,
    name: v.name,
    region_id: v.regionId,
    business_type: v.businessType,
    customer_category: v.customerCategory,
    type_id: v.typeId,
    centre_kind: v.centreKind,
    department_id: v.departmentId,
    assignee_id: v.assigneeId,
    active: v.active,
  };
}

async function checkReferences(trx: Trx, v: Partial<RoutingRuleInput>): Promise<void> {
  if (v.regionId) await requireRegion(trx, v.regionId);
  if (v.departmentId) await requireDepartment(trx, v.departmentId);
  if (v.assigneeId) await requireEmployee(trx, v.assigneeId);
}

export function createRoutingRule(db: Db, ctx: RequestContext, input: RoutingRuleInput): Promise<RoutingRule> {
  return withTransaction(db, async (trx) => {
    await checkReferences(trx, input);
    const { id } = await trx
      .insertInto('routing_rules')
      .values(columns(input) as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'create', entity: 'routing_rule', entityId: id, changes: { ...input } });
    return toRule(await rulesSelect(trx).where('r.id', '=', id).executeTakeFirstOrThrow());
  });
}

/** A whole rule is sent back from the editor; the condition/target pair is checked again as a whole. */
export function updateRoutingRule(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: RoutingRuleInput,
): Promise<RoutingRule> {
  return withTransaction(db, async (trx) => {
    const before = await trx
      .selectFrom('routing_rules')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw workOrderError('ROUTING_RULE_NOT_FOUND');
    await checkReferences(trx, input);
    const values = columns(input);
    const changes = diffChanges(before, values);
    await trx
      .updateTable('routing_rules')
      .set({ ...values, updated_at: new Date() } as never)
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, { action: 'update', entity: 'routing_rule', entityId: id, changes });
    return toRule(await rulesSelect(trx).where('r.id', '=', id).executeTakeFirstOrThrow());
  });
}
