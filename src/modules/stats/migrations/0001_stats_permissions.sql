-- Statistics read customers (and, when billing is present, revenue) within each role's data scope.
UPDATE roles SET permissions = permissions || ARRAY['stats:view', 'stats:export'] WHERE code IN ('marketing_manager', 'cc_supervisor', 'account_manager');
