-- Every text column has a limit, the same as the form's maxLength and the API's zod schema (src/shared/text-limits.ts).
-- NOT VALID: new and changed rows are checked; rows written before the limit existed do not stop the upgrade.
ALTER TABLE kb_categories ADD CONSTRAINT kb_categories_name_en_length CHECK (char_length(name_en) BETWEEN 1 AND 50) NOT VALID;
ALTER TABLE kb_articles ADD CONSTRAINT kb_articles_tags_length CHECK (cardinality(tags) <= 20) NOT VALID;
