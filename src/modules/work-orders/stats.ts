import { sql } from 'kysely';
import type { RequestContext } from '../../platform/access/context.ts';
import type { Db } from '../../platform/db.ts';
import { workOrderScope } from './work-orders.repository.ts';
import type { StatsQuery } from './work-orders.schema.ts';
import { addDays, endOfBusinessDay, startOfBusinessDay, today } from '../../platform/clock.ts';
import { BUSINESS_TYPE_LABELS } from '../../shared/work-order-enums.ts';

export interface WorkOrderStats {
  from: string;
  to: string;
  granularity: StatsQuery['granularity'];
  totals: {
    count: number;
    avgResponseMinutes: number | null;
    avgResolveMinutes: number | null;
    breachRate: number;
    reopenRate: number;
    visited: number;
  };
  satisfaction: { key: string; count: number }[];
  byType: { key: string; label: string; count: number }[];
  byBusinessType: { key: string; label: string; count: number }[];
  byRegion: { key: string; label: string; count: number }[];
  byDepartment: { key: string; label: string; count: number }[];
  series: { period: string; created: number; resolved: number; breached: number }[];
}

/** Counts and averages over the work orders accepted in [from, to] that the caller can see, in China time. */
export async function workOrderStats(db: Db, ctx: RequestContext, q: StatsQuery): Promise<WorkOrderStats> {
  // Days are business days (the database session speaks the business time zone).
  const to = q.to ?? today();
  const from = q.from ?? addDays(to, -29);
  const base = () =>
    db
      .selectFrom('work_orders as w')
      .where('w.created_at', '>=', startOfBusinessDay(from))
      .where('w.created_at', '<', endOfBusinessDay(to))
      .where(workOrderScope(ctx));
  const num = (v: unknown) => Number(v ?? 0);
  const en = ctx.locale === 'en';

  const totals = await base()
    .select([
      sql<string>`count(*)`.as('count'),
      sql<string | null>`round(avg(extract(epoch FROM w.responded_at - w.created_at) / 60)::numeric, 1)`.as(
        'avg_response',
      ),
      sql<string | null>`round(avg(extract(epoch FROM w.resolved_at - w.created_at) / 60)::numeric, 1)`.as(
        'avg_resolve',
      ),
      sql<string>`count(*) FILTER (WHERE w.response_breached OR w.resolve_breached)`.as('breached'),
      sql<string>`count(*) FILTER (WHERE w.reopen_count > 0)`.as('reopened'),
      sql<string>`count(*) FILTER (WHERE w.satisfaction IS NOT NULL)`.as('visited'),
    ])
    .executeTakeFirstOrThrow();
  const count = num(totals.count);

  const grouped = async (
    key: 'w.type_id' | 'w.business_type' | 'w.region_id' | 'w.department_id',
    label: (k: string) => unknown,
  ) => {
    const rows = await base()
      .select([sql<string | null>`${sql.ref(key)}::text`.as('key'), sql<string>`count(*)`.as('count')])
      .groupBy(key)
      .orderBy(sql`count(*)`, 'desc')
      .execute();
    return rows.map((r) => ({
      key: r.key ?? '',
      label: r.key === null ? (en ? 'Not dispatched' : '未派单') : String(label(r.key)),
      count: num(r.count),
    }));
  };
  const names = async (table: 'work_order_types' | 'org_units') =>
    new Map(
      (await db.selectFrom(table).select(['id', 'name', 'name_en']).execute()).map((r) => [
        r.id,
        (en ? r.name_en : null) ?? r.name,
      ]),
    );
  const typeNames = await names('work_order_types');
  const orgNames = await names('org_units');

  const series = await base()
    .select([
      sql<string>`to_char(date_trunc(${q.granularity}, w.created_at), 'YYYY-MM-DD')`.as('period'),
      sql<string>`count(*)`.as('created'),
      sql<string>`count(*) FILTER (WHERE w.resolved_at IS NOT NULL)`.as('resolved'),
      sql<string>`count(*) FILTER (WHERE w.response_breached OR w.resolve_breached)`.as('breached'),
    ])
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute();

  const satisfaction = await base()
    .select(['w.satisfaction as key', sql<string>`count(*)`.as('count')])
    .where('w.satisfaction', 'is not', null)
    .groupBy('w.satisfaction')
    .execute();

  return {
    from,
    to,
    granularity: q.granularity,
    totals: {
      count,
      avgResponseMinutes: totals.avg_response === null ? null : Number(totals.avg_response),
      avgResolveMinutes: totals.avg_resolve === null ? null : Number(totals.avg_resolve),
      breachRate: count ? num(totals.breached) / count : 0,
      reopenRate: count ? num(totals.reopened) / count : 0,
      visited: num(totals.visited),
    },
    satisfaction: satisfaction.map((r) => ({ key: r.key!, count: num(r.count) })),
    byType: await grouped('w.type_id', (k) => typeNames.get(k) ?? k),
    byBusinessType: await grouped(
      'w.business_type',
      (k) => BUSINESS_TYPE_LABELS[k as keyof typeof BUSINESS_TYPE_LABELS]?.[en ? 'en' : 'zh'] ?? k,
    ),
    byRegion: await grouped('w.region_id', (k) => orgNames.get(k) ?? k),
    byDepartment: await grouped('w.department_id', (k) => orgNames.get(k) ?? k),
    series: series.map((r) => ({
      period: r.period,
      created: num(r.created),
      resolved: num(r.resolved),
      breached: num(r.breached),
    })),
  };
}
