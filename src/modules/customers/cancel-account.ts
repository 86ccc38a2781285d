import type { RequestContext } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTransaction, type Db } from '../../platform/db.ts';
import * as repo from './customers.repository.ts';
import { customerError } from './customers.errors.ts';
import type { Customer } from './customers.schema.ts';
import { toCustomer } from './customer-dto.ts';
import { emitCustomerCancelled } from './customer-events.ts';
import { now } from '../../platform/clock.ts';

/** Cancels an account; refused while the customer owes money. */
export function cancelAccount(db: Db, ctx: RequestContext, id: string, reason: string): Promise<Customer> {
  return withTransaction(db, async (trx) => {
    const before = await repo.findCustomer(trx, ctx, id, true);
    if (!before) throw customerError('CUSTOMER_NOT_FOUND');
    if (before.status !== 'active') throw customerError('CUSTOMER_NOT_ACTIVE');
    if (Number(before.arrears) > 0) throw customerError('CUSTOMER_HAS_ARREARS', { arrears: before.arrears });
    await repo.updateCustomerRow(trx, id, { status: 'cancelled', cancel_reason: reason, cancelled_at: now() });
    await emitCustomerCancelled(trx, ctx, { customerId: id, reason });
    await recordAudit(trx, ctx, {
      action: 'cancel',
      entity: 'customer',
      entityId: id,
      changes: { status: ['active', 'cancelled'], cancelReason: [null, reason] },
    });
    return toCustomer(ctx, (await repo.findCustomer(trx, ctx, id))!);
  });
}
