export type Encoding = 'auto' | 'utf-8' | 'gbk';

export interface ImportPreview {
  encoding: string;
  header: string[];
  rows: string[][];
  fields: { key: string; required: boolean }[];
}

export interface CustomerImportReport {
  batchId: string;
  status: 'imported' | 'rejected' | 'alreadyImported';
  encoding: string;
  totalRows: number;
  imported: number;
  rejected: number;
  errors: { row: number; message: string }[];
}

export const PREVIEW_PATH = '/api/customers/imports/preview';
export const IMPORT_PATH = '/api/customers/imports';
