import type { RequestContext } from '../../platform/access/context.ts';
import { recordAudit, type Changes } from '../../platform/audit.ts';
import { withTransaction, type Db } from '../../platform/db.ts';
import * as repo from './customers.repository.ts';
import { customerError } from './customers.errors.ts';
import { MERGEABLE_FIELDS, type Customer, type MergeCustomers } from './customers.schema.ts';
import { auditValue, COLUMN_OF, toCustomer } from './customer-dto.ts';
import { derivedFromIdCard } from './customer-rules.ts';
import { emitCustomersMerged } from './customer-events.ts';

/**
 * Merges two records of one customer: the survivor takes the chosen values field by field, everything
 * hanging off the merged record moves over (through the merge handlers), and the merged record is
 * retired, pointing to the survivor. Its history stays readable from the survivor's history tab.
 */
export function mergeCustomers(db: Db, ctx: RequestContext, input: MergeCustomers): Promise<Customer> {
  return withTransaction(db, async (trx) => {
    // Lock in id order so two merges of the same pair cannot deadlock.
    const [firstId, secondId] = [input.survivorId, input.mergedId].sort((a, b) => Number(a) - Number(b));
    const first = await repo.findCustomer(trx, ctx, firstId, true);
    const second = await repo.findCustomer(trx, ctx, secondId, true);
    if (!first || !second) throw customerError('CUSTOMER_NOT_FOUND');
    const survivor = first.id === input.survivorId ? first : second;
    const merged = first.id === input.survivorId ? second : first;
    if (survivor.status !== 'active' || merged.status !== 'active') throw customerError('CUSTOMER_NOT_ACTIVE');

    const values: Record<string, unknown> = {};
    const changes: Changes = {};
    for (const field of MERGEABLE_FIELDS) {
      if (input.fields[field] !== 'merged') continue;
      const column = COLUMN_OF[field];
      if (merged[column] === survivor[column]) continue;
      values[column] = merged[column];
      changes[field] = [auditValue(field, survivor[column]), auditValue(field, merged[column])];
    }
    // Arrears follow the person: the survivor owes what both records owed.
    const arrears = (Number(survivor.arrears) + Number(merged.arrears)).toFixed(2);
    if (Number(merged.arrears) !== 0) changes.arrears = [survivor.arrears, arrears];

    // The ID card is unique: free it on the merged record before the survivor takes it.
    await repo.updateCustomerRow(trx, merged.id, { status: 'merged', merged_into_id: survivor.id, id_card: null });
    if (typeof values.id_card === 'string') Object.assign(values, derivedFromIdCard(values.id_card));
    else if (merged.id_card && !survivor.id_card) {
      // The survivor had no ID card: keep the merged record's rather than lose it.
      Object.assign(values, { id_card: merged.id_card, ...derivedFromIdCard(merged.id_card) });
      changes.idCard = [null, auditValue('idCard', merged.id_card)];
    }
    await trx.updateTable('customers').set({ arrears }).where('id', '=', survivor.id).execute();
    await repo.updateCustomerRow(trx, survivor.id, values);
    await emitCustomersMerged(trx, ctx, { survivorId: survivor.id, mergedId: merged.id });

    await recordAudit(trx, ctx, {
      action: 'merge',
      entity: 'customer',
      entityId: survivor.id,
      changes: { ...changes, mergedFrom: [null, merged.customer_no] },
    });
    await recordAudit(trx, ctx, {
      action: 'merged_into',
      entity: 'customer',
      entityId: merged.id,
      changes: { status: ['active', 'merged'], mergedInto: [null, survivor.customer_no] },
    });
    return toCustomer(ctx, (await repo.findCustomer(trx, ctx, survivor.id))!);
  });
}
