import type { Generated } from 'kysely';

export type ContactRole = 'legal_representative' | 'finance' | 'technical' | 'purchasing' | 'family' | 'other';

declare module '../../platform/db.ts' {
  interface Database {
    contacts: {
      id: Generated<string>;
      name: string;
      phone: string | null;
      email: string | null;
      title: string | null;
      notes: string | null;
      created_by: string | null;
      created_at: Generated<Date>;
      updated_at: Generated<Date>;
    };
    customer_contacts: {
      customer_id: string;
      contact_id: string;
      role: ContactRole;
      created_at: Generated<Date>;
    };
  }
}
