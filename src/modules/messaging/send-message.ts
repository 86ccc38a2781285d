import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTransaction, type Db } from '../../platform/db.ts';
import { enqueueJob } from '../../platform/jobs.ts';
import { messagingError } from './messaging.errors.ts';
import type { Message, SendInput } from './messaging.schema.ts';
import { findMessage } from './messages.repository.ts';
import { customerVariables, findTemplate, renderFor } from './templates.service.ts';

export const SEND_MESSAGE_JOB = 'messaging.send';

/**
 * One message to one customer: the address comes from the customer record (read within the caller's scope), so a
 * caller who sees numbers masked never handles the number; the message row, its send job and the audit row commit
 * together. The idempotency key makes a repeated request return the first message instead of sending again.
 */
export async function sendMessage(db: Db, ctx: RequestContext, input: SendInput): Promise<Message> {
  const { customer, vars } = await customerVariables(db, ctx, input.customerId);
  const key = input.idempotencyKey ? `${ctx.employeeId}:${input.idempotencyKey}` : randomUUID();
  const existing = await db.selectFrom('messages').select('id').where('idempotency_key', '=', key).executeTakeFirst();
  if (existing) return findMessage(db, existing.id);

  const address = input.channel === 'sms' ? customer.phone : customer.email;
  if (!address) throw messagingError('NO_ADDRESS');
  let purpose = input.purpose;
  let content: ReturnType<typeof renderFor>;
  if (input.templateId) {
    const template = await findTemplate(db, input.templateId);
    if (template.channel !== input.channel) throw messagingError('TEMPLATE_CHANNEL_MISMATCH');
    purpose = template.purpose;
    content = renderFor(template, vars);
  } else {
    content = renderFor({ channel: input.channel, subject: input.subject ?? null, body: input.text! }, vars);
  }

  const id = await withTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('messages')
      .values({
        customer_id: customer.id,
        channel: input.channel,
        purpose,
        template_id: input.templateId ?? null,
        to_address: address,
        subject: content.subject,
        body: content.body,
        segments: content.segments,
        status_reason: null,
        idempotency_key: key,
        sent_by: ctx.employeeId,
        sent_at: null,
        delivered_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await enqueueJob(
      trx,
      SEND_MESSAGE_JOB,
      { messageId: row.id },
      { singletonKey: `message:${row.id}`, maxAttempts: 5 },
    );
    await recordAudit(trx, ctx, {
      action: 'send_message',
      entity: 'customer',
      entityId: customer.id,
      changes: { message: [null, { id: row.id, channel: input.channel, purpose }] },
    });
    return row.id;
  });
  return findMessage(db, id);
}
