-- Org units (province → city → county / department → team), roles with permissions and data scope,
-- employees, and API tokens for integrations.
CREATE TABLE org_units (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  parent_id   bigint REFERENCES org_units (id),
  code        text UNIQUE,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  name_en     text,
  kind        text NOT NULL CHECK (kind IN ('province', 'city', 'county', 'department', 'team')),
  -- Materialised path of ids, '1/4/9/': a subtree is `path LIKE '1/4/%'`.
  path        text NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX org_units_path_idx ON org_units (path text_pattern_ops);
CREATE INDEX org_units_parent_idx ON org_units (parent_id);

CREATE FUNCTION org_units_set_path() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.parent_id IS NULL THEN
    NEW.path := NEW.id || '/';
  ELSE
    SELECT path || NEW.id || '/' INTO NEW.path FROM org_units WHERE id = NEW.parent_id;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER org_units_path_trg BEFORE INSERT ON org_units FOR EACH ROW EXECUTE FUNCTION org_units_set_path();

CREATE TABLE roles (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code        text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_-]{1,40}$'),
  name        text NOT NULL,
  name_en     text,
  permissions text[] NOT NULL DEFAULT '{}',
  data_scope  text NOT NULL DEFAULT 'own' CHECK (data_scope IN ('own', 'team', 'department', 'region', 'all')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE employees (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username      text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,39}$'),
  password_hash text NOT NULL,
  name          text NOT NULL,
  phone         text,
  email         text,
  org_unit_id   bigint NOT NULL REFERENCES org_units (id),
  status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX employees_org_unit_idx ON employees (org_unit_id);

CREATE TABLE employee_roles (
  employee_id bigint NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
  role_id     bigint NOT NULL REFERENCES roles (id),
  PRIMARY KEY (employee_id, role_id)
);

CREATE TABLE api_tokens (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name         text NOT NULL,
  token_hash   text NOT NULL UNIQUE,
  prefix       text NOT NULL,
  employee_id  bigint NOT NULL REFERENCES employees (id),
  created_by   bigint NOT NULL REFERENCES employees (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at   timestamptz
);
