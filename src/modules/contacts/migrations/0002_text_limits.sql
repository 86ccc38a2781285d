-- Every text column has a limit, the same as the form's maxLength and the API's zod schema (src/shared/text-limits.ts).
-- NOT VALID: new and changed rows are checked; rows written before the limit existed do not stop the upgrade.
ALTER TABLE contacts ADD CONSTRAINT contacts_phone_length CHECK (char_length(phone) <= 20) NOT VALID;
ALTER TABLE contacts ADD CONSTRAINT contacts_email_length CHECK (char_length(email) <= 100) NOT VALID;
ALTER TABLE contacts ADD CONSTRAINT contacts_title_length CHECK (char_length(title) <= 50) NOT VALID;
ALTER TABLE contacts ADD CONSTRAINT contacts_notes_length CHECK (char_length(notes) <= 1000) NOT VALID;
