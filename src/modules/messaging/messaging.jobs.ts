import type { JobHandler } from '../../platform/jobs.ts';
import { now } from '../../platform/clock.ts';
import { gatewaysFor } from './gateways.ts';
import { isOptedOut } from './opt-outs.repository.ts';
import { PermanentSendError } from './sms-adapter.ts';
import { withTransaction } from '../../platform/db.ts';
import { enqueueJob } from '../../platform/jobs.ts';
import { isBlacklisted } from './blacklist.service.ts';
import { quietUntil } from './quiet-hours.ts';
import { SEND_MESSAGE_JOB } from './send-message.ts';

/**
 * Sends one message. The row is claimed queued → sending before anything goes out, so a job that is retried or
 * re-claimed after a crash finds it claimed and never submits it a second time (at most once; an interrupted send is
 * marked failed for a person to look at rather than risk a duplicate). The blacklist (everything), opt-outs and quiet
 * hours (marketing only) are checked here, at send time.
 */
export const sendMessageJob: JobHandler = async ({ messageId }: { messageId: string }, { db }) => {
  const gateways = gatewaysFor(db);
  if (!gateways) throw new Error('messaging gateways are not running');
  const message = await db
    .updateTable('messages')
    .set({ status: 'sending', updated_at: now() })
    .where('id', '=', messageId)
    .where('status', '=', 'queued')
    .returningAll()
    .executeTakeFirst();
  if (!message) {
    await db
      .updateTable('messages')
      .set({ status: 'failed', status_reason: 'interrupted: not resent to avoid a duplicate', updated_at: now() })
      .where('id', '=', messageId)
      .where('status', '=', 'sending')
      .execute();
    return { sent: false };
  }
  const finish = (set: {
    status: 'sent' | 'failed' | 'skipped' | 'queued';
    status_reason?: string | null;
    gateway_ids?: string[];
  }) =>
    db
      .updateTable('messages')
      .set({ ...set, sent_at: set.status === 'sent' ? now() : null, updated_at: now() })
      .where('id', '=', messageId)
      .execute();

  if (await isBlacklisted(db, message.to_address)) {
    await finish({ status: 'skipped', status_reason: 'blacklisted' });
    return { sent: false, skipped: 'blacklisted' };
  }
  if (message.purpose === 'marketing' && (await isOptedOut(db, message.channel, message.to_address))) {
    await finish({ status: 'skipped', status_reason: 'opted_out' });
    return { sent: false, skipped: 'opted_out' };
  }
  const waitUntil = message.purpose === 'marketing' ? quietUntil() : undefined;
  if (waitUntil) {
    // Quiet hours: back to queued, and a new job for the end of them (this one is still running under its key).
    await withTransaction(db, async (trx) => {
      await trx
        .updateTable('messages')
        .set({ status: 'queued', status_reason: 'quiet_hours', updated_at: now() })
        .where('id', '=', messageId)
        .execute();
      await enqueueJob(
        trx,
        SEND_MESSAGE_JOB,
        { messageId },
        { singletonKey: `message:${messageId}:${waitUntil.toISOString()}`, runAt: waitUntil, maxAttempts: 5 },
      );
    });
    return { sent: false, deferredUntil: waitUntil.toISOString() };
  }
  try {
    if (message.channel === 'sms') {
      const ids = await gateways.sms.send(message.to_address, message.body);
      await finish({ status: 'sent', gateway_ids: ids });
    } else {
      const outcome = await gateways.email.send(
        message.to_address,
        message.subject ?? '',
        message.body,
        message.idempotency_key,
      );
      await finish(
        outcome.ok
          ? { status: 'sent', gateway_ids: outcome.gatewayId ? [outcome.gatewayId] : [] }
          : { status: 'failed', status_reason: outcome.reason },
      );
    }
    return { sent: true };
  } catch (err) {
    if (err instanceof PermanentSendError) {
      await finish({ status: 'failed', status_reason: err.message });
      return { sent: false };
    }
    // Nothing went out (the gateway could not be reached): queue it again and let the job retry with backoff.
    await finish({ status: 'queued', status_reason: (err as Error).message });
    throw err;
  }
};
