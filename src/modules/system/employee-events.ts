import type { Trx } from '../../platform/db.ts';

type DisabledHandler = (trx: Trx, employeeId: string) => Promise<void>;
const disabledHandlers: DisabledHandler[] = [];

/**
 * A module holding something that lets an employee in (auth's sessions) ends it here, in the disabling transaction:
 * a disabled employee's sessions end for good, so re-enabling them later does not revive an old cookie.
 */
export function onEmployeeDisabled(handler: DisabledHandler): void {
  disabledHandlers.push(handler);
}

export async function emitEmployeeDisabled(trx: Trx, employeeId: string): Promise<void> {
  for (const handler of disabledHandlers) await handler(trx, employeeId);
}
