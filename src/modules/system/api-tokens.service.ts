import type { RequestContext } from '../../platform/access/context.ts';
import { forgetIdentity } from '../../platform/access/context-cache.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTransaction, type Db } from '../../platform/db.ts';
import { randomToken, sha256 } from '../../platform/secrets.ts';
import * as repo from './system.repository.ts';
import { systemError } from './system.errors.ts';
import type { ApiToken } from './system.schema.ts';

export function listApiTokens(db: Db): Promise<ApiToken[]> {
  return repo.listApiTokens(db);
}

/** Creates a token acting as `employeeId` (default: the caller). The secret is returned once and stored only hashed. */
export function createApiToken(
  db: Db,
  ctx: RequestContext,
  input: { name: string; employeeId?: string },
): Promise<ApiToken & { token: string }> {
  return withTransaction(db, async (trx) => {
    const employeeId = input.employeeId ?? ctx.employeeId;
    if (!(await repo.findEmployee(trx, employeeId)))
      throw systemError('EMPLOYEE_NOT_FOUND', undefined, { employeeId: 'no such employee' });
    const token = `lx_${randomToken(30)}`;
    const row = await repo.insertApiToken(trx, {
      name: input.name,
      tokenHash: sha256(token),
      prefix: token.slice(0, 8),
      employeeId,
      createdBy: ctx.employeeId,
    });
    await recordAudit(trx, ctx, {
      action: 'create',
      entity: 'api_token',
      entityId: row.id,
      changes: { name: [null, input.name], employeeId: [null, employeeId] },
    });
    return { ...row, token };
  });
}

export async function revokeApiToken(db: Db, ctx: RequestContext, id: string): Promise<void> {
  const revoked = await withTransaction(db, async (trx) => {
    const row = await repo.revokeApiTokenRow(trx, id);
    if (!row) throw systemError('API_TOKEN_NOT_FOUND');
    await recordAudit(trx, ctx, { action: 'revoke', entity: 'api_token', entityId: id });
    return row;
  });
  forgetIdentity(`token:${revoked.token_hash}`);
}
