import { textFor } from '../../platform/access/masking.ts';
import type { RequestContext } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit.ts';
import { toBusinessDateTime } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { encodeCursor } from '../../platform/http/schemas.ts';
import { toXlsx, type XlsxColumn } from '../stats/index.ts';
import { type AuditFilters, type AuditRow, listAudit } from './audit-queries.ts';

/** An export holds at most this many rows (newest first); narrower filters get the rest. */
export const EXPORT_MAX_ROWS = 50_000;
const BATCH = 1_000;

const HEADERS = {
  'zh-CN': ['编号', '时间', '操作人编号', '操作人', 'IP 地址', '操作', '对象', '对象编号', '详情'],
  en: ['Id', 'When', 'Actor id', 'Actor', 'IP address', 'Action', 'Entity', 'Entity id', 'Details'],
};

/** One row as the viewer sees it on the page: details masked for a caller without `sensitive:view`. */
function cells(ctx: RequestContext, r: AuditRow): (string | null)[] {
  return [
    r.id,
    toBusinessDateTime(new Date(r.at)),
    r.actorId,
    r.actorName,
    r.ip,
    r.action,
    r.entity,
    r.entityId,
    textFor(ctx, JSON.stringify(r.changes)),
  ];
}

const csvCell = (v: string | null) => {
  const s = v ?? '';
  // A leading = + - @ would run as a formula in a spreadsheet: quote it with an apostrophe.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * The filtered audit log as a file for an auditor (xlsx or CSV with a BOM, so Excel reads the Chinese), masked as
 * the viewer sees it. The export itself is an audit row (`export`, entity `audit_log`) naming the filters and the count.
 */
export async function exportAudit(
  db: Db,
  ctx: RequestContext,
  filters: AuditFilters,
  format: 'xlsx' | 'csv',
): Promise<{ body: Buffer; rows: number }> {
  const all: AuditRow[] = [];
  let cursor: string | undefined;
  do {
    const { rows, lastId } = await listAudit(db, filters, Math.min(BATCH, EXPORT_MAX_ROWS - all.length), cursor);
    all.push(...rows);
    cursor = rows.length === BATCH && lastId ? encodeCursor(lastId) : undefined;
  } while (cursor && all.length < EXPORT_MAX_ROWS);
  await recordAudit(db, ctx, {
    action: 'export',
    entity: 'audit_log',
    changes: { format, rows: all.length, filters },
  });
  const headers = HEADERS[ctx.locale === 'en' ? 'en' : 'zh-CN'];
  if (format === 'csv') {
    const lines = [headers, ...all.map((r) => cells(ctx, r))].map((row) => row.map(csvCell).join(','));
    return { body: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'), rows: all.length };
  }
  const columns: XlsxColumn<AuditRow>[] = headers.map((header, i) => ({ header, value: (r) => cells(ctx, r)[i] }));
  const title = ctx.locale === 'en' ? 'Audit log' : '审计日志';
  return { body: await toXlsx(title, columns, all), rows: all.length };
}
