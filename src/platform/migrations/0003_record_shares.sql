-- Record-level sharing: one customer or work order shared beyond the data scope with an employee or an org unit
-- (and everyone under it), until an expiry. The ids point into module tables, so they carry no foreign keys here;
-- the sharing service checks that the employee or unit exists.
CREATE TABLE record_shares (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity      text NOT NULL CHECK (entity IN ('customer', 'work_order')),
  record_id   bigint NOT NULL,
  employee_id bigint,
  org_unit_id bigint,
  expires_at  timestamptz NOT NULL,
  created_by  bigint NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz,
  revoked_by  bigint,
  CHECK ((employee_id IS NULL) <> (org_unit_id IS NULL))
);
CREATE INDEX record_shares_employee ON record_shares (employee_id, entity) WHERE revoked_at IS NULL;
CREATE INDEX record_shares_org_unit ON record_shares (org_unit_id, entity) WHERE revoked_at IS NULL;
CREATE INDEX record_shares_record ON record_shares (entity, record_id);
