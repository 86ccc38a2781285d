import type { Db, Trx } from '../../platform/db.ts';
import type { Channel } from './messaging.schema.ts';

type Conn = Db | Trx;

export async function isOptedOut(db: Conn, channel: Channel, address: string): Promise<boolean> {
  const row = await db
    .selectFrom('opt_outs')
    .select('id')
    .where('channel', '=', channel)
    .where('address', '=', address)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertOptOut(
  db: Conn,
  v: { channel: Channel; address: string; source: 'staff' | 'reply' | 'link'; createdBy: string | null },
) {
  return db
    .insertInto('opt_outs')
    .values({ channel: v.channel, address: v.address, source: v.source, created_by: v.createdBy })
    .onConflict((oc) => oc.columns(['channel', 'address']).doUpdateSet({ source: v.source }))
    .returningAll()
    .executeTakeFirstOrThrow();
}
