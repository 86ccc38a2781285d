-- Message templates, the messages sent to customers (one row each, with their delivery status), opt-outs per channel,
-- and the local test gateways' outbox.
CREATE TABLE message_templates (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  channel text NOT NULL CHECK (channel IN ('sms', 'email')),
  purpose text NOT NULL CHECK (purpose IN ('marketing', 'service')),
  locale text NOT NULL CHECK (locale IN ('zh', 'en')),
  subject text,
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  created_by bigint REFERENCES employees(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE messages (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers(id),
  channel text NOT NULL CHECK (channel IN ('sms', 'email')),
  purpose text NOT NULL CHECK (purpose IN ('marketing', 'service')),
  template_id bigint REFERENCES message_templates(id),
  to_address text NOT NULL,
  subject text,
  body text NOT NULL,
  segments int NOT NULL DEFAULT 1,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'delivered', 'failed', 'skipped')),
  status_reason text,
  -- One per intended message: the send job claims the row by it, so a retried or restarted job never submits twice.
  idempotency_key text NOT NULL UNIQUE,
  gateway_ids text[] NOT NULL DEFAULT '{}',
  sent_by bigint REFERENCES employees(id),
  sent_at timestamptz,
  delivered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX messages_customer_idx ON messages (customer_id, id DESC);
CREATE INDEX messages_gateway_ids_idx ON messages USING gin (gateway_ids);

CREATE TABLE opt_outs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('sms', 'email')),
  address text NOT NULL,
  source text NOT NULL CHECK (source IN ('staff', 'reply', 'link')),
  created_by bigint REFERENCES employees(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (channel, address)
);

CREATE TABLE messaging_test_outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('sms', 'email')),
  sender text,
  recipient text NOT NULL,
  subject text,
  body text NOT NULL,
  parts int NOT NULL DEFAULT 1,
  received_at timestamptz NOT NULL DEFAULT now()
);

UPDATE roles SET permissions = permissions || ARRAY['messaging:*'] WHERE code = 'marketing_manager';
UPDATE roles SET permissions = permissions || ARRAY['messaging:view', 'messaging:create']
  WHERE code IN ('account_manager', 'after_sales', 'telemarketer', 'cc_supervisor');
