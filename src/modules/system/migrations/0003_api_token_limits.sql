-- API tokens may expire and may be limited to reading (GET/HEAD) and to some route prefixes (/api/<module>/…).
ALTER TABLE api_tokens
  ADD COLUMN expires_at timestamptz,
  ADD COLUMN read_only  boolean NOT NULL DEFAULT false,
  ADD COLUMN modules    text[]  NOT NULL DEFAULT '{}';
