import {
  cachedIdentity,
  forgetEmployee,
  forgetIdentity,
  type IdentityContext,
} from '../../platform/access/context-cache.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTransaction, type Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { requirePasswordFitFor } from '../../platform/password-policy.ts';
import { hashPassword, randomToken, sha256, verifyPassword } from '../../platform/secrets.ts';
import type { RequestContext } from '../../platform/access/context.ts';
import { findLoginCandidate, loadIdentity, passwordHashOf, updateEmployeeRow, useApiToken } from '../system/index.ts';
import * as repo from './auth.repository.ts';
import { authError } from './auth.errors.ts';
import { recordLoginAttempt, refuseWhileLocked } from './login-throttle.ts';

export interface LoginInput {
  username: string;
  password: string;
  ip: string;
  userAgent: string | null;
  idleMinutes: number;
}

/** Checks the password and opens a session; every attempt, good or bad, is recorded and audited. */
export async function login(db: Db, input: LoginInput) {
  const username = input.username.trim().toLowerCase();
  await refuseWhileLocked(db, 'staff', username, input.ip);

  const candidate = await findLoginCandidate(db, username);
  const passwordOk = await verifyPassword(candidate?.password_hash ?? null, input.password);
  const ok = passwordOk && candidate?.status === 'active';
  const actor = { employeeId: candidate?.id ?? '0', name: candidate?.name ?? username, ip: input.ip };

  if (!ok) {
    await withTransaction(db, async (trx) => {
      await recordLoginAttempt(trx, 'staff', username, input.ip, false);
      await recordAudit(trx, actor, {
        action: 'login_failed',
        entity: 'session',
        changes: { username, reason: passwordOk ? 'disabled' : 'bad_credentials' },
      });
    });
    throw passwordOk ? authError('ACCOUNT_DISABLED') : authError('INVALID_CREDENTIALS');
  }

  const token = randomToken();
  const csrfToken = randomToken(24);
  await withTransaction(db, async (trx) => {
    await recordLoginAttempt(trx, 'staff', username, input.ip, true);
    await repo.insertSession(trx, {
      tokenHash: sha256(token),
      csrfToken,
      employeeId: candidate.id,
      ip: input.ip,
      userAgent: input.userAgent,
      expiresAt: new Date(Date.now() + input.idleMinutes * 60_000),
    });
    await recordAudit(trx, actor, { action: 'login', entity: 'session', changes: { username } });
  });
  const identity = (await loadIdentity(db, candidate.id))!;
  return { token, csrfToken, identity };
}

export async function logout(db: Db, ctx: RequestContext, token: string): Promise<void> {
  const tokenHash = sha256(token);
  await withTransaction(db, async (trx) => {
    await repo.deleteSession(trx, tokenHash);
    await recordAudit(trx, ctx, { action: 'logout', entity: 'session' });
  });
  forgetIdentity(`session:${tokenHash}`);
}

export async function changePassword(
  db: Db,
  ctx: RequestContext,
  token: string | undefined,
  oldPassword: string,
  newPassword: string,
): Promise<void> {
  // Guessing the old password from a signed-in browser counts like guessing it at sign-in: five wrong ones lock the
  // account (sign-in included) for 15 minutes. Each wrong guess and each refusal while locked is audited.
  try {
    await refuseWhileLocked(db, 'staff', ctx.username, ctx.ip);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await recordAudit(db, ctx, {
      action: 'change_password_locked',
      entity: 'employee',
      entityId: ctx.employeeId,
      changes: { reason: error.code },
    });
    throw error.code === 'ACCOUNT_LOCKED' ? authError('OLD_PASSWORD_LOCKED', error.details) : error;
  }
  const ok = await verifyPassword((await passwordHashOf(db, ctx.employeeId)) ?? null, oldPassword);
  if (!ok) {
    await withTransaction(db, async (trx) => {
      await recordLoginAttempt(trx, 'staff', ctx.username, ctx.ip, false);
      await recordAudit(trx, ctx, { action: 'change_password_failed', entity: 'employee', entityId: ctx.employeeId });
    });
    throw authError('WRONG_OLD_PASSWORD', undefined, { oldPassword: 'wrong password' });
  }
  requirePasswordFitFor(ctx.username, newPassword, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  await withTransaction(db, async (trx) => {
    await updateEmployeeRow(trx, ctx.employeeId, { passwordHash });
    // Other browsers signed in as this employee must sign in again with the new password.
    await repo.deleteOtherSessions(trx, ctx.employeeId, token ? sha256(token) : '');
    await recordAudit(trx, ctx, { action: 'change_password', entity: 'employee', entityId: ctx.employeeId });
  });
  forgetEmployee(ctx.employeeId);
}

/** The identity behind a session cookie, or undefined when the session is gone, idle too long, older than its lifetime or its employee disabled. */
export function resolveSession(
  db: Db,
  token: string,
  idleMinutes: number,
  maxHours: number,
): Promise<IdentityContext | undefined> {
  const tokenHash = sha256(token);
  return cachedIdentity(`session:${tokenHash}`, async () => {
    const session = await repo.touchSession(
      db,
      tokenHash,
      new Date(Date.now() + idleMinutes * 60_000),
      new Date(Date.now() - maxHours * 3_600_000),
    );
    if (!session) return undefined;
    const identity = await loadIdentity(db, session.employee_id);
    return identity && { ...identity, csrfToken: session.csrf_token };
  });
}

export function resolveApiToken(db: Db, token: string): Promise<IdentityContext | undefined> {
  const tokenHash = sha256(token);
  return cachedIdentity(`token:${tokenHash}`, async () => {
    const token = await useApiToken(db, tokenHash);
    const identity = token && (await loadIdentity(db, token.employeeId));
    if (!token || !identity) return undefined;
    return {
      ...identity,
      tokenLimits: { expiresAt: token.expiresAt, readOnly: token.readOnly, modules: token.modules },
    };
  });
}
