import type { Generated } from 'kysely';

export interface CustomerImportBatchesTable {
  id: Generated<string>;
  batch_key: string;
  file_name: string;
  encoding: string;
  mapping: string;
  status: 'imported' | 'rejected';
  total_rows: number;
  accepted: number;
  rejected: number;
  imported_by: string | null;
  imported_at: Generated<Date>;
}

export interface CustomerImportErrorsTable {
  batch_id: string;
  row_no: number;
  message: string;
}

declare module '../../platform/db.ts' {
  interface Database {
    customer_import_batches: CustomerImportBatchesTable;
    customer_import_errors: CustomerImportErrorsTable;
  }
}
