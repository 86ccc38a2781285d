import type { RequestContext } from '../../platform/access/context.ts';
import { forgetIdentity } from '../../platform/access/context-cache.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTransaction, type Db } from '../../platform/db.ts';
import { randomToken, sha256 } from '../../platform/secrets.ts';
import * as repo from './system.repository.ts';
import { systemError } from './system.errors.ts';
import type { ApiToken, CreateApiToken } from './system.schema.ts';
import { endOfBusinessDay, today } from '../../platform/clock.ts';
import { platformError } from '../../platform/errors.ts';

export function listApiTokens(db: Db): Promise<ApiToken[]> {
  return repo.listApiTokens(db);
}

/**
 * Creates a token acting as `employeeId` (default: the caller), optionally expiring after a business day, read-only,
 * or limited to some route prefixes. The secret is returned once and stored only hashed.
 */
export function createApiToken(
  db: Db,
  ctx: RequestContext,
  input: CreateApiToken,
): Promise<ApiToken & { token: string }> {
  if (input.expiresOn && input.expiresOn < today())
    throw platformError('VALIDATION_FAILED', undefined, { expiresOn: 'must be today or later' });
  const modules = [...new Set(input.modules)].sort();
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
      expiresAt: input.expiresOn ? endOfBusinessDay(input.expiresOn) : null,
      readOnly: input.readOnly,
      modules,
    });
    await recordAudit(trx, ctx, {
      action: 'create',
      entity: 'api_token',
      entityId: row.id,
      changes: {
        name: [null, input.name],
        employeeId: [null, employeeId],
        expiresAt: [null, row.expiresAt],
        readOnly: [null, input.readOnly],
        modules: [null, modules],
      },
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
