-- Work orders a customer opens themselves (the self-service portal), beside those staff accept.

-- Where an order came from: accepted by staff (front desk, call centre) or opened by the customer in the portal.
ALTER TABLE work_orders ADD COLUMN channel text NOT NULL DEFAULT 'staff' CHECK (channel IN ('staff', 'portal'));

-- Who accepts an order a customer opens themselves: accepted_by, who also gets it back for the return visit.
-- 1. the customer's account manager, while active;
-- 2. else the after-sales (customer service) staff of the nearest region at or above the customer's region
--    that has any, the lowest id first;
-- 3. else the first active administrator.
-- NULL only when none of them exists. One definition for the code (openCustomerWorkOrder) and for migrations.
CREATE FUNCTION work_order_acceptor(for_customer bigint) RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT COALESCE(
    (SELECT m.id FROM customers c JOIN employees m ON m.id = c.account_manager_id
      WHERE c.id = for_customer AND m.status = 'active'),
    (SELECT e.id FROM customers c
       JOIN org_units home ON home.id = c.region_id
       JOIN org_units region ON home.path LIKE region.path || '%'
       JOIN org_units unit ON unit.path LIKE region.path || '%'
       JOIN employees e ON e.org_unit_id = unit.id AND e.status = 'active'
       JOIN employee_roles er ON er.employee_id = e.id
       JOIN roles r ON r.id = er.role_id AND r.code = 'after_sales'
      WHERE c.id = for_customer
      ORDER BY length(region.path) DESC, e.id
      LIMIT 1),
    (SELECT e.id FROM employees e
       JOIN employee_roles er ON er.employee_id = e.id
       JOIN roles r ON r.id = er.role_id AND r.code = 'admin'
      WHERE e.status = 'active'
      ORDER BY e.id
      LIMIT 1))
$$;
