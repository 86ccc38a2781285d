import type { RequestContext } from '../../platform/access/context.ts';
import type { Trx } from '../../platform/db.ts';
import * as repo from './customers.repository.ts';
import { customerError } from './customers.errors.ts';
import { idCardBirthDate, idCardGender } from './customer-validators.ts';

/** Checks the org unit and account manager a customer is about to point to. */
export async function checkReferences(
  trx: Trx,
  v: { regionId?: string; accountManagerId?: string | null },
): Promise<void> {
  if (v.regionId && !(await repo.isRegion(trx, v.regionId)))
    throw customerError('NOT_A_REGION', undefined, { regionId: 'choose a province, city or county' });
  if (v.accountManagerId && !(await repo.isActiveEmployee(trx, v.accountManagerId))) {
    throw customerError('UNKNOWN_EMPLOYEE', undefined, { accountManagerId: 'no such active employee' });
  }
}

/** An ID card may open only one account, whoever's scope the existing one is in. */
export async function checkIdCardFree(trx: Trx, idCard: string, exceptId?: string): Promise<void> {
  const existing = await repo.findByIdCard(trx, idCard);
  if (existing && existing.id !== exceptId) {
    throw customerError(
      'DUPLICATE_ID_CARD',
      { customerId: existing.id, customerNo: existing.customer_no },
      { idCard: `already used by customer ${existing.customer_no}` },
    );
  }
}

/** Gender and birth date follow from the ID card. */
export function derivedFromIdCard(idCard: string) {
  return { gender: idCardGender(idCard), birth_date: idCardBirthDate(idCard) };
}

/** After a write, the record must still be inside the writer's scope: nobody hands a customer to a region they cannot see. */
export async function requireVisibleAfterWrite(trx: Trx, ctx: RequestContext, id: string) {
  const row = await repo.findCustomer(trx, ctx, id);
  if (!row) throw customerError('OUT_OF_SCOPE', undefined, { regionId: 'outside your data scope' });
  return row;
}
