import type { RequestContext } from '../../platform/access/context.ts';
import { recordAudit, type Changes } from '../../platform/audit.ts';
import { withTransaction, type Db } from '../../platform/db.ts';
import { platformError } from '../../platform/errors.ts';
import * as repo from './customers.repository.ts';
import { customerError } from './customers.errors.ts';
import type { Customer, UpdateCustomer } from './customers.schema.ts';
import { auditValue, COLUMN_OF, toCustomer } from './customer-dto.ts';
import { checkIdCardFree, checkReferences, derivedFromIdCard, requireVisibleAfterWrite } from './customer-rules.ts';

/** Edits a customer; each changed field goes to the history as old → new. */
export function updateCustomer(db: Db, ctx: RequestContext, id: string, input: UpdateCustomer): Promise<Customer> {
  return withTransaction(db, async (trx) => {
    const before = await repo.findCustomer(trx, ctx, id, true);
    if (!before) throw customerError('CUSTOMER_NOT_FOUND');
    if (before.status !== 'active') throw customerError('CUSTOMER_NOT_ACTIVE');
    if (input.version !== undefined && input.version !== before.version)
      throw platformError('CONFLICT', { version: before.version });
    await checkReferences(trx, input);
    if (input.idCard && input.idCard !== before.id_card) await checkIdCardFree(trx, input.idCard, id);

    const values: Record<string, unknown> = {};
    const changes: Changes = {};
    for (const [field, column] of Object.entries(COLUMN_OF) as [
      keyof typeof COLUMN_OF,
      (typeof COLUMN_OF)[keyof typeof COLUMN_OF],
    ][]) {
      const next = input[field];
      if (next === undefined || next === before[column]) continue;
      values[column] = next;
      changes[field] = [auditValue(field, before[column]), auditValue(field, next)];
    }
    if (Object.keys(changes).length === 0) return toCustomer(ctx, before);
    if (input.idCard && changes.idCard) Object.assign(values, derivedFromIdCard(input.idCard));
    await repo.updateCustomerRow(trx, id, values);
    const after = await requireVisibleAfterWrite(trx, ctx, id);
    await recordAudit(trx, ctx, { action: 'update', entity: 'customer', entityId: id, changes });
    return toCustomer(ctx, after);
  });
}
