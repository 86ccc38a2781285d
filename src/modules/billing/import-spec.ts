import type { RawBuilder } from 'kysely';
import type { Trx } from '../../platform/db.ts';
import type { ImportKind } from './billing.tables.ts';

/** What differs between the usage and the payments import; the pipeline (run-import.ts) is shared. */
export interface ImportSpec {
  kind: ImportKind;
  /** Our fields; the mapping names the file column for each. */
  fields: { key: string; required: boolean }[];
  /** The field whose value decides the month (and the usage partition). */
  dateField: string;
  /** Validates the staged rows, inserts the good ones and the errors of the bad ones, in the caller's transaction. */
  /** `range`: the first day of the earliest month in the file and of the month after the latest. */
  apply(trx: Trx, stage: string, col: (field: string) => RawBuilder<unknown>, batchId: string, range: { from: string; to: string }): Promise<{ accepted: number; rejected: number; months: string[] }>;
  /** What follows in the same transaction: late usage re-rates billed months, payments move balances. */
  afterApply(trx: Trx, batchId: string, months: string[]): Promise<void>;
}
