import type { Trx } from '../../platform/db.ts';
import type { Locale } from '../../platform/errors.ts';
import type { ImportKind } from './billing.tables.ts';
import type { ProblemCode, RowProblem } from './import-problems.ts';

/** One row of a file as the spec reads it: its own error (bad date…), or the customer key and the values to load. */
export type ParsedRow = { error: RowProblem } | { customer: string; values: string[]; month: string };

/** Rows that went in but deserve a look, by kind: how many, and the first rows' numbers. */
export interface ImportWarning {
  code: ProblemCode;
  count: number;
  rows: number[];
}

/** What the rows were loaded into, for `apply`. */
export interface Load {
  table: string;
  batchId: string;
  /** Rows in the load table. */
  rows: number;
  /** The months of those rows (YYYY-MM-01), sorted. */
  months: string[];
  /** The importer's language, for the row errors `apply` writes. */
  locale: Locale;
}

/** What differs between the usage and the payments import; the pipeline (run-import.ts) is shared. */
export interface ImportSpec {
  kind: ImportKind;
  /** Our fields; the mapping names the file column for each. */
  fields: { key: string; required: boolean }[];
  /** The load table's columns that `values` fill, in order; the pipeline puts customer_id before them, batch_id and row_no after. */
  columns: readonly string[];
  /** Reads one row; `value(field)` is the trimmed text of the mapped column ('' when unmapped). Free text in `values` must go through `copyValue`. */
  parse(value: (field: string) => string): ParsedRow;
  /** Creates the load table, named `table`, in the import's transaction. */
  createLoad(trx: Trx, table: string): Promise<void>;
  /**
   * Moves the loaded rows to where they belong, reports the ones already there (or twice in the file) as row
   * errors of the batch, and drops the load table.
   */
  apply(
    trx: Trx,
    load: Load,
  ): Promise<{ accepted: number; rejected: number; months: string[]; warnings?: ImportWarning[] }>;
  /** What follows in the same transaction: late usage re-rates billed months, payments move balances. */
  afterApply(trx: Trx, batchId: string, months: string[]): Promise<void>;
}
