-- The published segment of each customer (segmentation publishes a run through replaceCustomerSegments).
-- Segmentation's first migration used to add this column; where it did, this file changes nothing.
ALTER TABLE customers ADD COLUMN IF NOT EXISTS segment text;
CREATE INDEX IF NOT EXISTS customers_segment_idx ON customers (segment, id) WHERE segment IS NOT NULL;
