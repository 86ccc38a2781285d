import type { Db, Trx } from '../../platform/db.ts';
import './auth.tables.ts';

type Conn = Db | Trx;

export async function insertSession(
  db: Conn,
  v: {
    tokenHash: string;
    csrfToken: string;
    employeeId: string;
    ip: string;
    userAgent: string | null;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      token_hash: v.tokenHash,
      csrf_token: v.csrfToken,
      employee_id: v.employeeId,
      ip: v.ip,
      user_agent: v.userAgent?.slice(0, 300) ?? null,
      expires_at: v.expiresAt,
    })
    .execute();
}

/** The live session for a token (not idle too long, opened after `openedAfter`), its expiry pushed forward (sliding idle timeout). */
export async function touchSession(db: Conn, tokenHash: string, expiresAt: Date, openedAfter: Date) {
  return db
    .updateTable('sessions')
    .set({ last_seen_at: new Date(), expires_at: expiresAt })
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', new Date())
    .where('created_at', '>', openedAfter)
    .returning(['employee_id', 'csrf_token'])
    .executeTakeFirst();
}

export async function deleteSession(db: Conn, tokenHash: string): Promise<string | undefined> {
  return (
    await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).returning('employee_id').executeTakeFirst()
  )?.employee_id;
}

export async function deleteEmployeeSessions(db: Conn, employeeId: string): Promise<void> {
  await db.deleteFrom('sessions').where('employee_id', '=', employeeId).execute();
}

export async function deleteOtherSessions(db: Conn, employeeId: string, keepTokenHash: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('employee_id', '=', employeeId)
    .where('token_hash', '<>', keepTokenHash)
    .execute();
}
