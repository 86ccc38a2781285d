import type { RequestContext } from '../../platform/access/context.ts';
import { phoneFor } from '../../platform/access/masking.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTransaction, type Db, type Trx } from '../../platform/db.ts';
import { messagingError } from './messaging.errors.ts';
import type { BlacklistInput } from './messaging.schema.ts';
import { customerVariables } from './templates.service.ts';

type Row = { id: string; address: string; reason: string | null; created_at: Date };

const isEmail = (address: string) => address.includes('@');
/** Emails compare case-insensitively; numbers as written on the customer record. */
const normalise = (address: string) => (isEmail(address) ? address.toLowerCase() : address);

/** A phone number is masked for a caller without sensitive:view. */
const toEntry = (ctx: RequestContext, r: Row) => ({
  id: r.id,
  address: isEmail(r.address) ? r.address : (phoneFor(ctx, r.address) ?? ''),
  reason: r.reason,
  createdAt: r.created_at.toISOString(),
});

export async function isBlacklisted(db: Db | Trx, address: string): Promise<boolean> {
  const row = await db
    .selectFrom('messaging_blacklist')
    .select('id')
    .where('address', '=', normalise(address))
    .executeTakeFirst();
  return row !== undefined;
}

export async function listBlacklist(db: Db, ctx: RequestContext) {
  const rows = await db.selectFrom('messaging_blacklist').selectAll().orderBy('id', 'desc').limit(500).execute();
  return rows.map((r) => toEntry(ctx, r));
}

/** Adds an address (given, or a customer's on a channel, read within the caller's scope); adding it twice keeps one. */
export async function addToBlacklist(db: Db, ctx: RequestContext, input: BlacklistInput) {
  let address = input.address;
  let customerId: string | undefined;
  if (!address && input.customerId && input.channel) {
    const { customer } = await customerVariables(db, ctx, input.customerId);
    address = (input.channel === 'sms' ? customer.phone : customer.email) ?? undefined;
    if (!address) throw messagingError('NO_ADDRESS');
    customerId = customer.id;
  }
  if (!address) throw messagingError('BLACKLIST_ADDRESS_REQUIRED');
  const value = normalise(address);
  return withTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('messaging_blacklist')
      .values({ address: value, reason: input.reason || null, created_by: ctx.employeeId })
      .onConflict((oc) => oc.column('address').doUpdateSet({ reason: input.reason || null }))
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'create',
      entity: 'messaging_blacklist',
      entityId: row.id,
      // The address itself stays out of the audit trail, which readers without sensitive:view may see.
      changes: { kind: [null, isEmail(value) ? 'email' : 'phone'], customerId: [null, customerId ?? null] },
    });
    return toEntry(ctx, row);
  });
}

export async function removeFromBlacklist(db: Db, ctx: RequestContext, id: string): Promise<void> {
  await withTransaction(db, async (trx) => {
    const row = await trx.deleteFrom('messaging_blacklist').where('id', '=', id).returningAll().executeTakeFirst();
    if (!row) throw messagingError('BLACKLIST_ENTRY_NOT_FOUND');
    await recordAudit(trx, ctx, {
      action: 'delete',
      entity: 'messaging_blacklist',
      entityId: id,
      changes: { kind: [isEmail(row.address) ? 'email' : 'phone', null] },
    });
  });
}
