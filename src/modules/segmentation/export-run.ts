import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { RequestContext } from '../../platform/access/context.ts';
import { idCardFor, phoneFor } from '../../platform/access/masking.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { exportTable, type ExportCell, type ExportFormat } from '../../platform/files/table-export.ts';
import { customerScope } from '../customers/index.ts';
import * as repo from './segmentation.repository.ts';
import { segmentationError } from './segmentation.errors.ts';
import type { StoredResult } from './segmentation.schema.ts';
import { VARIABLES } from './variables.ts';

export type RunExport = 'profiles' | 'assignments';
/** Customers per page read for an assignments export (keyset on customer id). */
const PAGE = 5000;

/**
 * A finished run as a download: its segment profiles (size, share and each variable's mean per segment, then the
 * whole population), or each customer's segment. Customers are those the viewer may see; phone and ID card are
 * masked as the viewer sees them elsewhere. The export is audited.
 */
export async function exportRun(
  db: Db,
  ctx: RequestContext,
  id: string,
  what: RunExport,
  format: ExportFormat,
): Promise<{ fileName: string; body: Readable }> {
  const run = await repo.findRun(db, ctx, id);
  if (!run) throw segmentationError('RUN_NOT_FOUND');
  const result = run.result as StoredResult | null;
  if (run.status !== 'done' || !result) throw segmentationError('RUN_NOT_FINISHED');
  const en = ctx.locale === 'en';
  const t = (zh: string, english: string) => (en ? english : zh);
  const names = (run.cluster_names as string[] | null) ?? result.suggestedNames.map((n) => (en ? n.en : n.zh));
  await recordAudit(db, ctx, {
    action: 'export',
    entity: 'segmentation_run',
    entityId: id,
    changes: { what, format },
  });
  const fileName = `${t('客户细分', 'segmentation')}-${id}-${what === 'profiles' ? t('画像', 'profiles') : t('客户', 'customers')}.${format}`;
  if (what === 'profiles') {
    const total = result.sizes.reduce((a, b) => a + b, 0);
    const round = (v: number) => Math.round(v * 100) / 100;
    const rows: ExportCell[][] = result.profiles.map((p, c) => [
      c + 1,
      names[c] ?? '',
      result.sizes[c],
      total ? round((result.sizes[c] / total) * 100) : 0,
      ...p.map(round),
    ]);
    rows.push(['', t('全部客户', 'All customers'), total, 100, ...result.overall.map(round)]);
    const header = [
      t('细分', 'Segment'),
      t('名称', 'Name'),
      t('客户数', 'Customers'),
      t('占比（%）', 'Share (%)'),
      ...VARIABLES.map((v) => (en ? v.en : v.zh)),
    ];
    return { fileName, body: exportTable(format, t('细分画像', 'Profiles'), header, oneBatch(rows)) };
  }
  const header = [
    t('客户编号', 'Customer no.'),
    t('姓名 / 名称', 'Name'),
    t('联系电话', 'Phone'),
    t('身份证号', 'ID card'),
    t('所属地区', 'Region'),
    t('细分', 'Segment'),
    t('细分名称', 'Segment name'),
  ];
  return {
    fileName,
    body: exportTable(format, t('客户细分', 'Assignments'), header, assignmentPages(db, ctx, id, names)),
  };
}

async function* oneBatch(rows: ExportCell[][]): AsyncGenerator<ExportCell[][]> {
  yield rows;
}

async function* assignmentPages(db: Db, ctx: RequestContext, runId: string, names: string[]) {
  let after = '0';
  for (;;) {
    const rows = await db
      .selectFrom('segmentation_assignments as a')
      .innerJoin('customers as c', 'c.id', 'a.customer_id')
      .innerJoin('org_units as o', 'o.id', 'c.region_id')
      .select(['c.id', 'c.customer_no', 'c.name', 'c.phone', 'c.id_card', 'o.name as region', 'a.cluster'])
      .where('a.run_id', '=', runId)
      .where(customerScope(ctx))
      .where('a.customer_id', '>', sql<string>`${after}::bigint`)
      .orderBy('a.customer_id')
      .limit(PAGE)
      .execute();
    if (rows.length === 0) return;
    yield rows.map((r): ExportCell[] => [
      r.customer_no,
      r.name,
      phoneFor(ctx, r.phone),
      idCardFor(ctx, r.id_card),
      r.region,
      r.cluster + 1,
      names[r.cluster] ?? '',
    ]);
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1].id;
  }
}
