-- Portal sign-ins are throttled by the login attempts staff sign-ins use (auth module, account kind 'portal'),
-- no longer by a counter on the account: auth migration 0004 (which runs before this one) moved the counter's state
-- there, and the columns go.
--
-- Rewritten after it was applied: it used to make that move itself, writing the auth module's table.
-- replaces sha256: 63e19501760f7c2762d0ed139502124f2d00fa3b4f1345fc46db79c68472c424
ALTER TABLE portal_accounts DROP COLUMN failed_logins, DROP COLUMN locked_until;
