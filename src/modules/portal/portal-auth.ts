import type { RequestContext } from '../../platform/access/context.ts';
import { systemContext } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTransaction, type Db } from '../../platform/db.ts';
import type { Locale } from '../../platform/errors.ts';
import { requirePasswordFitFor } from '../../platform/password-policy.ts';
import { hashPassword, randomToken, sha256, verifyPassword } from '../../platform/secrets.ts';
import { forgetLoginFailures, recordLoginAttempt, refuseWhileLocked } from '../auth/index.ts';
import { findCustomer } from '../customers/index.ts';
import { portalError } from './portal.errors.ts';
import './portal.tables.ts';

const SESSION_HOURS = 2;
const RESET_HOURS = 24;

/** Who a portal request comes from: a customer, never an employee. */
export interface PortalIdentity {
  customerId: string;
  name: string;
  csrfToken: string;
}

/**
 * The context the portal acts with when it calls other modules for the signed-in customer: it sees all
 * scopes (the customer id itself is the limit) and writes history as "self-service: <name>".
 */
export function portalContext(identity: PortalIdentity, locale: Locale, ip: string, requestId: string): RequestContext {
  return {
    ...systemContext('0', ['sensitive:view']),
    name: `自助服务：${identity.name}`,
    username: 'portal',
    locale,
    ip,
    requestId,
    via: 'session',
  };
}

/**
 * Signs a customer in by phone and password, throttled like staff sign-ins (auth's login attempts, kept apart
 * as portal logins): five wrong passwords within 15 minutes lock the login for 15 minutes.
 */
export async function portalLogin(
  db: Db,
  phone: string,
  password: string,
  ip: string,
): Promise<{ token: string; identity: PortalIdentity }> {
  await refuseWhileLocked(db, 'portal', phone, ip);
  const account = await db
    .selectFrom('portal_accounts as a')
    .innerJoin('customers as c', 'c.id', 'a.customer_id')
    .select(['a.customer_id', 'a.password_hash', 'c.name', 'c.status'])
    .where('a.login_phone', '=', phone)
    .executeTakeFirst();
  const ok = await verifyPassword(account?.password_hash ?? null, password);
  if (!account || !ok || account.status !== 'active') {
    await recordLoginAttempt(db, 'portal', phone, ip, false);
    throw portalError('BAD_CREDENTIALS');
  }
  const token = randomToken();
  const csrfToken = randomToken(18);
  await withTransaction(db, async (trx) => {
    await recordLoginAttempt(trx, 'portal', phone, ip, true);
    await trx.deleteFrom('portal_sessions').where('expires_at', '<', new Date()).execute();
    await trx
      .insertInto('portal_sessions')
      .values({
        token_hash: sha256(token),
        customer_id: account.customer_id,
        csrf_token: csrfToken,
        expires_at: new Date(Date.now() + SESSION_HOURS * 3600000),
      })
      .execute();
  });
  return { token, identity: { customerId: account.customer_id, name: account.name, csrfToken } };
}

/** The customer behind a portal cookie, sliding the session's expiry. */
export async function resolvePortalSession(db: Db, token: string): Promise<PortalIdentity | undefined> {
  const row = await db
    .updateTable('portal_sessions as s')
    .set({ expires_at: new Date(Date.now() + SESSION_HOURS * 3600000) })
    .from('customers as c')
    .whereRef('c.id', '=', 's.customer_id')
    .where('s.token_hash', '=', sha256(token))
    .where('s.expires_at', '>', new Date())
    .where('c.status', '=', 'active')
    .returning(['s.customer_id', 's.csrf_token', 'c.name'])
    .executeTakeFirst();
  return row ? { customerId: row.customer_id, name: row.name, csrfToken: row.csrf_token } : undefined;
}

export async function portalLogout(db: Db, token: string): Promise<void> {
  await db.deleteFrom('portal_sessions').where('token_hash', '=', sha256(token)).execute();
}

/**
 * Staff set up a customer's portal login: with a password (at account opening, told to the customer in person)
 * or, without one, a one-time reset link valid for 24 hours. Either way other sessions of the customer end.
 */
export function setupPortalLogin(
  db: Db,
  ctx: RequestContext,
  customerId: string,
  password?: string,
): Promise<{ loginPhone: string; resetToken?: string; expiresAt?: string }> {
  return withTransaction(db, async (trx) => {
    const customer = await findCustomer(trx, ctx, customerId, true);
    if (!customer) throw portalError('CUSTOMER_NOT_FOUND');
    const taken = await trx
      .selectFrom('portal_accounts')
      .select('customer_id')
      .where('login_phone', '=', customer.phone)
      .executeTakeFirst();
    if (taken && taken.customer_id !== customerId) throw portalError('PHONE_TAKEN');
    if (password) requirePasswordFitFor(customer.phone, password);
    const resetToken = password ? undefined : randomToken();
    const expiresAt = resetToken ? new Date(Date.now() + RESET_HOURS * 3600000) : null;
    const values = {
      login_phone: customer.phone,
      password_hash: password ? await hashPassword(password) : null,
      reset_token_hash: resetToken ? sha256(resetToken) : null,
      reset_expires_at: expiresAt,
      updated_at: new Date(),
    };
    await trx
      .insertInto('portal_accounts')
      .values({ customer_id: customerId, ...values })
      .onConflict((oc) => oc.column('customer_id').doUpdateSet(values))
      .execute();
    await trx.deleteFrom('portal_sessions').where('customer_id', '=', customerId).execute();
    await forgetLoginFailures(trx, 'portal', customer.phone);
    await recordAudit(trx, ctx, {
      action: password ? 'portal_password_set' : 'portal_reset_link',
      entity: 'customer',
      entityId: customerId,
      changes: { loginPhone: [null, customer.phone] },
    });
    return { loginPhone: customer.phone, ...(resetToken ? { resetToken, expiresAt: expiresAt!.toISOString() } : {}) };
  });
}

/** The customer follows the reset link and chooses a password. */
export function resetPortalPassword(db: Db, token: string, password: string): Promise<void> {
  return withTransaction(db, async (trx) => {
    const account = await trx
      .selectFrom('portal_accounts')
      .select(['customer_id', 'login_phone'])
      .where('reset_token_hash', '=', sha256(token))
      .where('reset_expires_at', '>', new Date())
      .forUpdate()
      .executeTakeFirst();
    if (!account) throw portalError('RESET_TOKEN_INVALID');
    requirePasswordFitFor(account.login_phone, password);
    await trx
      .updateTable('portal_accounts')
      .set({
        password_hash: await hashPassword(password),
        reset_token_hash: null,
        reset_expires_at: null,
        updated_at: new Date(),
      })
      .where('customer_id', '=', account.customer_id)
      .execute();
    await trx.deleteFrom('portal_sessions').where('customer_id', '=', account.customer_id).execute();
    await forgetLoginFailures(trx, 'portal', account.login_phone);
    await recordAudit(trx, null, {
      action: 'portal_password_reset',
      entity: 'customer',
      entityId: account.customer_id,
      changes: {},
    });
  });
}
