import { sql } from 'kysely';
import { copyValue } from '../../platform/copy-session.ts';
import type { ImportSpec, ImportWarning, Load } from './import-spec.ts';
import { hasPackageOnSql } from '../products/index.ts';
import { nowMs, toBusinessDateTime } from '../../platform/clock.ts';
import { problemTemplate, type ProblemCode } from './import-problems.ts';
import { parseCount, parseTimestamp } from './import-values.ts';
import { rerateLateUsage } from './billing-run.ts';
import { adoptAsPartition, ensureMonthPartition, isUsageMonth } from './usage-partitions.ts';

/** The words billing systems write for a value → our code. */
const codes = (words: Record<string, string>) => new Map(Object.entries(words));
const KINDS = codes({
  call: 'call',
  voice: 'call',
  通话: 'call',
  语音: 'call',
  data: 'data',
  gprs: 'data',
  流量: 'data',
  上网: 'data',
  sms: 'sms',
  mms: 'sms',
  短信: 'sms',
  彩信: 'sms',
});
const AREAS = codes({
  '': 'local',
  local: 'local',
  本地: 'local',
  provincial_ld: 'provincial_ld',
  省内长途: 'provincial_ld',
  domestic_ld: 'domestic_ld',
  国内长途: 'domestic_ld',
  international: 'international',
  国际长途: 'international',
  provincial_roaming: 'provincial_roaming',
  省内漫游: 'provincial_roaming',
  domestic_roaming: 'domestic_roaming',
  国内漫游: 'domestic_roaming',
  international_roaming: 'international_roaming',
  国际漫游: 'international_roaming',
});
const DIRECTIONS = codes({ '': 'out', out: 'out', mo: 'out', 主叫: 'out', in: 'in', mt: 'in', 被叫: 'in' });
const PERIODS = codes({
  busy: 't',
  忙时: 't',
  1: 't',
  true: 't',
  y: 't',
  idle: 'f',
  闲时: 'f',
  0: 'f',
  false: 'f',
  n: 'f',
});
const NEGATIVE: Record<string, ProblemCode> = {
  call: 'negativeDuration',
  data: 'negativeVolume',
  sms: 'negativeCount',
};

/** The code for a file's word, in any letter case; the word in lower case when it has none. */
function lookUp(words: Map<string, string>, raw: string): string | { unknown: string } {
  return words.get(raw) ?? words.get(raw.toLowerCase()) ?? { unknown: raw.toLowerCase() };
}

const COLUMNS = ['customer_id', 'started_at', 'source_id', 'kind', 'area', 'direction', 'busy', 'quantity', 'batch_id'];

/**
 * Usage records: calls (quantity = seconds), data sessions (KB) and SMS (messages). Busy or idle is taken
 * from the file when mapped, otherwise busy hours are 08:00–22:59.
 */
export const usageImport: ImportSpec = {
  kind: 'usage',
  fields: [
    { key: 'sourceId', required: true },
    { key: 'customer', required: true },
    { key: 'kind', required: true },
    { key: 'area', required: false },
    { key: 'direction', required: false },
    { key: 'startedAt', required: true },
    { key: 'quantity', required: true },
    { key: 'busy', required: false },
  ],
  columns: COLUMNS.slice(1, -1),

  parse(value) {
    const sourceId = value('sourceId');
    if (sourceId === '') return { error: { code: 'missingRecordId' } };
    const kind = lookUp(KINDS, value('kind'));
    if (typeof kind !== 'string') return { error: { code: 'unknownKind', value: kind.unknown } };
    const area = lookUp(AREAS, value('area'));
    if (typeof area !== 'string') return { error: { code: 'unknownArea', value: area.unknown } };
    const direction = lookUp(DIRECTIONS, value('direction'));
    if (typeof direction !== 'string') return { error: { code: 'unknownDirection', value: direction.unknown } };
    const period = value('busy');
    const busyGiven = period === '' ? undefined : lookUp(PERIODS, period);
    if (typeof busyGiven === 'object') return { error: { code: 'unknownPeriod', value: busyGiven.unknown } };
    const startedRaw = value('startedAt');
    const started = parseTimestamp(startedRaw);
    if (!started) return { error: { code: 'badDate', value: startedRaw } };
    if (started.text > businessNow()) return { error: { code: 'futureUsage', value: startedRaw } };
    // Each month of usage is a partition: a stray year must not create one (usage_records_196912).
    if (!isUsageMonth(started.month)) return { error: { code: 'usageDateOutOfRange', value: startedRaw } };
    const quantityRaw = value('quantity');
    if (quantityRaw.startsWith('-')) return { error: { code: NEGATIVE[kind] } };
    const quantity = parseCount(quantityRaw);
    if (quantity === undefined) return { error: { code: 'badQuantity', value: quantityRaw } };
    const busy = busyGiven ?? (started.hour >= 8 && started.hour <= 22 ? 't' : 'f');
    return {
      customer: value('customer'),
      month: started.month,
      values: [started.text, copyValue(sourceId), kind, area, direction, busy, quantity],
    };
  },

  async createLoad(trx, table) {
    // The shape of a month's partition (the constraints come along), so that a load of a new month can become one.
    await sql`CREATE TABLE ${sql.table(table)} (LIKE usage_records INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`.execute(
      trx,
    );
    await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN row_no int NOT NULL`.execute(trx);
  },

  async apply(trx, load) {
    await markRowsWithoutPackage(trx, load);
    if (load.months.length === 1 && load.rows > 0 && (await adoptAsPartition(trx, load.table, load.months[0]))) {
      return { accepted: load.rows, rejected: 0, months: load.months, warnings: await rowsWithoutPackage(trx, load) };
    }
    for (const month of load.months) await ensureMonthPartition(trx, month);
    const columns = sql.join(COLUMNS.map((c) => sql.ref(c)));
    // In file order, so that of two rows with the same record id the first goes in.
    const inserted = await sql<{ n: number }>`WITH ins AS (
        INSERT INTO usage_records (${columns}) SELECT ${columns} FROM ${sql.table(load.table)} ORDER BY row_no ON CONFLICT DO NOTHING RETURNING 1
      ) SELECT count(*)::int AS n FROM ins`.execute(trx);
    const accepted = inserted.rows[0].n;
    const rejected = accepted < load.rows ? await reportRepeats(trx, load) : 0;
    await sql`DROP TABLE ${sql.table(load.table)}`.execute(trx);
    const warnings = await rowsWithoutPackage(trx, load);
    return { accepted, rejected, months: accepted > 0 ? load.months : [], warnings };
  },

  async afterApply(trx, batchId, months) {
    for (const month of months) {
      await rerateLateUsage(
        trx,
        month,
        sql`SELECT DISTINCT customer_id FROM usage_records
        WHERE batch_id = ${batchId} AND started_at >= ${month}::date AND started_at < (${month}::date + interval '1 month')`,
      );
    }
  },
};

/** The business clock's wall time as usage files write it, read once a second (parse runs for every row). */
let businessClock = { at: Number.NaN, text: '' };
function businessNow(): string {
  const ms = nowMs();
  if (!(Math.abs(ms - businessClock.at) < 1000)) businessClock = { at: ms, text: toBusinessDateTime(new Date(ms)) };
  return businessClock.text;
}

const unpackagedTable = (load: Load) => `${load.table}_no_package`;

/** The loaded rows dated on a day their customer had no package: they go in, but rating leaves them unrated. */
async function markRowsWithoutPackage(trx: Parameters<ImportSpec['apply']>[0], load: Load): Promise<void> {
  await sql`CREATE TEMP TABLE ${sql.table(unpackagedTable(load))} ON COMMIT DROP AS
    SELECT l.row_no FROM ${sql.table(load.table)} l WHERE NOT ${hasPackageOnSql(sql`l.customer_id`, sql`l.started_at::date`)}`.execute(
    trx,
  );
}

/** Of those rows, the ones that went in (not reported as already imported): the batch's warning. */
async function rowsWithoutPackage(trx: Parameters<ImportSpec['apply']>[0], load: Load): Promise<ImportWarning[]> {
  const table = sql.table(unpackagedTable(load));
  const found = await sql<{ n: number; rows: number[] | null }>`SELECT count(*)::int AS n,
      (array_agg(w.row_no ORDER BY w.row_no))[1:20] AS rows
    FROM ${table} w WHERE NOT EXISTS (SELECT 1 FROM import_errors e WHERE e.batch_id = ${load.batchId} AND e.row_no = w.row_no)`.execute(
    trx,
  );
  await sql`DROP TABLE ${table}`.execute(trx);
  const { n, rows } = found.rows[0];
  return n > 0 ? [{ code: 'usageWithoutPackage', count: n, rows: (rows ?? []).map(Number) }] : [];
}

/** The loaded rows that did not go in: a record imported before, or the second of two with one record id in this file. */
async function reportRepeats(
  trx: Parameters<ImportSpec['apply']>[0],
  { table, batchId, locale }: Load,
): Promise<number> {
  const result = await sql<{ n: number }>`WITH repeats AS (
      INSERT INTO import_errors (batch_id, row_no, message)
      SELECT ${batchId}, l.row_no, replace(CASE WHEN u.batch_id <> ${batchId} THEN ${problemTemplate(locale, 'importedRecord')}
        ELSE ${problemTemplate(locale, 'repeatedRecord')} END, '{value}', l.source_id)
      FROM (SELECT row_no, source_id, started_at, row_number() OVER (PARTITION BY source_id, started_at ORDER BY row_no) AS nth FROM ${sql.table(table)}) l
      JOIN usage_records u ON u.source_id = l.source_id AND u.started_at = l.started_at
      WHERE u.batch_id <> ${batchId} OR l.nth > 1
      RETURNING 1
    ) SELECT count(*)::int AS n FROM repeats`.execute(trx);
  return result.rows[0].n;
}
