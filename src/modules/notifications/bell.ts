import { z } from 'zod';
import type { RequestContext } from '../../platform/access/context.ts';
import type { Db } from '../../platform/db.ts';
import { listNotifications, markNotificationsRead } from '../work-orders/index.ts';
import './notifications.tables.ts';

export const BellItem = z.object({
  /** Unique across sources: `wo-12`, `n-7`. */
  key: z.string(),
  kind: z.string(),
  message: z.string(),
  link: z.string(),
  read: z.boolean(),
  createdAt: z.string(),
});
export const Bell = z.object({ items: z.array(BellItem), unread: z.number() });
export type Bell = z.infer<typeof Bell>;

const SHOWN = 50;

function retentionMessage(locale: RequestContext['locale'], subject: string, count: number): string {
  if (locale === 'en')
    return count > 1 ? `Retention plan "${subject}": ${count} tasks for you` : `New retention task: ${subject}`;
  return count > 1 ? `挽留计划「${subject}」给您分派了 ${count} 个任务` : `新的挽留任务：${subject}`;
}

/**
 * Everything addressed to the caller, newest first: the service desk's notifications (orders sent to me or my
 * department, SLA breaches, escalations, return visits) and the bell's own (retention tasks).
 */
export async function myBell(db: Db, ctx: RequestContext): Promise<Bell> {
  const [orders, own, ownUnread] = await Promise.all([
    listNotifications(db, ctx),
    db
      .selectFrom('notifications')
      .select(['id', 'kind', 'subject', 'count', 'link', 'read_at', 'created_at'])
      .where('employee_id', '=', ctx.employeeId)
      .orderBy('id', 'desc')
      .limit(SHOWN)
      .execute(),
    db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('employee_id', '=', ctx.employeeId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  const items = [
    ...orders.items.map((n) => ({
      key: `wo-${n.id}`,
      kind: n.kind,
      message: n.message,
      link: `/work-orders/${n.workOrderId}`,
      read: n.read,
      createdAt: n.createdAt,
    })),
    ...own.map((n) => ({
      key: `n-${n.id}`,
      kind: n.kind,
      message: retentionMessage(ctx.locale, n.subject, n.count),
      link: n.link,
      read: n.read_at !== null,
      createdAt: n.created_at.toISOString(),
    })),
  ]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, SHOWN);
  return { items, unread: orders.unread + Number(ownUnread.n) };
}

/** Marks everything in the caller's bell read. */
export async function markBellRead(db: Db, ctx: RequestContext): Promise<{ ok: true }> {
  await markNotificationsRead(db, ctx);
  await db
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('employee_id', '=', ctx.employeeId)
    .where('read_at', 'is', null)
    .execute();
  return { ok: true };
}
