import type { Generated } from 'kysely';

declare module '../../platform/db.ts' {
  interface Database {
    sessions: {
      id: Generated<string>;
      token_hash: string;
      csrf_token: string;
      employee_id: string;
      ip: string | null;
      user_agent: string | null;
      created_at: Generated<Date>;
      last_seen_at: Generated<Date>;
      expires_at: Date;
    };
    login_attempts: {
      id: Generated<string>;
      account_kind: 'staff' | 'portal';
      /** The username (staff, lower-cased) or phone (portal) as typed at sign-in. */
      login: string;
      ip: string | null;
      ok: boolean;
      at: Generated<Date>;
    };
  }
}
