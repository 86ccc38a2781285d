import type { Generated } from 'kysely';
import type { Channel, MessageStatus, Purpose } from './messaging.schema.ts';

declare module '../../platform/db.ts' {
  interface Database {
    message_templates: {
      id: Generated<string>;
      name: string;
      channel: Channel;
      purpose: Purpose;
      locale: 'zh' | 'en';
      subject: string | null;
      body: string;
      created_by: string | null;
      created_at: Generated<Date>;
      updated_at: Generated<Date>;
    };
    messages: {
      id: Generated<string>;
      customer_id: string;
      channel: Channel;
      purpose: Purpose;
      template_id: string | null;
      to_address: string;
      subject: string | null;
      body: string;
      segments: number;
      status: Generated<MessageStatus>;
      status_reason: string | null;
      idempotency_key: string;
      gateway_ids: Generated<string[]>;
      sent_by: string | null;
      sent_at: Date | null;
      delivered_at: Date | null;
      created_at: Generated<Date>;
      updated_at: Generated<Date>;
    };
    opt_outs: {
      id: Generated<string>;
      channel: Channel;
      address: string;
      source: 'staff' | 'reply' | 'link';
      created_by: string | null;
      created_at: Generated<Date>;
    };
    messaging_blacklist: {
      id: Generated<string>;
      address: string;
      reason: string | null;
      created_by: string | null;
      created_at: Generated<Date>;
    };
    messaging_test_outbox: {
      id: Generated<string>;
      channel: Channel;
      sender: string | null;
      recipient: string;
      subject: string | null;
      body: string;
      parts: Generated<number>;
      received_at: Generated<Date>;
    };
  }
}
