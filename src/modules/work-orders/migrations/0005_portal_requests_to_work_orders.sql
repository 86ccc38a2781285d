-- Faults and complaints filed in the portal before the service desk become work orders (channel 'portal', 0002):
-- every row of the portal's old portal_requests table becomes one, with its timeline. Portal migration 0002 then
-- drops that table. On a database where the table is already gone (portal/0002's first version did this
-- conversion itself) or never had rows, this file changes nothing.
--
-- How a request maps (what the request did not record is filled in, see the comments):
--   kind                 → the top-level type of that code (fault / complaint), no sub-type, priority normal
--   subject, description → the description, subject first
--   (no business type)   → guessed from the words: broadband, fixed line, IPTV, else mobile
--   (no contact phone)   → the customer's phone
--   (no accepting agent) → work_order_acceptor(customer): account manager, region's after-sales, else an admin
--   status               → open: new (waiting for a hand dispatch); in_progress / resolved: the same, handled by
--                          the employee who answered, in their org unit; closed: archived (resolved and archived
--                          at the answer, without a return visit); a request without an answering employee: new
--   reply                → the note of the step the answer reached (resolved / closed: the resolution the
--                          customer sees; in progress: the start note; still open: a note on the timeline)
--   created_at           → the order's creation, number (WO + that day) and SLA deadlines (normal priority)
--   updated_at           → when the answer's step happened
DO $$
BEGIN
IF to_regclass('portal_requests') IS NULL THEN
  RETURN;
END IF;

CREATE TEMP TABLE portal_request_orders AS
SELECT r.id AS request_id,
       'WO' || to_char(r.created_at, 'YYMMDD') || lpad(nextval('work_order_no_seq')::text, 7, '0') AS order_no,
       k.id AS customer_id, k.region_id, k.phone, c.name AS customer_name, t.id AS type_id,
       CASE WHEN r.subject || ' ' || r.description ~* '宽带|光猫|网速|上网|路由|wi-?fi' THEN 'broadband'
            WHEN r.subject || ' ' || r.description ~* '固话|座机|拨号音' THEN 'fixed_line'
            WHEN r.subject || ' ' || r.description ~* 'iptv|电视|机顶盒' THEN 'iptv'
            ELSE 'mobile' END AS business_type,
       r.subject || E'\n\n' || r.description AS description,
       CASE WHEN r.status = 'open' OR h.id IS NULL THEN 'new'
            WHEN r.status = 'closed' THEN 'archived'
            ELSE r.status END AS status,
       h.id AS handler_id, h.name AS handler_name, h.org_unit_id AS handler_unit,
       work_order_acceptor(k.id) AS accepted_by,
       -- The fallback when a type has no policy is sla.ts's: a day to respond, three to resolve.
       r.created_at + make_interval(mins => COALESCE(p.response_minutes, 1440)) AS response_due,
       r.created_at + make_interval(mins => COALESCE(p.resolve_minutes, 4320)) AS resolve_due,
       r.reply, r.created_at, r.updated_at
FROM portal_requests r
JOIN customers c ON c.id = r.customer_id
-- A request of a record merged since goes to the surviving record, as the customer's work orders do.
JOIN customers k ON k.id = COALESCE(c.merged_into_id, c.id)
JOIN work_order_types t ON t.code = r.kind AND t.parent_id IS NULL
LEFT JOIN employees h ON h.id = r.handled_by
LEFT JOIN sla_policies p ON p.type_id = t.id AND p.priority = 'normal'
ORDER BY r.id;

INSERT INTO work_orders (
  order_no, customer_id, type_id, business_type, region_id, priority, contact_phone, description, status, department_id, assignee_id,
  accepted_by, channel, response_due, resolve_due, responded_at, resolved_at, archived_at, created_at, updated_at)
SELECT order_no, customer_id, type_id, business_type, region_id, 'normal', phone, description, status,
       CASE WHEN status <> 'new' THEN handler_unit END, CASE WHEN status <> 'new' THEN handler_id END,
       accepted_by, 'portal', response_due, resolve_due,
       CASE WHEN status <> 'new' THEN updated_at END,
       CASE WHEN status IN ('resolved', 'archived') THEN updated_at END,
       CASE WHEN status = 'archived' THEN updated_at END,
       created_at, updated_at
FROM portal_request_orders ORDER BY request_id;

-- The timeline: the customer filed it (by name; the timeline says "self-service" before it in the reader's language) ...
INSERT INTO work_order_events (work_order_id, at, actor_id, actor_name, action, to_status)
SELECT w.id, p.created_at, NULL, p.customer_name, 'create', 'new'
FROM portal_request_orders p JOIN work_orders w ON w.order_no = p.order_no
ORDER BY p.request_id;

-- ... and the staff's answer, as the steps it reached.
INSERT INTO work_order_events (work_order_id, at, actor_id, actor_name, action, from_status, to_status, department_id, note)
SELECT w.id, p.updated_at, p.handler_id, p.handler_name, s.action, s.from_status, s.to_status, w.department_id, CASE WHEN s.with_reply THEN p.reply END
FROM portal_request_orders p
JOIN work_orders w ON w.order_no = p.order_no
JOIN (VALUES
  ('new', 1, 'note', NULL, NULL, true),
  ('in_progress', 1, 'start', 'new', 'in_progress', true),
  ('resolved', 1, 'resolve', 'new', 'resolved', true),
  ('archived', 1, 'resolve', 'new', 'resolved', true),
  ('archived', 2, 'archive', 'resolved', 'archived', false)
) AS s (status, step, action, from_status, to_status, with_reply) ON s.status = p.status
WHERE p.handler_id IS NOT NULL AND (s.action <> 'note' OR p.reply IS NOT NULL)
ORDER BY p.request_id, s.step;

-- The audit log says where each order came from.
INSERT INTO audit_log (actor_id, actor_name, action, entity, entity_id, changes)
SELECT NULL, 'migration work-orders/0005', 'create', 'work_order', w.id,
       jsonb_build_object('portalRequestId', jsonb_build_array(p.request_id::text, NULL), 'channel', jsonb_build_array(NULL, 'portal'),
                          'acceptedBy', jsonb_build_array(NULL, p.accepted_by::text))
FROM portal_request_orders p JOIN work_orders w ON w.order_no = p.order_no
ORDER BY p.request_id;

DROP TABLE portal_request_orders;
END
$$;
