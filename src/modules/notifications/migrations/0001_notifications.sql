-- The header bell's own notifications (modules other than work orders, whose notifications stay in their table
-- and are merged in when the bell is read).
CREATE TABLE notifications (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  employee_id bigint NOT NULL REFERENCES employees (id),
  kind        text NOT NULL CHECK (kind IN ('retention_task')),
  subject     text NOT NULL CHECK (length(subject) <= 200),
  count       integer NOT NULL DEFAULT 1 CHECK (count > 0),
  link        text NOT NULL CHECK (length(link) <= 200),
  read_at     timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_employee_idx ON notifications (employee_id, id DESC);
