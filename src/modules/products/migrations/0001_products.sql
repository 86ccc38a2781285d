-- Tariff packages and single services, their dependencies and bundles, their lifecycle, and subscriptions.
CREATE TABLE products (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code                text NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9_-]{2,40}$'),
  -- 'package': a tariff plan, one per customer at a time; 'service': an add-on such as caller ID.
  kind                text NOT NULL CHECK (kind IN ('package', 'service')),
  name                text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  monthly_fee         numeric(14,2) NOT NULL DEFAULT 0 CHECK (monthly_fee >= 0),
  call_out_rate       numeric(10,4) NOT NULL DEFAULT 0 CHECK (call_out_rate >= 0),
  call_in_rate        numeric(10,4) NOT NULL DEFAULT 0 CHECK (call_in_rate >= 0),
  data_rate           numeric(10,4) NOT NULL DEFAULT 0 CHECK (data_rate >= 0),
  included_data_gb    numeric(10,3) NOT NULL DEFAULT 0 CHECK (included_data_gb >= 0),
  included_minutes    integer NOT NULL DEFAULT 0 CHECK (included_minutes >= 0),
  special_call_rate   numeric(10,4) NOT NULL DEFAULT 0 CHECK (special_call_rate >= 0),
  special_data_rate   numeric(10,4) NOT NULL DEFAULT 0 CHECK (special_data_rate >= 0),
  roaming_call_rate   numeric(10,4) NOT NULL DEFAULT 0 CHECK (roaming_call_rate >= 0),
  roaming_data_rate   numeric(10,4) NOT NULL DEFAULT 0 CHECK (roaming_data_rate >= 0),
  sms_rate            numeric(10,4) NOT NULL DEFAULT 0 CHECK (sms_rate >= 0),
  -- Org units (regions) where it may be sold; empty means everywhere.
  region_ids          bigint[] NOT NULL DEFAULT '{}',
  target_category     text CHECK (target_category IN ('individual', 'enterprise', 'key_account')),
  target_segment      text,
  description         text NOT NULL DEFAULT '',
  responsibility      text NOT NULL DEFAULT '',
  status              text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'testing', 'released', 'retired')),
  status_changed_by   bigint REFERENCES employees (id),
  status_changed_at   timestamptz NOT NULL DEFAULT now(),
  version             int NOT NULL DEFAULT 1,
  created_by          bigint REFERENCES employees (id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX products_status_idx ON products (status, kind, id);

-- Who moved a product through its lifecycle, and when.
CREATE TABLE product_status_changes (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  product_id  bigint NOT NULL REFERENCES products (id),
  from_status text NOT NULL,
  to_status   text NOT NULL,
  changed_by  bigint REFERENCES employees (id),
  changed_at  timestamptz NOT NULL DEFAULT now(),
  note        text
);
CREATE INDEX product_status_changes_product_idx ON product_status_changes (product_id, id);

-- A service that needs a base service (caller ID needs voice).
CREATE TABLE product_requirements (
  product_id  bigint NOT NULL REFERENCES products (id),
  requires_id bigint NOT NULL REFERENCES products (id),
  PRIMARY KEY (product_id, requires_id),
  CHECK (product_id <> requires_id)
);

-- The services a package bundles.
CREATE TABLE bundle_items (
  package_id  bigint NOT NULL REFERENCES products (id),
  service_id  bigint NOT NULL REFERENCES products (id),
  PRIMARY KEY (package_id, service_id)
);

-- A customer's package or add-on over a half-open date range [starts_on, ends_on).
CREATE TABLE subscriptions (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers (id),
  product_id  bigint NOT NULL REFERENCES products (id),
  kind        text NOT NULL CHECK (kind IN ('package', 'service')),
  starts_on   date NOT NULL,
  ends_on     date,
  end_reason  text,
  created_by  bigint REFERENCES employees (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX subscriptions_customer_idx ON subscriptions (customer_id, starts_on);
CREATE INDEX subscriptions_product_idx ON subscriptions (product_id) WHERE ends_on IS NULL;

UPDATE roles SET permissions = permissions || ARRAY['products:view', 'subscriptions:*'] WHERE code IN ('account_manager');
UPDATE roles SET permissions = permissions || ARRAY['products:*', 'subscriptions:view'] WHERE code IN ('marketing_manager');
UPDATE roles SET permissions = permissions || ARRAY['products:view', 'subscriptions:view'] WHERE code IN ('after_sales', 'telemarketer', 'cc_supervisor');
