-- A fault sub-type belongs to some businesses (光缆中断 is not a broadband fault): the forms offer a sub-type only
-- for the business chosen. NULL: any business (complaints, consultations).
ALTER TABLE work_order_types ADD COLUMN business_types text[]
  CHECK (business_types <@ ARRAY['broadband', 'fixed_line', 'mobile', 'iptv', 'dedicated_line', 'optical_cable']::text[]);
UPDATE work_order_types SET business_types = b.business_types FROM (VALUES
  ('broadband_down', ARRAY['broadband']), ('broadband_slow', ARRAY['broadband']), ('no_mobile_signal', ARRAY['mobile']),
  ('fixed_line_down', ARRAY['fixed_line']), ('iptv_fault', ARRAY['iptv']), ('circuit_down', ARRAY['dedicated_line']),
  ('cable_cut', ARRAY['optical_cable'])
) AS b (code, business_types) WHERE work_order_types.code = b.code;
