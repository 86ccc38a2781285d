-- Addresses (phone numbers, email addresses) that get nothing at all, service messages included.
-- Checked when a message is sent; emails are stored lower-case.
CREATE TABLE messaging_blacklist (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  address text NOT NULL UNIQUE,
  reason text,
  created_by bigint REFERENCES employees(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
