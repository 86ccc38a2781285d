import type { Feature } from '../../app/feature-types.ts';
import { StatsDashboardPage } from './components/stats-dashboard-page.tsx';

export const statsFeature: Feature = {
  id: 'stats',
  routes: [{ path: '/stats', element: <StatsDashboardPage />, permission: 'stats:view' }],
  nav: [
    { to: '/stats', label: { zh: '客户统计', en: 'Statistics' }, icon: 'chart', permission: 'stats:view', order: 60 },
  ],
};
