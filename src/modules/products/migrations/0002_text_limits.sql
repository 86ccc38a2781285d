-- Every text column has a limit, the same as the form's maxLength and the API's zod schema (src/shared/text-limits.ts).
-- NOT VALID: new and changed rows are checked; rows written before the limit existed do not stop the upgrade.
ALTER TABLE products ADD CONSTRAINT products_target_segment_length CHECK (char_length(target_segment) <= 60) NOT VALID;
ALTER TABLE products ADD CONSTRAINT products_description_length CHECK (char_length(description) <= 2000) NOT VALID;
ALTER TABLE products ADD CONSTRAINT products_responsibility_length CHECK (char_length(responsibility) <= 2000) NOT VALID;
ALTER TABLE product_status_changes ADD CONSTRAINT product_status_changes_note_length CHECK (char_length(note) <= 500) NOT VALID;
ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_end_reason_length CHECK (char_length(end_reason) <= 200) NOT VALID;
