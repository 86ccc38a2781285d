import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { DbKind } from '../../platform/db.ts';

export const MANIFEST_FORMAT = 'lianxi-backup/1';

export interface TableSum {
  name: string;
  rows: number;
  checksum: string;
}
export interface FileSum {
  path: string;
  size: number;
  sha256: string;
}

/** What a backup holds, written into it as manifest.json and compared again after every restore. */
export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  createdAt: string;
  engine: DbKind;
  /** Every table of the public schema (a partitioned table counts its partitions' rows). */
  tables: TableSum[];
  /** Files kept beside the database, by path under the data directory (`attachments/…`). */
  files: FileSum[];
}

/** Runs one SQL statement without parameters and returns its rows. */
export type RunSql = (text: string) => Promise<Record<string, unknown>[]>;

/**
 * The session settings under which a row's text form is the same on every machine. Run inside a transaction
 * (SET LOCAL), so a shared PGlite session keeps its own settings.
 */
export const MANIFEST_SETTINGS =
  "SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'postgres'; SET LOCAL extra_float_digits = 1";

/**
 * Row count and checksum of every table, computed in SQL the same way on PGlite and on a PostgreSQL server. The checksum
 * sums the first 60 bits of each row's md5: independent of row order, bounded in memory whatever the table's size, and
 * changed by any edited, added or removed row.
 */
export async function tableSums(run: RunSql): Promise<TableSum[]> {
  const tables = await run(`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`);
  const sums: TableSum[] = [];
  for (const { name } of tables as { name: string }[]) {
    const [row] =
      await run(`SELECT count(*)::text AS rows, coalesce(sum(('x' || substr(md5(lianxi_row::text), 1, 15))::bit(60)::bigint), 0)::text AS checksum
      FROM ${quoteIdent(name)} AS lianxi_row`);
    sums.push({ name, rows: Number(row.rows), checksum: String(row.checksum) });
  }
  return sums;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/** What differs between what a backup promised and what a restore produced; empty when they match. */
export function compareManifests(
  expected: Pick<Manifest, 'tables' | 'files'>,
  actual: Pick<Manifest, 'tables' | 'files'>,
): string[] {
  return [
    ...compareSets(
      'table',
      expected.tables,
      actual.tables,
      (t) => t.name,
      (e, a) =>
        e.rows !== a.rows
          ? `${e.rows} rows expected, ${a.rows} found`
          : e.checksum !== a.checksum
            ? 'content differs'
            : undefined,
    ),
    ...compareSets(
      'file',
      expected.files,
      actual.files,
      (f) => f.path,
      (e, a) =>
        e.size !== a.size
          ? `${e.size} bytes expected, ${a.size} found`
          : e.sha256 !== a.sha256
            ? 'sha256 differs'
            : undefined,
    ),
  ];
}

function compareSets<T>(
  what: string,
  expected: T[],
  actual: T[],
  key: (x: T) => string,
  differ: (e: T, a: T) => string | undefined,
): string[] {
  const found = new Map(actual.map((a) => [key(a), a]));
  const problems: string[] = [];
  for (const e of expected) {
    const a = found.get(key(e));
    found.delete(key(e));
    if (!a) problems.push(`${what} ${key(e)}: missing`);
    else {
      const difference = differ(e, a);
      if (difference) problems.push(`${what} ${key(e)}: ${difference}`);
    }
  }
  for (const extra of found.keys()) problems.push(`${what} ${extra}: not in the manifest`);
  return problems;
}
