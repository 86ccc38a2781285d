import type { App, Services } from '../../platform/module.ts';
import { CustomerStats, CustomerStatsQuery } from './stats.schema.ts';
import { customerStats } from './customer-stats.ts';
import { attachment, toXlsx, XLSX_TYPE } from './xlsx-export.ts';

const HEADERS = {
  zh: {
    title: '客户统计',
    key: '分组',
    active: '在网客户',
    new: '新增',
    cancelled: '销户',
    churned: '流失',
    revenue: '收入(元)',
    arpu: 'ARPU(元)',
  },
  en: {
    title: 'Customer statistics',
    key: 'Group',
    active: 'On the books',
    new: 'New',
    cancelled: 'Cancelled',
    churned: 'Churned',
    revenue: 'Revenue (¥)',
    arpu: 'ARPU (¥)',
  },
};

export function statsRoutes(app: App, { db }: Services): void {
  const tags = ['stats'];
  app.get(
    '/api/stats/customers',
    {
      config: { permission: 'stats:view' },
      schema: { tags, querystring: CustomerStatsQuery, response: { 200: CustomerStats } },
    },
    (req) => customerStats(db, req.ctx, req.query),
  );
  app.get(
    '/api/stats/customers.xlsx',
    { config: { permission: 'stats:export' }, schema: { tags, querystring: CustomerStatsQuery } },
    async (req, reply) => {
      const stats = await customerStats(db, req.ctx, req.query);
      const h = HEADERS[req.ctx.locale === 'en' ? 'en' : 'zh'];
      const money = (v: string | null) => (v === null ? null : Number(v));
      const xlsx = await toXlsx(
        `${h.title} ${stats.from} – ${stats.to}`,
        [
          { header: h.key, value: (r) => r.label },
          { header: h.active, value: (r) => r.active },
          { header: h.new, value: (r) => r.new },
          { header: h.cancelled, value: (r) => r.cancelled },
          { header: h.churned, value: (r) => r.churned },
          { header: h.revenue, value: (r) => money(r.revenue), format: '#,##0.00' },
          { header: h.arpu, value: (r) => money(r.arpu), format: '#,##0.00' },
        ],
        [...stats.rows, stats.totals],
      );
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(`customers-${stats.groupBy}-${stats.from}-${stats.to}.xlsx`))
        .send(xlsx);
    },
  );
}
