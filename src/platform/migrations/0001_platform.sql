-- Platform tables: the audit log and the durable job queue. Module tables live in each module's migrations.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE audit_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  actor_id    bigint,
  actor_name  text NOT NULL,
  ip          text,
  request_id  text,
  action      text NOT NULL,
  entity      text NOT NULL,
  entity_id   text,
  changes     jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, id DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id DESC);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);

CREATE TABLE jobs (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name        text NOT NULL,
  payload     jsonb NOT NULL DEFAULT '{}'::jsonb,
  status      text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  run_at      timestamptz NOT NULL DEFAULT now(),
  attempts    int NOT NULL DEFAULT 0,
  max_attempts int NOT NULL DEFAULT 5,
  progress    numeric(5,2) NOT NULL DEFAULT 0,
  result      jsonb,
  last_error  text,
  singleton_key text,
  locked_until timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jobs_due_idx ON jobs (run_at) WHERE status IN ('queued', 'running');
-- At most one queued-or-running job per singleton key (recurring jobs such as the SLA sweep).
CREATE UNIQUE INDEX jobs_singleton_idx ON jobs (singleton_key) WHERE singleton_key IS NOT NULL AND status IN ('queued', 'running');
