import type { RequestContext } from '../../platform/access/context.ts';
import { forgetAllIdentities } from '../../platform/access/context-cache.ts';
import { diffChanges, recordAudit } from '../../platform/audit.ts';
import { withTransaction, type Db } from '../../platform/db.ts';
import * as repo from './system.repository.ts';
import { systemError } from './system.errors.ts';
import type { CreateRole, Role, UpdateRole } from './system.schema.ts';

export function listRoles(db: Db): Promise<Role[]> {
  return repo.listRoles(db);
}

export function createRole(db: Db, ctx: RequestContext, input: CreateRole): Promise<Role> {
  return withTransaction(db, async (trx) => {
    if (await repo.findRoleByCode(trx, input.code))
      throw systemError('ROLE_CODE_TAKEN', undefined, { code: 'already taken' });
    const role = await repo.insertRole(trx, input);
    await recordAudit(trx, ctx, {
      action: 'create',
      entity: 'role',
      entityId: role.id,
      changes: { code: [null, role.code], permissions: [null, role.permissions], dataScope: [null, role.dataScope] },
    });
    return role;
  });
}

export async function updateRole(db: Db, ctx: RequestContext, id: string, input: UpdateRole): Promise<Role> {
  const role = await withTransaction(db, async (trx) => {
    const before = await repo.findRole(trx, id);
    if (!before) throw systemError('ROLE_NOT_FOUND');
    await repo.updateRoleRow(trx, id, input);
    await recordAudit(trx, ctx, {
      action: 'update',
      entity: 'role',
      entityId: id,
      changes: diffChanges(before, input),
    });
    return (await repo.findRole(trx, id))!;
  });
  // Permissions changed for everyone holding the role.
  forgetAllIdentities();
  return role;
}
