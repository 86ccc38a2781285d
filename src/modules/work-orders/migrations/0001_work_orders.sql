-- Service desk: complaint / fault work orders, their routing, SLA, timeline, attachments and notifications.

-- Types and sub-types, configurable by admins: a sub-type has a parent.
CREATE TABLE work_order_types (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  parent_id  bigint REFERENCES work_order_types (id),
  code       text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]{1,40}$'),
  name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  name_en    text NOT NULL,
  active     boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The departments that handle work orders, by kind. A region's centre of a kind is the one under the
-- nearest region above it, so a county falls back to its city's centre and a province-wide centre serves all.
CREATE TABLE service_centres (
  org_unit_id      bigint PRIMARY KEY REFERENCES org_units (id),
  kind             text NOT NULL CHECK (kind IN ('access_network', 'wireless', 'gov_enterprise', 'optical_cable')),
  head_employee_id bigint REFERENCES employees (id)
);

-- First match (lowest position) wins. A null condition matches anything. The target is either a fixed
-- department or "the centre of this kind for the work order's region"; optionally a person.
CREATE TABLE routing_rules (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  position          int NOT NULL,
  name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  region_id         bigint REFERENCES org_units (id),
  business_type     text CHECK (business_type IN ('broadband', 'fixed_line', 'mobile', 'iptv', 'dedicated_line', 'optical_cable')),
  customer_category text CHECK (customer_category IN ('individual', 'enterprise', 'key_account')),
  type_id           bigint REFERENCES work_order_types (id),
  centre_kind       text CHECK (centre_kind IN ('access_network', 'wireless', 'gov_enterprise', 'optical_cable')),
  department_id     bigint REFERENCES org_units (id),
  assignee_id       bigint REFERENCES employees (id),
  active            boolean NOT NULL DEFAULT true,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CHECK ((centre_kind IS NULL) <> (department_id IS NULL))
);
CREATE INDEX routing_rules_position_idx ON routing_rules (position, id);

-- Response and resolution deadlines per top-level type and priority, in minutes.
CREATE TABLE sla_policies (
  type_id          bigint NOT NULL REFERENCES work_order_types (id),
  priority         text NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  response_minutes int NOT NULL CHECK (response_minutes > 0),
  resolve_minutes  int NOT NULL CHECK (resolve_minutes > 0),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (type_id, priority)
);

CREATE SEQUENCE work_order_no_seq;
CREATE TABLE work_orders (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_no          text NOT NULL UNIQUE DEFAULT ('WO' || to_char(now(), 'YYMMDD') || lpad(nextval('work_order_no_seq')::text, 7, '0')),
  customer_id       bigint NOT NULL REFERENCES customers (id),
  type_id           bigint NOT NULL REFERENCES work_order_types (id),
  subtype_id        bigint REFERENCES work_order_types (id),
  business_type     text NOT NULL CHECK (business_type IN ('broadband', 'fixed_line', 'mobile', 'iptv', 'dedicated_line', 'optical_cable')),
  region_id         bigint NOT NULL REFERENCES org_units (id),
  priority          text NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  contact_phone     text NOT NULL CHECK (contact_phone ~ '^[0-9-]{7,16}$'),
  description       text NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
  status            text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'dispatched', 'in_progress', 'resolved', 'visited', 'archived')),
  department_id     bigint REFERENCES org_units (id),
  assignee_id       bigint REFERENCES employees (id),
  accepted_by       bigint NOT NULL REFERENCES employees (id),
  routing_rule_id   bigint REFERENCES routing_rules (id) ON DELETE SET NULL,
  response_due      timestamptz NOT NULL,
  resolve_due       timestamptz NOT NULL,
  responded_at      timestamptz,
  resolved_at       timestamptz,
  archived_at       timestamptz,
  response_breached boolean NOT NULL DEFAULT false,
  resolve_breached  boolean NOT NULL DEFAULT false,
  escalation_level  int NOT NULL DEFAULT 0,
  reopen_count      int NOT NULL DEFAULT 0,
  satisfaction      text CHECK (satisfaction IN ('very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied')),
  customer_words    text,
  version           int NOT NULL DEFAULT 1,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'new') = (department_id IS NULL))
);
-- Queues are keyset-paged newest first: one index per queue.
CREATE INDEX work_orders_department_idx ON work_orders (department_id, id DESC);
CREATE INDEX work_orders_assignee_idx ON work_orders (assignee_id, id DESC) WHERE assignee_id IS NOT NULL;
CREATE INDEX work_orders_accepted_by_idx ON work_orders (accepted_by, id DESC);
CREATE INDEX work_orders_region_idx ON work_orders (region_id, id DESC);
CREATE INDEX work_orders_customer_idx ON work_orders (customer_id, id DESC);
CREATE INDEX work_orders_created_idx ON work_orders (created_at);
-- The SLA sweep looks only at open orders.
CREATE INDEX work_orders_open_due_idx ON work_orders (resolve_due) WHERE status IN ('new', 'dispatched', 'in_progress');

-- The timeline: every step, who and when.
CREATE TABLE work_order_events (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  work_order_id bigint NOT NULL REFERENCES work_orders (id),
  at            timestamptz NOT NULL DEFAULT now(),
  actor_id      bigint REFERENCES employees (id),
  actor_name    text NOT NULL,
  action        text NOT NULL,
  from_status   text,
  to_status     text,
  department_id bigint REFERENCES org_units (id),
  note          text
);
CREATE INDEX work_order_events_order_idx ON work_order_events (work_order_id, id);

CREATE TABLE work_order_attachments (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  work_order_id bigint NOT NULL REFERENCES work_orders (id),
  file_name     text NOT NULL,
  mime_type     text NOT NULL CHECK (mime_type IN ('image/png', 'image/jpeg', 'application/pdf')),
  size_bytes    int NOT NULL CHECK (size_bytes > 0),
  storage_key   text NOT NULL UNIQUE,
  uploaded_by   bigint NOT NULL REFERENCES employees (id),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX work_order_attachments_order_idx ON work_order_attachments (work_order_id, id);

-- In-app notifications for service-desk events (SLA breaches, escalations, work orders arriving).
CREATE TABLE work_order_notifications (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  employee_id   bigint NOT NULL REFERENCES employees (id),
  work_order_id bigint NOT NULL REFERENCES work_orders (id),
  kind          text NOT NULL CHECK (kind IN ('assigned', 'response_breach', 'resolve_breach', 'escalated', 'reopened', 'resolved')),
  message       text NOT NULL,
  read_at       timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX work_order_notifications_employee_idx ON work_order_notifications (employee_id, id DESC);

INSERT INTO work_order_types (code, name, name_en) VALUES
  ('complaint', '投诉', 'Complaint'), ('fault', '故障报修', 'Fault repair'),
  ('consultation', '咨询', 'Consultation'), ('suggestion', '建议', 'Suggestion');
INSERT INTO work_order_types (parent_id, code, name, name_en)
SELECT t.id, s.code, s.name, s.name_en FROM work_order_types t JOIN (VALUES
  ('fault', 'broadband_down', '宽带无法上网', 'Broadband cannot connect'),
  ('fault', 'broadband_slow', '宽带网速慢', 'Broadband is slow'),
  ('fault', 'no_mobile_signal', '手机无信号', 'No mobile signal'),
  ('fault', 'fixed_line_down', '固话不通', 'Fixed line dead'),
  ('fault', 'iptv_fault', 'IPTV 无法播放', 'IPTV does not play'),
  ('fault', 'circuit_down', '数字电路中断', 'Digital circuit down'),
  ('fault', 'cable_cut', '光缆中断', 'Optical cable cut'),
  ('complaint', 'billing_dispute', '计费争议', 'Billing dispute'),
  ('complaint', 'service_attitude', '服务态度', 'Service attitude'),
  ('complaint', 'repair_delay', '维修不及时', 'Repair too slow'),
  ('consultation', 'package_question', '套餐咨询', 'Package question'),
  ('suggestion', 'product_suggestion', '产品建议', 'Product suggestion')
) AS s (parent, code, name, name_en) ON s.parent = t.code;

-- Faults and complaints are answered within hours; consultations and suggestions within days.
INSERT INTO sla_policies (type_id, priority, response_minutes, resolve_minutes)
SELECT t.id, p.priority, p.response * t.factor, p.resolve * t.factor
FROM (SELECT id, CASE WHEN code IN ('fault', 'complaint') THEN 1 ELSE 4 END AS factor FROM work_order_types WHERE parent_id IS NULL) t
CROSS JOIN (VALUES ('urgent', 30, 240), ('high', 60, 480), ('normal', 120, 1440), ('low', 240, 2880)) AS p (priority, response, resolve);

-- The seeded routing defaults (source: the branch's work-order handling flow).
INSERT INTO routing_rules (position, name, business_type, customer_category, centre_kind) VALUES
  (10, '大客户光纤宽带 → 政企支撑中心', 'broadband', 'key_account', 'gov_enterprise'),
  (20, '数字电路 / 专线 → 政企支撑中心', 'dedicated_line', NULL, 'gov_enterprise'),
  (30, '光缆故障 → 光缆维护中心', 'optical_cable', NULL, 'optical_cable'),
  (40, '宽带 → 本地接入网维护中心', 'broadband', NULL, 'access_network'),
  (50, '固话 → 本地接入网维护中心', 'fixed_line', NULL, 'access_network'),
  (60, 'IPTV → 本地接入网维护中心', 'iptv', NULL, 'access_network'),
  (70, '移动信号 → 无线维护中心', 'mobile', NULL, 'wireless');

-- Handlers work in the centres with department scope; front-line staff accept and follow up.
INSERT INTO roles (code, name, name_en, permissions, data_scope) VALUES
  ('maintenance_handler', '维护处理员', 'Maintenance handler', ARRAY['work-orders:view', 'work-orders:edit', 'knowledge:*', 'customers:view', 'contacts:view'], 'department')
ON CONFLICT (code) DO NOTHING;
UPDATE roles SET permissions = permissions || ARRAY['work-orders:view', 'work-orders:create', 'work-orders:edit', 'work-orders:export'] WHERE code = 'after_sales';
UPDATE roles SET permissions = permissions || ARRAY['work-orders:view', 'work-orders:create', 'work-orders:edit'] WHERE code = 'account_manager';
UPDATE roles SET permissions = permissions || ARRAY['work-orders:view', 'work-orders:create', 'work-orders:export'] WHERE code = 'cc_supervisor';
UPDATE roles SET permissions = permissions || ARRAY['work-orders:view', 'work-orders:create'] WHERE code = 'telemarketer';
