import path from 'node:path';
import { registerPermissionArea } from '../../platform/access/permissions.ts';
import type { CrmModule } from '../../platform/module.ts';
import { statsRoutes } from './stats.routes.ts';

registerPermissionArea('stats', { zh: '统计分析', en: 'Statistics' });

export const statsModule: CrmModule = {
  name: 'stats',
  migrationsDir: path.resolve(import.meta.dirname, 'migrations'),
  routes: statsRoutes,
};

// What other modules may use: the same xlsx export for their reports.
export { toXlsx, attachment, XLSX_TYPE, type XlsxColumn } from './xlsx-export.ts';
export { registerChurnedCustomers } from './churn-source.ts';
export { customerStats } from './customer-stats.ts';
export { CustomerStatsQuery } from './stats.schema.ts';
