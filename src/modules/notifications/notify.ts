import { afterCommit, type Db, type Trx } from '../../platform/db.ts';
import { publishTo } from '../../platform/live-events.ts';
import type { NotificationKind } from './notifications.tables.ts';
import './notifications.tables.ts';

export interface NewNotification {
  employeeId: string;
  kind: NotificationKind;
  /** What it is about (a customer's or a plan's name), shown in the reader's language's sentence. */
  subject: string;
  count?: number;
  /** The web app's page that opens it. */
  link: string;
}

/** Puts notifications in their recipients' bells, in the caller's transaction; their bells refresh on commit. */
export async function notify(trx: Db | Trx, rows: NewNotification[]): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('notifications')
    .values(
      rows.map((r) => ({
        employee_id: r.employeeId,
        kind: r.kind,
        subject: r.subject.slice(0, 200),
        count: r.count ?? 1,
        link: r.link,
      })),
    )
    .execute();
  afterCommit(trx, () =>
    publishTo(
      rows.map((r) => r.employeeId),
      'notifications',
    ),
  );
}
