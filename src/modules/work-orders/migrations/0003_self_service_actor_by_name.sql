-- The timeline's first entry of an order a customer opened themselves (channel portal) stores just the customer's
-- name; the timeline puts "自助服务：" or "Self-service: " before it in the reader's language. Orders opened so far
-- stored the Chinese words with the name: those made by the portal, and those portal migration 0002 made from old
-- portal requests before it was changed (on the day it was written) to store the name alone.
UPDATE work_order_events e SET actor_name = substr(e.actor_name, length('自助服务：') + 1)
FROM work_orders w
WHERE w.id = e.work_order_id AND w.channel = 'portal' AND e.action = 'create' AND e.actor_name LIKE '自助服务：%';
