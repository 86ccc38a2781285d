-- The customer self-service portal: customer logins, their sessions (apart from staff sessions), and the
-- faults and complaints customers file (seen and answered by staff).
CREATE TABLE portal_accounts (
  customer_id      bigint PRIMARY KEY REFERENCES customers (id),
  -- The phone the customer signs in with (the account's phone when the login was set up).
  login_phone      text NOT NULL UNIQUE,
  password_hash    text,
  reset_token_hash text UNIQUE,
  reset_expires_at timestamptz,
  failed_logins    int NOT NULL DEFAULT 0,
  locked_until     timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE portal_sessions (
  token_hash   text PRIMARY KEY,
  customer_id  bigint NOT NULL REFERENCES customers (id),
  csrf_token   text NOT NULL,
  expires_at   timestamptz NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX portal_sessions_customer_idx ON portal_sessions (customer_id);

CREATE TABLE portal_requests (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id  bigint NOT NULL REFERENCES customers (id),
  kind         text NOT NULL CHECK (kind IN ('fault', 'complaint')),
  subject      text NOT NULL CHECK (length(subject) BETWEEN 1 AND 100),
  description  text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
  status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'resolved', 'closed')),
  reply        text,
  handled_by   bigint REFERENCES employees (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX portal_requests_customer_idx ON portal_requests (customer_id, id);
CREATE INDEX portal_requests_status_idx ON portal_requests (status, id);
