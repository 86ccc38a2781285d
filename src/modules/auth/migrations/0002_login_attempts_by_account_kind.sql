-- One sign-in throttle for staff and self-service portal logins: login attempts name the kind of account, so a
-- staff username and a portal phone that read the same are different logins. Earlier attempts were all staff.
ALTER TABLE login_attempts RENAME COLUMN username TO login;
ALTER TABLE login_attempts ADD COLUMN account_kind text NOT NULL DEFAULT 'staff' CHECK (account_kind IN ('staff', 'portal'));
ALTER TABLE login_attempts ALTER COLUMN account_kind DROP DEFAULT;
DROP INDEX login_attempts_username_idx;
CREATE INDEX login_attempts_login_idx ON login_attempts (account_kind, login, at DESC);
