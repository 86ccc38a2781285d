import type { RequestContext } from '../../platform/access/context.ts';
import { forgetEmployee } from '../../platform/access/context-cache.ts';
import { requirePasswordFitFor } from '../../platform/password-policy.ts';
import { diffChanges, recordAudit, type Changes } from '../../platform/audit.ts';
import { withTransaction, type Db, type Trx } from '../../platform/db.ts';
import { platformError } from '../../platform/errors.ts';
import { encodeCursor, decodeCursor, cursorId } from '../../platform/http/schemas.ts';
import { hashPassword } from '../../platform/secrets.ts';
import * as repo from './system.repository.ts';
import { systemError } from './system.errors.ts';
import { emitEmployeeSignInRevoked } from './employee-events.ts';
import type { CreateEmployee, DirectoryEntry, Employee, UpdateEmployee } from './system.schema.ts';

export async function listEmployees(
  db: Db,
  ctx: Pick<RequestContext, 'locale'>,
  f: { q?: string; orgUnitId?: string; limit: number; cursor?: string },
) {
  const afterId = decodeCursor(f.cursor, cursorId);
  const items = await repo.listEmployees(db, { ...f, afterId }, ctx.locale);
  return { items, nextCursor: items.length === f.limit ? encodeCursor(items[items.length - 1].id) : null };
}

/** Active employees by name, for pickers; at most 200, the branch's staff fit. */
export async function employeeDirectory(
  db: Db,
  ctx: Pick<RequestContext, 'locale'>,
  f: { q?: string; orgUnitId?: string },
  limit = 200,
): Promise<DirectoryEntry[]> {
  return repo.listActiveEmployees(db, f, limit, ctx.locale);
}

export async function getEmployee(db: Db, id: string): Promise<Employee> {
  const employee = await repo.findEmployee(db, id);
  if (!employee) throw systemError('EMPLOYEE_NOT_FOUND');
  return employee;
}

async function checkReferences(trx: Trx, orgUnitId: string | undefined, roleIds: string[] | undefined) {
  if (orgUnitId && !(await repo.findOrgUnit(trx, orgUnitId)))
    throw platformError('VALIDATION_FAILED', undefined, { orgUnitId: 'no such org unit' });
  if (roleIds && (await repo.countRoles(trx, roleIds)) !== new Set(roleIds).size)
    throw platformError('VALIDATION_FAILED', undefined, { roleIds: 'unknown role' });
}

export async function createEmployee(db: Db, ctx: RequestContext | null, input: CreateEmployee): Promise<Employee> {
  requirePasswordFitFor(input.username, input.password);
  const passwordHash = await hashPassword(input.password);
  return withTransaction(db, async (trx) => {
    if (await repo.usernameExists(trx, input.username))
      throw systemError('USERNAME_TAKEN', undefined, { username: 'already taken' });
    await checkReferences(trx, input.orgUnitId, input.roleIds);
    const id = await repo.insertEmployee(trx, { ...input, passwordHash });
    await repo.replaceEmployeeRoles(trx, id, [...new Set(input.roleIds)]);
    await recordAudit(trx, ctx, {
      action: 'create',
      entity: 'employee',
      entityId: id,
      changes: {
        username: [null, input.username],
        name: [null, input.name],
        orgUnitId: [null, input.orgUnitId],
        roleIds: [null, input.roleIds],
      },
    });
    return (await repo.findEmployee(trx, id))!;
  });
}

/** Edits an employee; a password here is an administrator's reset: it, like disabling, ends the employee's sessions. */
export async function updateEmployee(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: UpdateEmployee,
): Promise<Employee> {
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const updated = await withTransaction(db, async (trx) => {
    const before = await repo.lockEmployee(trx, id);
    if (!before) throw systemError('EMPLOYEE_NOT_FOUND');
    if (input.password) requirePasswordFitFor(before.username, input.password);
    if (input.status === 'disabled' && id === ctx.employeeId) throw systemError('CANNOT_DISABLE_SELF');
    await checkReferences(trx, input.orgUnitId, input.roleIds);
    const { password: _password, roleIds, ...fields } = input;
    await repo.updateEmployeeRow(trx, id, { ...fields, passwordHash });
    if (roleIds) await repo.replaceEmployeeRoles(trx, id, [...new Set(roleIds)]);
    if ((input.status === 'disabled' && before.status === 'active') || passwordHash)
      await emitEmployeeSignInRevoked(trx, id);
    const changes: Changes = diffChanges(before, {
      ...fields,
      ...(roleIds ? { roleIds: [...new Set(roleIds)].sort() } : {}),
    });
    if (passwordHash) changes.password = ['***', 'reset'];
    await recordAudit(trx, ctx, {
      action: input.status === 'disabled' ? 'disable' : 'update',
      entity: 'employee',
      entityId: id,
      changes,
    });
    return (await repo.findEmployee(trx, id))!;
  });
  forgetEmployee(id);
  return updated;
}
