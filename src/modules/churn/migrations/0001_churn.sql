-- Churn management: churned customers, the monthly signals the risk model reads, the models trained,
-- each active customer's current risk score, and retention / win-back plans with their tasks.
CREATE TABLE churn_records (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id     bigint NOT NULL REFERENCES customers (id),
  churned_on      date NOT NULL,
  reason_category text NOT NULL DEFAULT 'other'
                  CHECK (reason_category IN ('price', 'network_quality', 'service', 'moved_away', 'competitor_offer', 'other')),
  reason          text CHECK (length(reason) <= 500),
  competitor      text CHECK (length(competitor) <= 100),
  notes           text CHECK (length(notes) <= 1000),
  source          text NOT NULL CHECK (source IN ('cancellation', 'import', 'manual')),
  created_by      bigint REFERENCES employees (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (customer_id, churned_on)
);
CREATE INDEX churn_records_churned_on_idx ON churn_records (churned_on, id);

-- One row per customer and month: the feature store of the risk model, filled from billing and the
-- service desk (or imported), kept apart so the model reads one shape whatever the source.
CREATE TABLE churn_signals (
  customer_id   bigint NOT NULL REFERENCES customers (id),
  month         date NOT NULL CHECK (extract(day FROM month) = 1),
  spend         numeric(14,2) NOT NULL DEFAULT 0,
  data_mb       bigint NOT NULL DEFAULT 0 CHECK (data_mb >= 0),
  voice_min     integer NOT NULL DEFAULT 0 CHECK (voice_min >= 0),
  complaints    integer NOT NULL DEFAULT 0 CHECK (complaints >= 0),
  faults        integer NOT NULL DEFAULT 0 CHECK (faults >= 0),
  satisfaction  numeric(3,2) CHECK (satisfaction BETWEEN 1 AND 5),
  overage       numeric(14,2) NOT NULL DEFAULT 0,
  allowance_use numeric(6,3) CHECK (allowance_use >= 0),
  package_end   date,
  -- Owed at the end of the month.
  arrears       numeric(14,2) NOT NULL DEFAULT 0,
  PRIMARY KEY (customer_id, month)
);

CREATE TABLE churn_models (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('logistic', 'rules')),
  as_of       date NOT NULL,
  samples     integer NOT NULL,
  positives   integer NOT NULL,
  holdout_auc numeric(5,4),
  params      jsonb NOT NULL DEFAULT '{}',
  calibration jsonb NOT NULL DEFAULT '[]',
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE churn_risk_scores (
  customer_id bigint PRIMARY KEY REFERENCES customers (id),
  score       smallint NOT NULL CHECK (score BETWEEN 0 AND 100),
  factors     jsonb NOT NULL DEFAULT '[]',
  model_id    bigint NOT NULL REFERENCES churn_models (id),
  scored_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX churn_risk_scores_score_idx ON churn_risk_scores (score DESC, customer_id);

CREATE TABLE retention_plans (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  offer       text NOT NULL CHECK (length(offer) BETWEEN 1 AND 500),
  owner_id    bigint NOT NULL REFERENCES employees (id),
  due_date    date NOT NULL,
  created_by  bigint REFERENCES employees (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE retention_tasks (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- A task started from the at-risk list stands alone; a plan's tasks point to it.
  plan_id     bigint REFERENCES retention_plans (id),
  customer_id bigint NOT NULL REFERENCES customers (id),
  assignee_id bigint NOT NULL REFERENCES employees (id),
  offer       text NOT NULL CHECK (length(offer) BETWEEN 1 AND 500),
  due_date    date NOT NULL,
  risk_score  smallint,
  outcome     text CHECK (outcome IN ('won_back', 'refused', 'unreachable')),
  note        text CHECK (length(note) <= 1000),
  done_at     timestamptz,
  created_by  bigint REFERENCES employees (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((outcome IS NULL) = (done_at IS NULL))
);
-- One open retention task per customer: a second click or a second plan does not double the calls.
CREATE UNIQUE INDEX retention_tasks_open_idx ON retention_tasks (customer_id) WHERE outcome IS NULL;
CREATE INDEX retention_tasks_plan_idx ON retention_tasks (plan_id, id);
CREATE INDEX retention_tasks_assignee_idx ON retention_tasks (assignee_id, id);

UPDATE roles SET permissions = permissions || ARRAY['churn:*'] WHERE code = 'marketing_manager';
UPDATE roles SET permissions = permissions || ARRAY['churn:view', 'churn:create', 'churn:edit'] WHERE code = 'account_manager';
UPDATE roles SET permissions = permissions || ARRAY['churn:view', 'churn:create'] WHERE code IN ('after_sales', 'cc_supervisor');
