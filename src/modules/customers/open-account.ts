import type { RequestContext } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTransaction, type Db } from '../../platform/db.ts';
import * as repo from './customers.repository.ts';
import type { Customer, OpenAccount } from './customers.schema.ts';
import { auditValue, toCustomer } from './customer-dto.ts';
import { checkIdCardFree, checkReferences, derivedFromIdCard, requireVisibleAfterWrite } from './customer-rules.ts';

/** Opens an account: one transaction for the customer row and its audit record. */
export function openAccount(db: Db, ctx: RequestContext, input: OpenAccount): Promise<Customer> {
  return withTransaction(db, async (trx) => {
    const accountManagerId = input.accountManagerId === undefined ? ctx.employeeId : input.accountManagerId;
    await checkReferences(trx, { regionId: input.regionId, accountManagerId });
    if (input.idCard) await checkIdCardFree(trx, input.idCard);
    const id = await repo.insertCustomer(trx, {
      name: input.name,
      phone: input.phone,
      email: input.email ?? null,
      backup_phone: input.backupPhone ?? null,
      id_card: input.idCard ?? null,
      address: input.address ?? null,
      education: input.education ?? null,
      job: input.job ?? null,
      income: input.income ?? null,
      category: input.category,
      level: input.level,
      lifecycle: input.lifecycle,
      region_id: input.regionId,
      account_manager_id: accountManagerId,
      created_by: ctx.employeeId,
      ...(input.idCard ? derivedFromIdCard(input.idCard) : {}),
    });
    const row = await requireVisibleAfterWrite(trx, ctx, id);
    const changes: Record<string, [unknown, unknown]> = {};
    for (const [field, value] of Object.entries({ ...input, accountManagerId }))
      if (value !== undefined && value !== null) changes[field] = [null, auditValue(field, value)];
    await recordAudit(trx, ctx, { action: 'create', entity: 'customer', entityId: id, changes });
    return toCustomer(ctx, row);
  });
}
