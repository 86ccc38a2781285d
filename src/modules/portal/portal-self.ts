import type { RequestContext } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTransaction, type Db, type Trx } from '../../platform/db.ts';
import { getCustomer, updateCustomer, visibleCustomerIds } from '../customers/index.ts';
import { listSubscriptions } from '../products/index.ts';
import { allowanceUsage, currentBalance } from '../billing/index.ts';
import { portalError } from './portal.errors.ts';
import type { PortalIdentity } from './portal-auth.ts';

/** The portal's home page: who they are, their package and how much of it is used, balance and arrears. */
export async function portalHome(db: Db, ctx: RequestContext, me: PortalIdentity) {
  const customer = await getCustomer(db, ctx, me.customerId);
  const subscriptions = await listSubscriptions(db, ctx, me.customerId);
  const pkg = subscriptions.find((s) => s.kind === 'package' && s.current) ?? null;
  const next = subscriptions.find((s) => s.kind === 'package' && !s.current && !s.endsOn) ?? null;
  return {
    customer: { name: customer.name, customerNo: customer.customerNo, phone: customer.phone, address: customer.address, arrears: customer.arrears },
    package: pkg && { name: pkg.productName, monthlyFee: pkg.monthlyFee, includedMinutes: pkg.includedMinutes, includedDataGb: pkg.includedDataGb, since: pkg.startsOn },
    nextPackage: next && { name: next.productName, startsOn: next.startsOn },
    services: subscriptions.filter((s) => s.kind === 'service' && s.current).map((s) => s.productName),
    usage: await allowanceUsage(db, me.customerId),
    balance: await currentBalance(db, me.customerId),
    csrfToken: me.csrfToken,
  };
}

/** A customer corrects their own address; it lands in the customer's history as a self-service change. */
export async function updateOwnAddress(db: Db, ctx: RequestContext, me: PortalIdentity, address: string) {
  const updated = await updateCustomer(db, ctx, me.customerId, { address });
  return { address: updated.address };
}

export async function fileRequest(db: Db, ctx: RequestContext, me: PortalIdentity, input: { kind: 'fault' | 'complaint'; subject: string; description: string }) {
  return withTransaction(db, async (trx) => {
    const row = await trx.insertInto('portal_requests').values({ customer_id: me.customerId, ...input }).returning(['id']).executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: `portal_${input.kind}`, entity: 'customer', entityId: me.customerId, changes: { requestId: [null, row.id], subject: [null, input.subject] } });
    return (await listRequests(trx, { customerId: me.customerId, id: row.id }))[0];
  });
}

export async function listRequests(db: Db | Trx, f: { customerId?: string; id?: string; status?: string; scope?: RequestContext }) {
  let q = db.selectFrom('portal_requests as r').innerJoin('customers as c', 'c.id', 'r.customer_id').leftJoin('employees as e', 'e.id', 'r.handled_by')
    .select(['r.id', 'r.customer_id', 'r.kind', 'r.subject', 'r.description', 'r.status', 'r.reply', 'r.created_at', 'r.updated_at', 'c.name as customer_name', 'c.customer_no', 'e.name as handled_by'])
    .orderBy('r.id', 'desc').limit(200);
  if (f.customerId) q = q.where('r.customer_id', '=', f.customerId);
  if (f.id) q = q.where('r.id', '=', f.id);
  if (f.status) q = q.where('r.status', '=', f.status as 'open');
  if (f.scope) q = q.where('r.customer_id', 'in', visibleCustomerIds(db, f.scope));
  return (await q.execute()).map((r) => ({
    id: r.id, customerId: r.customer_id, customerName: r.customer_name, customerNo: r.customer_no, kind: r.kind, subject: r.subject, description: r.description,
    status: r.status, reply: r.reply, handledBy: r.handled_by, createdAt: new Date(r.created_at).toISOString(), updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

/** Staff answer a request and move its status; the customer follows it in the portal. */
export function answerRequest(db: Db, ctx: RequestContext, id: string, input: { status: 'open' | 'in_progress' | 'resolved' | 'closed'; reply?: string }, visible: (trx: Trx, customerId: string) => Promise<boolean>) {
  return withTransaction(db, async (trx) => {
    const before = await trx.selectFrom('portal_requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before || !(await visible(trx, before.customer_id))) throw portalError('REQUEST_NOT_FOUND');
    await trx.updateTable('portal_requests').set({ status: input.status, reply: input.reply ?? before.reply, handled_by: ctx.employeeId, updated_at: new Date() }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'answer_portal_request', entity: 'customer', entityId: before.customer_id, changes: { status: [before.status, input.status], reply: [before.reply, input.reply ?? before.reply] } });
    return (await listRequests(trx, { id }))[0];
  });
}
