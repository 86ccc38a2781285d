import type { RequestContext } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTransaction, type Db } from '../../platform/db.ts';
import * as repo from './system.repository.ts';
import { systemError } from './system.errors.ts';
import type { CreateOrgUnit, OrgUnit } from './system.schema.ts';

export function listOrgUnits(db: Db): Promise<OrgUnit[]> {
  return repo.listOrgUnits(db);
}

export function createOrgUnit(db: Db, ctx: RequestContext, input: CreateOrgUnit): Promise<OrgUnit> {
  return withTransaction(db, async (trx) => {
    if (input.parentId && !(await repo.findOrgUnit(trx, input.parentId))) {
      throw systemError('ORG_UNIT_NOT_FOUND', undefined, { parentId: 'no such org unit' });
    }
    const unit = await repo.insertOrgUnit(trx, input);
    await recordAudit(trx, ctx, {
      action: 'create',
      entity: 'org_unit',
      entityId: unit.id,
      changes: { name: [null, unit.name], kind: [null, unit.kind], parentId: [null, unit.parentId] },
    });
    return unit;
  });
}
