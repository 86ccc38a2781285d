import type { RequestContext } from '../../platform/access/context.ts';
import type { Db } from '../../platform/db.ts';
import { getCustomer, updateCustomer, type UpdateCustomer } from '../customers/index.ts';
import { listSubscriptions } from '../products/index.ts';
import { allowanceUsage, currentBalance } from '../billing/index.ts';
import type { PortalIdentity } from './portal-auth.ts';

/** The portal's home page: who they are, their package and how much of it is used, balance and arrears. */
export async function portalHome(db: Db, ctx: RequestContext, me: PortalIdentity) {
  const customer = await getCustomer(db, ctx, me.customerId);
  const subscriptions = await listSubscriptions(db, ctx, me.customerId);
  const pkg = subscriptions.find((s) => s.kind === 'package' && s.current) ?? null;
  const next = subscriptions.find((s) => s.kind === 'package' && !s.current && !s.endsOn) ?? null;
  return {
    customer: {
      name: customer.name,
      customerNo: customer.customerNo,
      phone: customer.phone,
      email: customer.email,
      backupPhone: customer.backupPhone,
      address: customer.address,
      arrears: customer.arrears,
    },
    package: pkg && {
      name: pkg.productName,
      monthlyFee: pkg.monthlyFee,
      includedMinutes: pkg.includedMinutes,
      includedDataGb: pkg.includedDataGb,
      since: pkg.startsOn,
    },
    nextPackage: next && { name: next.productName, startsOn: next.startsOn },
    services: subscriptions.filter((s) => s.kind === 'service' && s.current).map((s) => s.productName),
    usage: await allowanceUsage(db, me.customerId),
    balance: await currentBalance(db, me.customerId),
    csrfToken: me.csrfToken,
  };
}

/**
 * A customer corrects their own contact details (address, e-mail, backup phone; never the phone they sign in with);
 * each change lands in the customer's history as a self-service change.
 */
export async function updateOwnDetails(
  db: Db,
  ctx: RequestContext,
  me: PortalIdentity,
  input: Pick<UpdateCustomer, 'address' | 'email' | 'backupPhone'>,
) {
  const updated = await updateCustomer(db, ctx, me.customerId, input);
  return { address: updated.address, email: updated.email, backupPhone: updated.backupPhone };
}
