-- Portal sign-ins are throttled by these login attempts (account kind 'portal'), no longer by a counter on the portal
-- account. Where the portal's accounts still have that counter, its state moves here; portal migration 0003 (which
-- runs after this one) then drops the columns. Where they are already gone (portal/0003's first version made this
-- move itself) or never had values, this file changes nothing. How the state moves:
-- - a login locked now stays locked until the same moment: five failures 15 minutes before it ends (a lock runs
--   15 minutes from the fifth failure);
-- - failures counted towards a lock (the counter was 0 while locked) are kept as made now, so they count for the
--   next 15 minutes.
DO $$
BEGIN
IF NOT EXISTS (SELECT 1 FROM information_schema.columns
               WHERE table_schema = current_schema() AND table_name = 'portal_accounts' AND column_name = 'failed_logins') THEN
  RETURN;
END IF;

INSERT INTO login_attempts (account_kind, login, ok, at)
SELECT 'portal', a.login_phone, false, a.locked_until - interval '15 minutes'
FROM portal_accounts a CROSS JOIN generate_series(1, 5)
WHERE a.locked_until > now();

INSERT INTO login_attempts (account_kind, login, ok, at)
SELECT 'portal', a.login_phone, false, now()
FROM portal_accounts a CROSS JOIN LATERAL generate_series(1, a.failed_logins)
WHERE a.failed_logins > 0;
END
$$;
