import type { Db } from '../../platform/db.ts';
import { messagingError } from './messaging.errors.ts';
import type { Message } from './messaging.schema.ts';

function messageSelect(db: Db) {
  return db
    .selectFrom('messages as m')
    .leftJoin('employees as e', 'e.id', 'm.sent_by')
    .select([
      'm.id',
      'm.customer_id',
      'm.channel',
      'm.purpose',
      'm.template_id',
      'm.subject',
      'm.body',
      'm.segments',
      'm.status',
      'm.status_reason',
      'm.created_at',
      'm.sent_at',
      'm.delivered_at',
      'e.name as sent_by_name',
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof messageSelect>['executeTakeFirstOrThrow']>>;

const toMessage = (r: Row): Message => ({
  id: r.id,
  customerId: r.customer_id,
  channel: r.channel,
  purpose: r.purpose,
  templateId: r.template_id,
  subject: r.subject,
  body: r.body,
  segments: r.segments,
  status: r.status,
  statusReason: r.status_reason,
  sentByName: r.sent_by_name,
  createdAt: r.created_at.toISOString(),
  sentAt: r.sent_at?.toISOString() ?? null,
  deliveredAt: r.delivered_at?.toISOString() ?? null,
});

export async function findMessage(db: Db, id: string): Promise<Message> {
  const row = await messageSelect(db).where('m.id', '=', id).executeTakeFirst();
  if (!row) throw messagingError('CUSTOMER_NOT_FOUND');
  return toMessage(row);
}

/** The customer's messages, newest first; the caller has checked the customer is in scope. */
export async function customerMessages(db: Db, customerId: string, limit: number): Promise<Message[]> {
  const rows = await messageSelect(db)
    .where('m.customer_id', '=', customerId)
    .orderBy('m.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toMessage);
}
