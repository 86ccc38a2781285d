-- Portal sign-ins are throttled by the login attempts staff sign-ins use (auth module, account kind 'portal'),
-- no longer by a counter on the account. The counter's state moves there before its columns go:
-- - a login locked now stays locked until the same moment: five failures 15 minutes before it ends (a lock runs
--   15 minutes from the fifth failure);
-- - failures counted towards a lock (the counter was 0 while locked) are kept as made now, so they count for the
--   next 15 minutes.
INSERT INTO login_attempts (account_kind, login, ok, at)
SELECT 'portal', a.login_phone, false, a.locked_until - interval '15 minutes'
FROM portal_accounts a CROSS JOIN generate_series(1, 5)
WHERE a.locked_until > now();

INSERT INTO login_attempts (account_kind, login, ok, at)
SELECT 'portal', a.login_phone, false, now()
FROM portal_accounts a CROSS JOIN LATERAL generate_series(1, a.failed_logins)
WHERE a.failed_logins > 0;

ALTER TABLE portal_accounts DROP COLUMN failed_logins, DROP COLUMN locked_until;
