import { sql, type RawBuilder } from 'kysely';
import type { RequestContext } from '../../platform/access/context.ts';
import { customerScope } from '../customers/index.ts';
import type { Db } from '../../platform/db.ts';
import { toXlsx } from '../stats/index.ts';
import { packageSegmentsSql } from '../products/index.ts';
import type { ChurnReport, ChurnReportQuery } from './churn.schema.ts';
import { inRegion } from './churn-records.repository.ts';
import { reportPeriod } from '../../platform/clock.ts';
import { localizedName } from '../../platform/localized-name.ts';

const GROUP_KEY: Record<Exclude<ChurnReportQuery['groupBy'], 'month' | 'package'>, RawBuilder<string>> = {
  region: sql<string>`b.region_id::text`,
  category: sql<string>`b.category`,
  level: sql<string>`b.level`,
  segment: sql<string>`coalesce(b.segment, '')`,
  reason: sql<string>`r.reason_category`,
};

/**
 * Churn rate = customers who churned in the period ÷ customers on the books at some point in it (since
 * before its end, not churned before its start). A customer's "since" is the earlier of the account's
 * opening and its first churn record, so customers imported after they left still count in the base.
 * By month, each month is its own period; by reason, the base is everyone (the rates add up to the total);
 * by package, see churnedByPackage.
 */
export async function churnReport(db: Db, ctx: RequestContext, f: ChurnReportQuery): Promise<ChurnReport> {
  const { from, to } = reportPeriod(f);
  const scope = customerScope(ctx);
  const region = f.region ? inRegion('c.region_id', f.region) : sql<boolean>`true`;
  const base = sql`
    WITH first_churn AS (SELECT customer_id, min(churned_on) AS churned_on FROM churn_records GROUP BY customer_id),
    book AS (
      SELECT c.id, c.region_id, c.category, c.level, c.segment, LEAST(c.created_at::date, fc.churned_on) AS since, fc.churned_on AS first_churn
      FROM customers c LEFT JOIN first_churn fc ON fc.customer_id = c.id
      WHERE c.status <> 'merged' AND ${scope} AND ${region})`;
  let rows: { key: string; label: string; churned: string; base: string }[];
  if (f.groupBy === 'month') {
    rows = (
      await sql<{ key: string; label: string; churned: string; base: string }>`${base},
      months AS (SELECT generate_series(date_trunc('month', ${from}::date), date_trunc('month', ${to}::date), interval '1 month')::date AS m)
      SELECT to_char(m, 'YYYY-MM') AS key, to_char(m, 'YYYY-MM') AS label,
        (SELECT count(*) FROM churn_records r JOIN book b ON b.id = r.customer_id
          WHERE r.churned_on >= m AND r.churned_on < (m + interval '1 month')::date) AS churned,
        (SELECT count(*) FROM book b WHERE b.since < (m + interval '1 month')::date AND (b.first_churn IS NULL OR b.first_churn >= m)) AS base
      FROM months ORDER BY m`.execute(db)
    ).rows;
  } else if (f.groupBy === 'package') {
    rows = (
      await sql<{ key: string; label: string; churned: string; base: string }>`${base},
      churned AS (${churnedByPackage(from, to)}),
      kept AS (
        SELECT ps.product_name AS key, count(DISTINCT b.id) AS kept FROM book b JOIN (${packageSegmentsSql(monthStart(to))}) ps ON ps.customer_id = b.id
        WHERE b.since <= ${to}::date AND (b.first_churn IS NULL OR b.first_churn > ${to}::date) GROUP BY 1)
      SELECT ch.key, ch.key AS label, ch.churned, ch.churned + COALESCE(k.kept, 0) AS base
      FROM churned ch LEFT JOIN kept k ON k.key = ch.key ORDER BY ch.churned DESC, ch.key`.execute(db)
    ).rows;
  } else {
    const key = GROUP_KEY[f.groupBy];
    const active = sql`b.since <= ${to}::date AND (b.first_churn IS NULL OR b.first_churn >= ${from}::date)`;
    // By reason every churner is measured against the whole base; otherwise against the group's own base.
    const denominator =
      f.groupBy === 'reason'
        ? sql`denom AS (SELECT count(*) AS base FROM book b WHERE ${active})`
        : sql`denom AS (SELECT ${key} AS key, count(*) AS base FROM book b WHERE ${active} GROUP BY 1)`;
    const join = f.groupBy === 'reason' ? sql`CROSS JOIN denom d` : sql`LEFT JOIN denom d ON d.key = ch.key`;
    const label =
      f.groupBy === 'region'
        ? sql`(SELECT ${localizedName(ctx, 'o')} FROM org_units o WHERE o.id = ch.key::bigint)`
        : sql`ch.key`;
    rows = (
      await sql<{ key: string; label: string; churned: string; base: string }>`${base},
      churned AS (SELECT ${key} AS key, count(*) AS churned FROM churn_records r JOIN book b ON b.id = r.customer_id
        WHERE r.churned_on BETWEEN ${from}::date AND ${to}::date GROUP BY 1),
      ${denominator}
      SELECT ch.key, ${label} AS label, ch.churned, COALESCE(d.base, 0) AS base
      FROM churned ch ${join} ORDER BY ch.churned DESC, ch.key`.execute(db)
    ).rows;
  }
  return {
    groupBy: f.groupBy,
    from,
    to,
    rows: rows.map((r) => ({
      key: r.key,
      label: r.label,
      churned: Number(r.churned),
      base: Number(r.base),
      rate: Number(r.base) ? Math.round((Number(r.churned) / Number(r.base)) * 10000) / 10000 : null,
    })),
  };
}

function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/**
 * Churners by the package they had in the month they left (from the products module). By package the
 * base is those churners plus the customers still on that package at the end of the period.
 */
function churnedByPackage(from: string, to: string) {
  // The products module's package query takes the month as SQL; here it is the month of each churner's last day
  // as a customer (a package ended by a cancellation on the 1st has no day in that month).
  const churnMonth = sql`date_trunc('month', r.churned_on - 1)::date` as unknown as string;
  return sql`
    SELECT coalesce(pk.product_name, '') AS key, count(*) AS churned
    FROM churn_records r JOIN book b ON b.id = r.customer_id
    LEFT JOIN LATERAL (SELECT ps.product_name FROM (${packageSegmentsSql(churnMonth)}) ps WHERE ps.customer_id = r.customer_id
      ORDER BY ps.seg_end DESC LIMIT 1) pk ON true
    WHERE r.churned_on BETWEEN ${from}::date AND ${to}::date GROUP BY 1`;
}

const HEADERS = {
  zh: { title: '流失率报表', key: '分组', churned: '流失客户数', base: '客户基数', rate: '流失率' },
  en: { title: 'Churn rate report', key: 'Group', churned: 'Churned', base: 'Customer base', rate: 'Churn rate' },
};

export function churnReportXlsx(ctx: RequestContext, report: ChurnReport): Promise<Buffer> {
  const h = HEADERS[ctx.locale === 'en' ? 'en' : 'zh'];
  return toXlsx(
    `${h.title} ${report.from} – ${report.to}`,
    [
      { header: h.key, value: (r) => r.label },
      { header: h.churned, value: (r) => r.churned },
      { header: h.base, value: (r) => r.base },
      { header: h.rate, value: (r) => r.rate, format: '0.00%' },
    ],
    report.rows,
  );
}
