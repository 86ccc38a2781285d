import { sql, type RawBuilder } from 'kysely';
import type { RequestContext } from '../../platform/access/context.ts';
import { customerScope } from '../customers/index.ts';
import type { Db } from '../../platform/db.ts';
import { churnedCustomers } from './churn-source.ts';
import { revenueByCustomer } from './revenue.ts';
import type { CustomerStats, CustomerStatsQuery, CustomerStatsRow } from './stats.schema.ts';
import '../customers/index.ts';
import { monthSpan, reportPeriod } from '../../platform/clock.ts';
import { localizedName } from '../../platform/localized-name.ts';

/** The default period: the twelve months up to today. */
export function statsPeriod(f: { from?: string; to?: string }): { from: string; to: string } {
  return reportPeriod(f);
}

const KEY = {
  region: sql<string>`c.region_id::text`,
  category: sql<string>`c.category`,
  level: sql<string>`c.level`,
  lifecycle: sql<string>`c.lifecycle`,
  // The segment an analyst published (segmentation module); '' for customers in none.
  segment: sql<string>`coalesce(c.segment, '')`,
} as const;

interface CountRow {
  key: string;
  label: string;
  active: string;
  new: string;
  cancelled: string;
  churned: string;
}

/**
 * Customers by region, category, level or lifecycle over a period (on the books at its end, opened,
 * cancelled and churned in it), or the same per month. Counted in SQL inside the caller's data scope;
 * revenue and ARPU come from billing's monthly usage profiles when there are any.
 */
export async function customerStats(db: Db, ctx: RequestContext, f: CustomerStatsQuery): Promise<CustomerStats> {
  const { from, to } = statsPeriod(f);
  const scope = customerScope(ctx);
  const region = f.region
    ? sql<boolean>`c.region_id IN (SELECT id FROM org_units WHERE path LIKE (SELECT path || '%' FROM org_units WHERE id = ${f.region}))`
    : sql<boolean>`true`;
  const churned = churnedCustomers();
  const churnedIn = (a: RawBuilder<unknown> | string, b: RawBuilder<unknown> | string) =>
    churned ? sql`c.id IN (${churned(a as string, b as string)})` : sql`false`;

  let rows: CountRow[];
  if (f.groupBy === 'month') {
    rows = (
      await sql<CountRow>`
      WITH months AS (SELECT generate_series(date_trunc('month', ${from}::date), date_trunc('month', ${to}::date), interval '1 month') AS m)
      SELECT to_char(m, 'YYYY-MM') AS key, to_char(m, 'YYYY-MM') AS label,
        count(c.id) FILTER (WHERE c.created_at < m + interval '1 month' AND (c.cancelled_at IS NULL OR c.cancelled_at >= m + interval '1 month')) AS active,
        count(c.id) FILTER (WHERE c.created_at >= m AND c.created_at < m + interval '1 month') AS new,
        count(c.id) FILTER (WHERE c.cancelled_at >= m AND c.cancelled_at < m + interval '1 month') AS cancelled,
        count(c.id) FILTER (WHERE ${churnedIn(sql`m::date`, sql`(m + interval '1 month' - interval '1 day')::date`)}) AS churned
      FROM months LEFT JOIN customers c ON c.status <> 'merged' AND c.created_at < m + interval '1 month' AND ${scope} AND ${region}
      GROUP BY m ORDER BY m`.execute(db)
    ).rows;
  } else {
    const key = KEY[f.groupBy];
    const label = f.groupBy === 'region' ? sql`min(${localizedName(ctx, 'o')})` : key;
    rows = (
      await sql<CountRow>`
      SELECT ${key} AS key, ${label} AS label,
        count(*) FILTER (WHERE c.created_at < ${to}::date + 1 AND (c.cancelled_at IS NULL OR c.cancelled_at >= ${to}::date + 1)) AS active,
        count(*) FILTER (WHERE c.created_at >= ${from}::date AND c.created_at < ${to}::date + 1) AS new,
        count(*) FILTER (WHERE c.cancelled_at >= ${from}::date AND c.cancelled_at < ${to}::date + 1) AS cancelled,
        count(*) FILTER (WHERE ${churnedIn(from, to)}) AS churned
      FROM customers c JOIN org_units o ON o.id = c.region_id
      WHERE c.status <> 'merged' AND c.created_at < ${to}::date + 1 AND ${scope} AND ${region}
      GROUP BY ${key} ORDER BY count(*) FILTER (WHERE c.created_at < ${to}::date + 1 AND (c.cancelled_at IS NULL OR c.cancelled_at >= ${to}::date + 1)) DESC, ${key}`.execute(
        db,
      )
    ).rows;
  }

  const revenue = await revenueByGroup(db, ctx, f.groupBy, from, to);
  const months = monthSpan(from, to);
  const out: CustomerStatsRow[] = rows.map((r) => {
    const active = Number(r.active);
    const cents = revenue?.get(r.key) ?? (revenue ? 0 : null);
    // ARPU: revenue per customer on the books per month of the period (a single month when grouped by month).
    const perMonths = f.groupBy === 'month' ? 1 : months;
    return {
      key: r.key,
      label: r.label,
      active,
      new: Number(r.new),
      cancelled: Number(r.cancelled),
      churned: Number(r.churned),
      revenue: cents === null ? null : (cents / 100).toFixed(2),
      arpu: cents === null || active === 0 ? null : (cents / 100 / active / perMonths).toFixed(2),
    };
  });
  return { groupBy: f.groupBy, from, to, rows: out, totals: totalsOf(out, f.groupBy, months) };
}

function totalsOf(rows: CustomerStatsRow[], groupBy: CustomerStatsQuery['groupBy'], months: number): CustomerStatsRow {
  const sum = (k: 'new' | 'cancelled' | 'churned') => rows.reduce((a, r) => a + r[k], 0);
  // By month, "on the books" is the last month's figure, not a sum over months.
  const active = groupBy === 'month' ? (rows.at(-1)?.active ?? 0) : rows.reduce((a, r) => a + r.active, 0);
  const hasRevenue = rows.some((r) => r.revenue !== null);
  const cents = rows.reduce((a, r) => a + Math.round(Number(r.revenue ?? 0) * 100), 0);
  const activeMonths = groupBy === 'month' ? rows.reduce((a, r) => a + r.active, 0) : active * months;
  return {
    key: 'total',
    label: 'total',
    active,
    new: sum('new'),
    cancelled: sum('cancelled'),
    churned: sum('churned'),
    revenue: hasRevenue ? (cents / 100).toFixed(2) : null,
    arpu: hasRevenue && activeMonths ? (cents / 100 / activeMonths).toFixed(2) : null,
  };
}

/** Revenue in cents per group key, or null when billing has no profiles for the period. */
async function revenueByGroup(
  db: Db,
  ctx: RequestContext,
  groupBy: CustomerStatsQuery['groupBy'],
  from: string,
  to: string,
): Promise<Map<string, number> | null> {
  const byCustomer = await revenueByCustomer(db, ctx, from, to);
  if (!byCustomer) return null;
  const groups = new Map<string, number>();
  if (groupBy === 'month') {
    for (const [month, cents] of byCustomer.totalsByMonth) groups.set(month, cents);
    return groups;
  }
  const ids = [...byCustomer.byCustomer.keys()];
  for (let i = 0; i < ids.length; i += 5000) {
    const keys = await db
      .selectFrom('customers as c')
      .select(['c.id', KEY[groupBy].as('key')])
      .where('c.id', 'in', ids.slice(i, i + 5000))
      .execute();
    for (const k of keys) groups.set(k.key, (groups.get(k.key) ?? 0) + byCustomer.byCustomer.get(k.id)!);
  }
  return groups;
}
