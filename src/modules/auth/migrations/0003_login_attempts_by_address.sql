-- Failed sign-ins are also counted per address (password spraying: one password against many usernames).
CREATE INDEX login_attempts_ip_idx ON login_attempts (account_kind, ip, at DESC) WHERE NOT ok;
