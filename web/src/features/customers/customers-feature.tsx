import type { Feature } from '../../app/feature-types.ts';
import { CustomerListPage } from './components/customer-list-page.tsx';

export const customersFeature: Feature = {
  id: 'customers',
  routes: [
    { path: '/customers', element: <CustomerListPage />, permission: 'customers:view' },
  ],
  nav: [
    { to: '/customers', label: { zh: '客户', en: 'Customers' }, icon: '👥', permission: 'customers:view', order: 10 },
  ],
};
