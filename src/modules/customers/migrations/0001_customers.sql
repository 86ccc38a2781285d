-- One customer, one record.
CREATE SEQUENCE customer_no_seq;

CREATE TABLE customers (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_no        text NOT NULL UNIQUE DEFAULT ('C' || lpad(nextval('customer_no_seq')::text, 9, '0')),
  name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  gender             text CHECK (gender IN ('male', 'female')),
  birth_date         date,
  id_card            text UNIQUE CHECK (id_card ~ '^[0-9]{17}[0-9X]$'),
  phone              text NOT NULL CHECK (phone ~ '^[0-9-]{7,16}$'),
  -- The phone reversed: "last 4+ digits" becomes an indexable prefix match.
  phone_rev          text GENERATED ALWAYS AS (reverse(phone)) STORED,
  address            text,
  education          text,
  job                text,
  income             numeric(14,2) CHECK (income >= 0),
  category           text NOT NULL CHECK (category IN ('individual', 'enterprise', 'key_account')),
  level              text NOT NULL DEFAULT 'ordinary' CHECK (level IN ('ordinary', 'silver', 'gold', 'vip')),
  lifecycle          text NOT NULL DEFAULT 'potential' CHECK (lifecycle IN ('potential', 'formal', 'declining', 'churned')),
  region_id          bigint NOT NULL REFERENCES org_units (id),
  account_manager_id bigint REFERENCES employees (id),
  arrears            numeric(14,2) NOT NULL DEFAULT 0,
  status             text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled', 'merged')),
  cancel_reason      text,
  cancelled_at       timestamptz,
  merged_into_id     bigint REFERENCES customers (id),
  version            int NOT NULL DEFAULT 1,
  created_by         bigint REFERENCES employees (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'merged') = (merged_into_id IS NOT NULL))
);
CREATE INDEX customers_phone_rev_idx ON customers (phone_rev text_pattern_ops);
CREATE INDEX customers_name_prefix_idx ON customers (name text_pattern_ops);
CREATE INDEX customers_name_sort_idx ON customers (name, id);
CREATE INDEX customers_name_trgm_idx ON customers USING gin (name gin_trgm_ops);
CREATE INDEX customers_region_idx ON customers (region_id, id);
CREATE INDEX customers_manager_idx ON customers (account_manager_id, id);
CREATE INDEX customers_merged_into_idx ON customers (merged_into_id) WHERE merged_into_id IS NOT NULL;
