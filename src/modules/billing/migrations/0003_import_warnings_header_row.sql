-- Rows that went in but deserve a look (usage on a day the customer had no package: it stays unrated), counted
-- per batch; and the file row that held the column headers (a title row may sit above it).
ALTER TABLE import_batches ADD COLUMN warnings int NOT NULL DEFAULT 0;
ALTER TABLE import_batches ADD COLUMN header_row int NOT NULL DEFAULT 1 CHECK (header_row >= 1);
