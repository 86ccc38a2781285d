-- Segmentation runs (K-means over the monthly usage profile), kept as history. The published segment on each
-- customer is the customers module's column (customers/0004_segment_column.sql).
--
-- Rewritten after it was applied: it used to add customers.segment itself, a table segmentation does not own. The
-- column moved to customers/0004, which is a no-op where this file's first version already added it.
-- replaces sha256: c6e404933e2c002d205ab337324d06d856218d178329945a09900e81c773e035

CREATE TABLE segmentation_runs (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  status         text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  progress       smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  -- parameters, as asked: the last month of the window, how many months are averaged, K (NULL = choose)
  month          date NOT NULL CHECK (extract(day FROM month) = 1),
  months         smallint NOT NULL DEFAULT 1 CHECK (months BETWEEN 1 AND 12),
  variables      text[] NOT NULL,
  k_requested    smallint CHECK (k_requested BETWEEN 2 AND 8),
  seed           integer NOT NULL,
  log_spend      boolean NOT NULL DEFAULT false,
  filter         jsonb NOT NULL DEFAULT '{}',
  -- outcome: the K used, quality scores, and the JSON the pages draw (sizes, profiles, elbow, projection)
  k              smallint,
  customer_count integer,
  iterations     integer,
  converged      boolean,
  inertia        double precision,
  silhouette     double precision,
  result         jsonb,
  cluster_names  jsonb,
  error          text,
  created_by     bigint NOT NULL REFERENCES employees (id),
  org_unit_id    bigint NOT NULL REFERENCES org_units (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  started_at     timestamptz,
  finished_at    timestamptz,
  published_at   timestamptz,
  published_by   bigint REFERENCES employees (id)
);
CREATE INDEX segmentation_runs_created_idx ON segmentation_runs (id DESC);
-- At most one run is the published one.
CREATE UNIQUE INDEX segmentation_runs_one_published_idx ON segmentation_runs ((true)) WHERE published_at IS NOT NULL;

-- Which cluster each customer of a finished run fell in; read when the run is published.
CREATE TABLE segmentation_assignments (
  run_id      bigint NOT NULL REFERENCES segmentation_runs (id) ON DELETE CASCADE,
  customer_id bigint NOT NULL REFERENCES customers (id),
  cluster     smallint NOT NULL CHECK (cluster BETWEEN 0 AND 7),
  PRIMARY KEY (run_id, customer_id)
);

UPDATE roles SET permissions = permissions || ARRAY['segmentation:*'] WHERE code IN ('marketing_manager');
UPDATE roles SET permissions = permissions || ARRAY['segmentation:view'] WHERE code IN ('account_manager', 'cc_supervisor');
