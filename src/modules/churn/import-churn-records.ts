import type { RequestContext } from '../../platform/access/context.ts';
import { customerScope } from '../customers/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTransaction, type Db, type Trx } from '../../platform/db.ts';
import { churnError } from './churn.errors.ts';
import { REASON_CATEGORIES, type ReasonCategory } from './churn.tables.ts';
import type { ImportReport } from './churn.schema.ts';
import { pickColumn, readSheet } from './import-file.ts';
import { today as todayInBusiness } from '../../platform/clock.ts';

const COLUMNS = {
  customerNo: ['customerNo', '客户编号', '客户号'],
  churnedOn: ['churnedOn', '流失日期', '离网日期'],
  reasonCategory: ['reasonCategory', '流失原因', '原因类别', '原因'],
  competitor: ['competitor', '竞争对手', '转入运营商'],
  notes: ['notes', '备注'],
} as const;

/** Category labels as staff write them in a spreadsheet. */
const CATEGORY_LABELS: Record<string, ReasonCategory> = {
  价格: 'price',
  资费: 'price',
  网络质量: 'network_quality',
  网络: 'network_quality',
  服务: 'service',
  服务质量: 'service',
  搬迁: 'moved_away',
  迁出: 'moved_away',
  竞争对手优惠: 'competitor_offer',
  竞争对手: 'competitor_offer',
  其他: 'other',
};

function category(text: string): ReasonCategory | undefined {
  const t = text.trim();
  return (REASON_CATEGORIES as readonly string[]).includes(t.toLowerCase())
    ? (t.toLowerCase() as ReasonCategory)
    : CATEGORY_LABELS[t];
}

function isoDate(text: string): string | undefined {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

interface ParsedRow {
  row: number;
  customerNo: string;
  churnedOn: string;
  reasonCategory: string;
  competitor: string | null;
  notes: string | null;
  customerId?: string;
  errors: string[];
}

/**
 * Imports churned customers from the business system's export. Every row is checked first (customer in
 * the caller's scope, a real date not in the future, a known reason, not already recorded, not twice in
 * the file); the report lists each row's problems. Rows are written only when none has a problem, all
 * in one transaction: a file never half-applies.
 */
export async function importChurnRecords(
  db: Db,
  ctx: RequestContext,
  input: { fileName: string; content: string; dryRun: boolean },
): Promise<ImportReport> {
  let sheet: Awaited<ReturnType<typeof readSheet>>;
  try {
    sheet = await readSheet(input.fileName, Buffer.from(input.content, 'base64'));
  } catch (err) {
    throw churnError('UNREADABLE_FILE', { reason: err instanceof Error ? err.message.slice(0, 200) : 'unknown' });
  }
  if (sheet.length === 0) throw churnError('UNREADABLE_FILE', { reason: 'no data rows' });
  if (sheet.length > 100_000) throw churnError('UNREADABLE_FILE', { reason: 'more than 100,000 rows' });

  return withTransaction(db, async (trx) => {
    const rows = await checkRows(trx, ctx, sheet);
    const invalid = rows.filter((r) => r.errors.length).length;
    const report: ImportReport = {
      total: rows.length,
      valid: rows.length - invalid,
      invalid,
      imported: 0,
      rows: rows.map(({ row, customerNo, churnedOn, reasonCategory, competitor, errors }) => ({
        row,
        customerNo,
        churnedOn,
        reasonCategory,
        competitor,
        errors,
      })),
    };
    if (invalid > 0 && !input.dryRun) throw churnError('IMPORT_HAS_ERRORS', { errors: invalid, report });
    if (input.dryRun || invalid > 0) return report;
    for (let i = 0; i < rows.length; i += 1000) {
      await trx
        .insertInto('churn_records')
        .values(
          rows.slice(i, i + 1000).map((r) => ({
            customer_id: r.customerId!,
            churned_on: r.churnedOn,
            reason_category: category(r.reasonCategory) ?? 'other',
            competitor: r.competitor,
            notes: r.notes,
            source: 'import' as const,
            created_by: ctx.employeeId,
          })),
        )
        .execute();
    }
    await trx
      .deleteFrom('churn_risk_scores')
      .where(
        'customer_id',
        'in',
        rows.map((r) => r.customerId!),
      )
      .execute();
    await recordAudit(trx, ctx, {
      action: 'import',
      entity: 'churn_record',
      changes: { fileName: input.fileName, rows: rows.length },
    });
    return { ...report, imported: rows.length };
  });
}

async function checkRows(trx: Trx, ctx: RequestContext, sheet: Record<string, string>[]): Promise<ParsedRow[]> {
  const today = todayInBusiness();
  const rows: ParsedRow[] = sheet.map((cells, i) => {
    const r: ParsedRow = {
      row: i + 2,
      customerNo: pickColumn(cells, COLUMNS.customerNo).toUpperCase(),
      churnedOn: pickColumn(cells, COLUMNS.churnedOn),
      reasonCategory: pickColumn(cells, COLUMNS.reasonCategory) || 'other',
      competitor: pickColumn(cells, COLUMNS.competitor).slice(0, 100) || null,
      notes: pickColumn(cells, COLUMNS.notes).slice(0, 1000) || null,
      errors: [],
    };
    if (!r.customerNo) r.errors.push('customer number is missing');
    const date = isoDate(r.churnedOn);
    if (!date) r.errors.push('churn date is not a date (YYYY-MM-DD)');
    else if (date > today) r.errors.push('churn date is in the future');
    else r.churnedOn = date;
    if (!category(r.reasonCategory)) r.errors.push(`unknown reason "${r.reasonCategory}"`);
    return r;
  });

  const numbers = [...new Set(rows.map((r) => r.customerNo).filter(Boolean))];
  const ids = new Map<string, string>();
  for (let i = 0; i < numbers.length; i += 5000) {
    const found = await trx
      .selectFrom('customers as c')
      .select(['c.id', 'c.customer_no'])
      .where('c.customer_no', 'in', numbers.slice(i, i + 5000))
      .where(customerScope(ctx))
      .execute();
    for (const f of found) ids.set(f.customer_no, f.id);
  }
  const existing = new Set<string>();
  const customerIds = [...ids.values()];
  for (let i = 0; i < customerIds.length; i += 5000) {
    const found = await trx
      .selectFrom('churn_records')
      .select(['customer_id', 'churned_on'])
      .where('customer_id', 'in', customerIds.slice(i, i + 5000))
      .execute();
    for (const f of found) existing.add(`${f.customer_id}/${f.churned_on}`);
  }
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (!r.customerNo) continue;
    r.customerId = ids.get(r.customerNo);
    if (!r.customerId) {
      r.errors.push(`no customer ${r.customerNo} in your data scope`);
      continue;
    }
    const key = `${r.customerId}/${r.churnedOn}`;
    if (existing.has(key)) r.errors.push('already recorded for this customer and date');
    if (seen.has(key)) r.errors.push(`same customer and date as row ${seen.get(key)}`);
    else seen.set(key, r.row);
  }
  return rows;
}
