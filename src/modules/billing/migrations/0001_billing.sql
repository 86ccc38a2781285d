-- Usage records, payments, imports, bills and the monthly usage profile (the segmentation "wide table").

-- One call, data session or SMS from the billing system, partitioned by month of started_at (local time).
-- Partitions are created on demand by the import (usage-partitions.ts).
CREATE TABLE usage_records (
  customer_id  bigint NOT NULL,
  started_at   timestamp NOT NULL,
  -- The billing system's id of the record: with started_at it identifies the record, so re-imports do not double-count.
  source_id    text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('call', 'data', 'sms')),
  -- local | provincial_ld | domestic_ld | international | provincial_roaming | domestic_roaming | international_roaming
  area         text NOT NULL,
  direction    text NOT NULL DEFAULT 'out' CHECK (direction IN ('out', 'in')),
  busy         boolean NOT NULL,
  -- seconds for a call, KB for data, messages for SMS
  quantity     bigint NOT NULL CHECK (quantity >= 0),
  batch_id     bigint NOT NULL,
  PRIMARY KEY (source_id, started_at)
) PARTITION BY RANGE (started_at);
CREATE INDEX usage_records_customer_idx ON usage_records (customer_id, started_at);

CREATE TABLE import_batches (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind         text NOT NULL CHECK (kind IN ('usage', 'payments')),
  batch_key    text NOT NULL,
  file_name    text NOT NULL,
  encoding     text NOT NULL,
  mapping      jsonb NOT NULL,
  total_rows   int NOT NULL,
  accepted     int NOT NULL,
  rejected     int NOT NULL,
  months       date[] NOT NULL DEFAULT '{}',
  imported_by  bigint REFERENCES employees (id),
  imported_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX import_batches_key_idx ON import_batches (kind, batch_key);

CREATE TABLE import_errors (
  batch_id  bigint NOT NULL REFERENCES import_batches (id),
  row_no    int NOT NULL,
  message   text NOT NULL,
  PRIMARY KEY (batch_id, row_no)
);

-- A saved field mapping: our field -> the file's column header.
CREATE TABLE import_templates (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('usage', 'payments')),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  mapping     jsonb NOT NULL,
  encoding    text NOT NULL DEFAULT 'auto',
  created_by  bigint REFERENCES employees (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, name)
);

CREATE TABLE payments (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers (id),
  source_id   text NOT NULL UNIQUE,
  paid_at     timestamp NOT NULL,
  amount      numeric(14,2) NOT NULL CHECK (amount > 0),
  place       text NOT NULL DEFAULT '',
  method      text NOT NULL DEFAULT '',
  batch_id    bigint REFERENCES import_batches (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payments_customer_idx ON payments (customer_id, paid_at);

CREATE TABLE billing_runs (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  month        date NOT NULL CHECK (extract(day FROM month) = 1),
  -- 'run' for a month's run by staff, 'rerate' when late usage re-rated some customers
  reason       text NOT NULL CHECK (reason IN ('run', 'rerate')),
  customers    int NOT NULL,
  total        numeric(14,2) NOT NULL,
  unrated      int NOT NULL DEFAULT 0,
  started_by   bigint REFERENCES employees (id),
  started_at   timestamptz NOT NULL DEFAULT now()
);

-- One bill per customer and month; re-rating replaces its items and bumps its revision.
CREATE TABLE bills (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id  bigint NOT NULL REFERENCES customers (id),
  month        date NOT NULL CHECK (extract(day FROM month) = 1),
  total        numeric(14,2) NOT NULL,
  revision     int NOT NULL DEFAULT 1,
  run_id       bigint NOT NULL REFERENCES billing_runs (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (customer_id, month)
);
CREATE INDEX bills_month_idx ON bills (month, customer_id);

CREATE TABLE bill_items (
  bill_id      bigint NOT NULL REFERENCES bills (id) ON DELETE CASCADE,
  line_no      int NOT NULL,
  customer_id  bigint NOT NULL,
  -- base_fee | voice_domestic | voice_incoming | voice_international | voice_roaming | data_domestic | data_roaming | sms
  code         text NOT NULL,
  product_id   bigint NOT NULL REFERENCES products (id),
  -- how much was used, how much the package covered, and the unit (min, KB, msg, day)
  quantity     numeric(16,3) NOT NULL,
  included     numeric(16,3) NOT NULL DEFAULT 0,
  unit         text NOT NULL,
  rate         numeric(10,4) NOT NULL,
  amount       numeric(14,2) NOT NULL,
  PRIMARY KEY (bill_id, line_no)
);

-- The monthly usage profile: the 15 segmentation variables per customer and month (the "wide table").
-- Written by the rating engine in the same transaction as the bill; read by segmentation and churn
-- through loadUsageProfiles() in billing/index.ts. Spends are what the bill charged, minutes are whole
-- billed minutes of all calls, traffic is GB of all data sessions.
CREATE TABLE usage_profiles (
  customer_id                   bigint NOT NULL REFERENCES customers (id),
  month                         date NOT NULL CHECK (extract(day FROM month) = 1),
  base_fee                      numeric(14,2) NOT NULL DEFAULT 0,
  voice_spend                   numeric(14,2) NOT NULL DEFAULT 0,
  local_call_spend              numeric(14,2) NOT NULL DEFAULT 0,
  long_distance_spend           numeric(14,2) NOT NULL DEFAULT 0,
  roaming_spend                 numeric(14,2) NOT NULL DEFAULT 0,
  local_minutes                 integer NOT NULL DEFAULT 0,
  provincial_ld_minutes         integer NOT NULL DEFAULT 0,
  domestic_ld_minutes           integer NOT NULL DEFAULT 0,
  international_minutes         integer NOT NULL DEFAULT 0,
  provincial_roaming_minutes    integer NOT NULL DEFAULT 0,
  domestic_roaming_minutes      integer NOT NULL DEFAULT 0,
  international_roaming_minutes integer NOT NULL DEFAULT 0,
  internet_spend                numeric(14,2) NOT NULL DEFAULT 0,
  busy_data_gb                  numeric(12,3) NOT NULL DEFAULT 0,
  idle_data_gb                  numeric(12,3) NOT NULL DEFAULT 0,
  computed_at                   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (customer_id, month)
);
CREATE INDEX usage_profiles_month_idx ON usage_profiles (month, customer_id);

UPDATE roles SET permissions = permissions || ARRAY['billing:view'] WHERE code IN ('account_manager', 'after_sales', 'cc_supervisor');
UPDATE roles SET permissions = permissions || ARRAY['billing:view', 'billing:export'] WHERE code IN ('marketing_manager');
