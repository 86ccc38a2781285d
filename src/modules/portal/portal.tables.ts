import type { Generated } from 'kysely';

declare module '../../platform/db.ts' {
  interface Database {
    portal_accounts: {
      customer_id: string;
      login_phone: string;
      password_hash: string | null;
      reset_token_hash: string | null;
      reset_expires_at: Date | null;
      created_at: Generated<Date>;
      updated_at: Generated<Date>;
    };
    portal_sessions: {
      token_hash: string;
      customer_id: string;
      csrf_token: string;
      expires_at: Date;
      created_at: Generated<Date>;
    };
  }
}
