import { sql } from 'kysely';
import type { Db, Trx } from '../../platform/db.ts';
import { authError } from './auth.errors.ts';
import './auth.tables.ts';

type Conn = Db | Trx;

/**
 * Who signs in: an employee (by username) or a customer in the self-service portal (by phone). Attempts are
 * counted per kind, so a staff username and a portal phone that read the same never lock each other.
 */
export type AccountKind = 'staff' | 'portal';

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;

/**
 * When the login is locked, the moment it unlocks: 5 failures within 15 minutes (counted since the last successful
 * sign-in) lock it for 15 minutes from the fifth. Attempts are not recorded while locked, so the latest five
 * failures are the ones that decide; after the lock they are more than 15 minutes apart and a new count starts.
 */
async function lockedUntil(db: Conn, kind: AccountKind, login: string): Promise<Date | undefined> {
  const result = await sql<{ latest: Date }>`
    SELECT max(at) AS latest FROM (
      SELECT at FROM login_attempts
      WHERE account_kind = ${kind} AND login = ${login} AND NOT ok AND at > now() - make_interval(mins => ${2 * LOCK_MINUTES})
        AND at > coalesce((SELECT max(at) FROM login_attempts WHERE account_kind = ${kind} AND login = ${login} AND ok), '-infinity')
      ORDER BY at DESC LIMIT ${LOCK_AFTER_FAILURES}) AS latest_failures
    HAVING count(*) = ${LOCK_AFTER_FAILURES} AND max(at) - min(at) <= make_interval(mins => ${LOCK_MINUTES})
      AND max(at) > now() - make_interval(mins => ${LOCK_MINUTES})`.execute(db);
  const latest = result.rows[0]?.latest;
  return latest ? new Date(latest.getTime() + LOCK_MINUTES * 60_000) : undefined;
}

/**
 * Password spraying (one common password against 30 usernames) never locks a username: the address is throttled too.
 * More failures than this from one address within 15 minutes, whatever the logins, lock that address for 15 minutes.
 * A good sign-in from it does not start a new count (an attacker's own account would), so an office behind one NAT
 * address gets 20 mistyped passwords per quarter hour between all its staff.
 */
export const LOCK_ADDRESS_AFTER_FAILURES = 20;

async function addressLockedUntil(db: Conn, kind: AccountKind, ip: string): Promise<Date | undefined> {
  const result = await sql<{ latest: Date }>`
    SELECT max(at) AS latest FROM login_attempts
    WHERE account_kind = ${kind} AND ip = ${ip} AND NOT ok AND at > now() - make_interval(mins => ${LOCK_MINUTES})
    HAVING count(*) >= ${LOCK_ADDRESS_AFTER_FAILURES}`.execute(db);
  const latest = result.rows[0]?.latest;
  return latest ? new Date(latest.getTime() + LOCK_MINUTES * 60_000) : undefined;
}

const minutesUntil = (until: Date) => Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));

/**
 * Refuses a sign-in (or a password check) while its login or the caller's address is locked (429 ACCOUNT_LOCKED or
 * ADDRESS_LOCKED, with the minutes left), before any password is checked.
 */
export async function refuseWhileLocked(db: Conn, kind: AccountKind, login: string, ip: string): Promise<void> {
  const until = await lockedUntil(db, kind, login);
  if (until) throw authError('ACCOUNT_LOCKED', { minutes: minutesUntil(until), retryAfter: until.toISOString() });
  const addressUntil = await addressLockedUntil(db, kind, ip);
  if (addressUntil)
    throw authError('ADDRESS_LOCKED', { minutes: minutesUntil(addressUntil), retryAfter: addressUntil.toISOString() });
}

/** Every sign-in, good or bad, whether or not the login exists; a good one starts the count of failures afresh. */
export async function recordLoginAttempt(
  db: Conn,
  kind: AccountKind,
  login: string,
  ip: string,
  ok: boolean,
): Promise<void> {
  await db.insertInto('login_attempts').values({ account_kind: kind, login, ip, ok }).execute();
}

/** A new password (set by staff, or through a reset link) unlocks the login at once: earlier failures no longer count. */
export async function forgetLoginFailures(db: Conn, kind: AccountKind, login: string): Promise<void> {
  await db
    .deleteFrom('login_attempts')
    .where('account_kind', '=', kind)
    .where('login', '=', login)
    .where('ok', '=', false)
    .execute();
}
