-- Every text column has a limit, the same as the form's maxLength and the API's zod schema (src/shared/text-limits.ts).
-- NOT VALID: new and changed rows are checked; rows written before the limit existed do not stop the upgrade.
ALTER TABLE customers ADD CONSTRAINT customers_address_length CHECK (char_length(address) <= 200) NOT VALID;
ALTER TABLE customers ADD CONSTRAINT customers_job_length CHECK (char_length(job) <= 50) NOT VALID;
ALTER TABLE customers ADD CONSTRAINT customers_education_length CHECK (char_length(education) <= 30) NOT VALID;
ALTER TABLE customers ADD CONSTRAINT customers_cancel_reason_length CHECK (char_length(cancel_reason) <= 500) NOT VALID;
-- A customer's segment is a cluster name (at most 30 characters) or a name typed in a filter (at most 50).
ALTER TABLE customers ADD CONSTRAINT customers_segment_length CHECK (char_length(segment) <= 50) NOT VALID;
