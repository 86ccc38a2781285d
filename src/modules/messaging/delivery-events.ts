import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit.ts';
import { now } from '../../platform/clock.ts';
import { withTransaction, type Db } from '../../platform/db.ts';
import { normalisePhone } from '../customers/index.ts';
import { insertOptOut } from './opt-outs.repository.ts';
import type { DeliverHandler } from './sms-adapter.ts';

/** Replies that mean "stop sending me marketing": 退订 and the operators' TD (case-insensitive). */
export function isUnsubscribeReply(text: string): boolean {
  const t = text.trim().toUpperCase();
  return t === 'TD' || t === 'T' || t === '退订' || t === 'TD退订';
}

/** What arrives over SMPP as deliver_sm: a delivery receipt updates its message; a TD/退订 reply opts the number out. */
export function deliveryEventsHandler(db: Db): DeliverHandler {
  return async (event) => {
    if (event.kind === 'reply') {
      if (!isUnsubscribeReply(event.text)) return;
      const address = normalisePhone(event.from);
      await withTransaction(db, async (trx) => {
        const row = await insertOptOut(trx, { channel: 'sms', address, source: 'reply', createdBy: null });
        await recordAudit(trx, null, {
          action: 'opt_out',
          entity: 'opt_out',
          entityId: row.id,
          changes: { source: [null, 'reply'] },
        });
      });
      return;
    }
    // A receipt can overtake the bookkeeping of its own submit_sm response: look again briefly before giving up.
    for (let attempt = 0; attempt < 20; attempt++) {
      const updated = await applyReceipt(db, event.gatewayId, event.stat);
      if (updated) return;
      await sleep(100);
    }
  };
}

async function applyReceipt(db: Db, gatewayId: string, stat: string): Promise<boolean> {
  const found = await db
    .selectFrom('messages')
    .select(['id', 'status'])
    .where(sql<boolean>`gateway_ids @> ARRAY[${gatewayId}]::text[]`)
    .executeTakeFirst();
  if (!found) return false;
  const delivered = stat === 'DELIVRD';
  await db
    .updateTable('messages')
    .set(
      delivered
        ? { status: 'delivered', delivered_at: now(), updated_at: now() }
        : { status: 'failed', status_reason: `receipt: ${stat}`, updated_at: now() },
    )
    .where('id', '=', found.id)
    // A failed part fails the whole message; a later "delivered" part does not undo that.
    .where('status', 'in', delivered ? ['sending', 'sent'] : ['sending', 'sent', 'delivered'])
    .execute();
  return true;
}
