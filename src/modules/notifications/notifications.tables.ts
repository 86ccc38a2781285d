import type { Generated } from 'kysely';

export type NotificationKind = 'retention_task';

declare module '../../platform/db.ts' {
  interface Database {
    notifications: {
      id: Generated<string>;
      employee_id: string;
      kind: NotificationKind;
      subject: string;
      count: Generated<number>;
      link: string;
      read_at: Date | null;
      created_at: Generated<Date>;
    };
  }
}
