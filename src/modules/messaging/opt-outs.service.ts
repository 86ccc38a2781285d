import type { RequestContext } from '../../platform/access/context.ts';
import { phoneFor } from '../../platform/access/masking.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTransaction, type Db } from '../../platform/db.ts';
import { messagingError } from './messaging.errors.ts';
import type { Channel } from './messaging.schema.ts';
import { insertOptOut } from './opt-outs.repository.ts';
import { customerVariables } from './templates.service.ts';

type OptOutRow = {
  id: string;
  channel: Channel;
  address: string;
  source: 'staff' | 'reply' | 'link';
  created_at: Date;
};

/** Addresses are shown as the caller may see them: a phone is masked without sensitive:view. */
const toOptOut = (ctx: RequestContext, r: OptOutRow) => ({
  id: r.id,
  channel: r.channel,
  address: r.channel === 'sms' ? (phoneFor(ctx, r.address) ?? '') : r.address,
  source: r.source,
  createdAt: r.created_at.toISOString(),
});

export async function listOptOuts(db: Db, ctx: RequestContext) {
  const rows = await db.selectFrom('opt_outs').selectAll().orderBy('id', 'desc').limit(200).execute();
  return rows.map((r) => toOptOut(ctx, r));
}

/** Opts a customer's address out of marketing on one channel; the address comes from the customer record. */
export async function optOutCustomer(db: Db, ctx: RequestContext, channel: Channel, customerId: string) {
  const { customer } = await customerVariables(db, ctx, customerId);
  const address = channel === 'sms' ? customer.phone : customer.email;
  if (!address) throw messagingError('NO_ADDRESS');
  return withTransaction(db, async (trx) => {
    const row = await insertOptOut(trx, { channel, address, source: 'staff', createdBy: ctx.employeeId });
    await recordAudit(trx, ctx, {
      action: 'opt_out',
      entity: 'customer',
      entityId: customerId,
      changes: { channel: [null, channel] },
    });
    return toOptOut(ctx, row);
  });
}

export async function removeOptOut(db: Db, ctx: RequestContext, id: string): Promise<void> {
  await withTransaction(db, async (trx) => {
    const row = await trx.deleteFrom('opt_outs').where('id', '=', id).returningAll().executeTakeFirst();
    if (!row) throw messagingError('OPT_OUT_NOT_FOUND');
    await recordAudit(trx, ctx, {
      action: 'delete',
      entity: 'opt_out',
      entityId: id,
      changes: { channel: [row.channel, null] },
    });
  });
}
