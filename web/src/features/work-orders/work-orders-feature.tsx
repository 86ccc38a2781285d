import type { Feature } from '../../app/feature-types.ts';
import { WorkOrderListPage } from './components/work-order-list-page.tsx';
import { WorkOrderPage } from './components/work-order-page.tsx';
import { WorkOrderStatsPage } from './components/work-order-stats-page.tsx';
import { RoutingSettingsPage } from './components/routing-settings-page.tsx';

export const workOrdersFeature: Feature = {
  id: 'work-orders',
  routes: [
    { path: '/work-orders', element: <WorkOrderListPage />, permission: 'work-orders:view' },
    { path: '/work-orders/stats', element: <WorkOrderStatsPage />, permission: 'work-orders:view' },
    { path: '/work-orders/settings', element: <RoutingSettingsPage />, permission: 'work-orders:admin' },
    { path: '/work-orders/:id', element: <WorkOrderPage />, permission: 'work-orders:view' },
  ],
  nav: [
    {
      to: '/work-orders',
      label: { zh: '服务工单', en: 'Work orders' },
      icon: 'ticket',
      permission: 'work-orders:view',
      order: 30,
    },
  ],
};
