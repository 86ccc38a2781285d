import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import type { RequestContext } from '../../platform/access/context.ts';
import type { Db } from '../../platform/db.ts';
import { visibleCustomerIds } from '../customers/index.ts';
import { monthStart } from './usage-profiles.ts';

/**
 * Consumption statistics for managers, from the bills of customers inside the caller's data scope:
 * revenue by month (with ARPU: revenue ÷ billed customers), by product, by region, and the top spenders.
 */
export async function consumptionStats(db: Db, ctx: RequestContext, range: { from: string; to: string }) {
  const from = monthStart(range.from);
  const to = monthStart(range.to);
  const scoped = sql`b.month BETWEEN ${from}::date AND ${to}::date AND b.customer_id IN (${visibleCustomerIds(db, ctx)})`;
  const [byMonth, byProduct, byRegion, top] = await Promise.all([
    sql<{
      month: string;
      revenue: string;
      customers: number;
      arpu: string;
    }>`SELECT to_char(b.month, 'YYYY-MM') AS month, sum(b.total)::text AS revenue,
        count(*)::int AS customers, round(sum(b.total) / count(*), 2)::text AS arpu
      FROM bills b WHERE ${scoped} GROUP BY b.month ORDER BY b.month`.execute(db),
    sql<{
      product: string;
      revenue: string;
      customers: number;
    }>`SELECT p.name AS product, sum(i.amount)::text AS revenue, count(DISTINCT i.customer_id)::int AS customers
      FROM bills b JOIN bill_items i ON i.bill_id = b.id JOIN products p ON p.id = i.product_id
      WHERE ${scoped} GROUP BY p.name ORDER BY sum(i.amount) DESC`.execute(db),
    sql<{
      region: string;
      revenue: string;
      customers: number;
      arpu: string;
    }>`SELECT o.name AS region, sum(b.total)::text AS revenue,
        count(DISTINCT b.customer_id)::int AS customers, round(sum(b.total) / count(*), 2)::text AS arpu
      FROM bills b JOIN customers c ON c.id = b.customer_id JOIN org_units o ON o.id = c.region_id
      WHERE ${scoped} GROUP BY o.name ORDER BY sum(b.total) DESC`.execute(db),
    sql<{
      customer_id: string;
      customer_no: string;
      name: string;
      total: string;
    }>`SELECT b.customer_id::text, c.customer_no, c.name, sum(b.total)::text AS total
      FROM bills b JOIN customers c ON c.id = b.customer_id WHERE ${scoped}
      GROUP BY b.customer_id, c.customer_no, c.name ORDER BY sum(b.total) DESC, b.customer_id LIMIT 10`.execute(db),
  ]);
  return {
    from: from.slice(0, 7),
    to: to.slice(0, 7),
    byMonth: byMonth.rows,
    byProduct: byProduct.rows,
    byRegion: byRegion.rows,
    topSpenders: top.rows.map((t) => ({
      customerId: t.customer_id,
      customerNo: t.customer_no,
      name: t.name,
      total: t.total,
    })),
  };
}

type Stats = Awaited<ReturnType<typeof consumptionStats>>;

/** The same figures as a workbook, one sheet each, amounts as numbers formatted to the fen. */
export async function statsWorkbook(stats: Stats, locale: 'zh-CN' | 'en'): Promise<Buffer> {
  const zh = locale !== 'en';
  const book = new ExcelJS.Workbook();
  const sheet = (
    name: string,
    columns: [string, string, 'text' | 'money' | 'int'][],
    rows: Record<string, unknown>[],
  ) => {
    const ws = book.addWorksheet(name);
    ws.columns = columns.map(([key, header, type]) => ({
      key,
      header,
      width: 18,
      style: type === 'money' ? { numFmt: '#,##0.00' } : {},
    }));
    for (const r of rows)
      ws.addRow(Object.fromEntries(columns.map(([key, , type]) => [key, type === 'money' ? Number(r[key]) : r[key]])));
  };
  sheet(
    zh ? '按月' : 'By month',
    [
      ['month', zh ? '月份' : 'Month', 'text'],
      ['revenue', zh ? '收入' : 'Revenue', 'money'],
      ['customers', zh ? '出账客户' : 'Billed customers', 'int'],
      ['arpu', 'ARPU', 'money'],
    ],
    stats.byMonth,
  );
  sheet(
    zh ? '按产品' : 'By product',
    [
      ['product', zh ? '产品' : 'Product', 'text'],
      ['revenue', zh ? '收入' : 'Revenue', 'money'],
      ['customers', zh ? '客户数' : 'Customers', 'int'],
    ],
    stats.byProduct,
  );
  sheet(
    zh ? '按地区' : 'By region',
    [
      ['region', zh ? '地区' : 'Region', 'text'],
      ['revenue', zh ? '收入' : 'Revenue', 'money'],
      ['customers', zh ? '客户数' : 'Customers', 'int'],
      ['arpu', 'ARPU', 'money'],
    ],
    stats.byRegion,
  );
  sheet(
    zh ? '消费排行' : 'Top spenders',
    [
      ['customerNo', zh ? '客户编号' : 'Customer no.', 'text'],
      ['name', zh ? '客户' : 'Customer', 'text'],
      ['total', zh ? '消费' : 'Spend', 'money'],
    ],
    stats.topSpenders,
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
