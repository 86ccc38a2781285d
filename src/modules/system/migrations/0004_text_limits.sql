-- Every text column has a limit, the same as the form's maxLength and the API's zod schema (src/shared/text-limits.ts).
-- NOT VALID: new and changed rows are checked; rows written before the limit existed do not stop the upgrade.
ALTER TABLE org_units ADD CONSTRAINT org_units_code_length CHECK (char_length(code) <= 40) NOT VALID;
ALTER TABLE org_units ADD CONSTRAINT org_units_name_en_length CHECK (char_length(name_en) <= 100) NOT VALID;
ALTER TABLE roles ADD CONSTRAINT roles_name_length CHECK (char_length(name) BETWEEN 1 AND 50) NOT VALID;
ALTER TABLE roles ADD CONSTRAINT roles_name_en_length CHECK (char_length(name_en) <= 50) NOT VALID;
ALTER TABLE employees ADD CONSTRAINT employees_name_length CHECK (char_length(name) BETWEEN 1 AND 50) NOT VALID;
ALTER TABLE employees ADD CONSTRAINT employees_phone_length CHECK (char_length(phone) <= 20) NOT VALID;
ALTER TABLE employees ADD CONSTRAINT employees_email_length CHECK (char_length(email) <= 100) NOT VALID;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_name_length CHECK (char_length(name) BETWEEN 1 AND 100) NOT VALID;
