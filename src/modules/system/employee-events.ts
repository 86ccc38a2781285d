import type { Trx } from '../../platform/db.ts';

type RevokedHandler = (trx: Trx, employeeId: string) => Promise<void>;
const revokedHandlers: RevokedHandler[] = [];

/**
 * A module holding something that lets an employee in (auth's sessions) ends it here, in the writing transaction,
 * when the employee is disabled or an administrator resets their password: a disabled employee's sessions end for
 * good (re-enabling them later does not revive an old cookie), and whoever knew the old password is signed out.
 */
export function onEmployeeSignInRevoked(handler: RevokedHandler): void {
  revokedHandlers.push(handler);
}

export async function emitEmployeeSignInRevoked(trx: Trx, employeeId: string): Promise<void> {
  for (const handler of revokedHandlers) await handler(trx, employeeId);
}
