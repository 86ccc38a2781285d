-- The standard roles. Later modules grant their own permissions to these roles in their migrations.
INSERT INTO roles (code, name, name_en, permissions, data_scope) VALUES
  ('admin',             '系统管理员', 'System administrator', ARRAY['*'], 'all'),
  ('account_manager',   '客户经理',   'Account manager',      ARRAY['customers:*', 'contacts:*', 'sensitive:view'], 'region'),
  ('marketing_manager', '市场经理',   'Marketing manager',    ARRAY['customers:view', 'customers:export', 'contacts:view'], 'region'),
  ('after_sales',       '售后服务',   'After-sales service',  ARRAY['customers:view', 'contacts:view', 'sensitive:view'], 'region'),
  ('telemarketer',      '电话营销员', 'Telemarketer',         ARRAY['customers:view', 'contacts:view'], 'own'),
  ('cc_supervisor',     '呼叫中心班长', 'Call-centre supervisor', ARRAY['customers:view', 'customers:export', 'contacts:view'], 'department');
