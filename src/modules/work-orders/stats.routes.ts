import type { App, Services } from '../../platform/module.ts';
import { StatsQuery } from './work-orders.schema.ts';
import { workOrderStats } from './stats.ts';
import { statsWorkbook } from './stats-export.ts';

export function statsRoutes(app: App, { db }: Services): void {
  const tags = ['work-orders'];
  app.get(
    '/api/work-orders/stats',
    { config: { permission: 'work-orders:view' }, schema: { tags, querystring: StatsQuery } },
    (req) => workOrderStats(db, req.ctx, req.query),
  );
  app.get(
    '/api/work-orders/stats.xlsx',
    { config: { permission: 'work-orders:export' }, schema: { tags, querystring: StatsQuery } },
    async (req, reply) => {
      const stats = await workOrderStats(db, req.ctx, req.query);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="work-orders-${stats.from}-${stats.to}.xlsx"`)
        .send(await statsWorkbook(stats, req.ctx.locale === 'en'));
    },
  );
}
