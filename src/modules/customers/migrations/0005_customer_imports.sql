-- Bulk customer import: one row per uploaded file, and the rows it refused with the reason. A batch either
-- imported every good row (status 'imported') or nothing (status 'rejected': the file had errors, fix and re-upload).
CREATE TABLE customer_import_batches (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- The file's SHA-256 unless the client names the delivery: the same file is imported once.
  batch_key    text NOT NULL,
  file_name    text NOT NULL,
  encoding     text NOT NULL,
  mapping      jsonb NOT NULL,
  status       text NOT NULL CHECK (status IN ('imported', 'rejected')),
  total_rows   int NOT NULL,
  accepted     int NOT NULL,
  rejected     int NOT NULL,
  imported_by  bigint REFERENCES employees (id),
  imported_at  timestamptz NOT NULL DEFAULT now()
);
-- Two uploads of one file at once: one imports, the other is refused by this index.
CREATE UNIQUE INDEX customer_import_batches_key_idx ON customer_import_batches (batch_key) WHERE status = 'imported';
CREATE INDEX customer_import_batches_by_idx ON customer_import_batches (imported_by, id);

CREATE TABLE customer_import_errors (
  batch_id  bigint NOT NULL REFERENCES customer_import_batches (id) ON DELETE CASCADE,
  row_no    int NOT NULL,
  message   text NOT NULL,
  PRIMARY KEY (batch_id, row_no)
);
