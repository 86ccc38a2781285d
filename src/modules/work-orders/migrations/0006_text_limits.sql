-- Every text column has a limit, the same as the form's maxLength and the API's zod schema (src/shared/text-limits.ts).
-- NOT VALID: new and changed rows are checked; rows written before the limit existed do not stop the upgrade.
ALTER TABLE work_order_types ADD CONSTRAINT work_order_types_name_en_length CHECK (char_length(name_en) BETWEEN 1 AND 50) NOT VALID;
ALTER TABLE work_orders ADD CONSTRAINT work_orders_customer_words_length CHECK (char_length(customer_words) <= 1000) NOT VALID;
ALTER TABLE work_order_events ADD CONSTRAINT work_order_events_note_length CHECK (char_length(note) <= 2000) NOT VALID;
ALTER TABLE work_order_events ADD CONSTRAINT work_order_events_actor_name_length CHECK (char_length(actor_name) <= 100) NOT VALID;
ALTER TABLE work_order_attachments ADD CONSTRAINT work_order_attachments_file_name_length CHECK (char_length(file_name) <= 255) NOT VALID;
ALTER TABLE work_order_notifications ADD CONSTRAINT work_order_notifications_message_length CHECK (char_length(message) <= 500) NOT VALID;
