-- A customer's segment is a cluster name (at most 30 characters) or a name typed in a filter (at most 50).
ALTER TABLE customers ADD CONSTRAINT customers_segment_length CHECK (char_length(segment) <= 50) NOT VALID;
