-- The title's words on their own (the weight-A part of the search document), indexed: search looks at
-- title matches first and must not rank every body match of a common word.
ALTER TABLE kb_articles ADD COLUMN title_vector tsvector GENERATED ALWAYS AS (ts_filter(search_vector, '{a}')) STORED;
CREATE INDEX kb_articles_title_vector_idx ON kb_articles USING gin (title_vector);
