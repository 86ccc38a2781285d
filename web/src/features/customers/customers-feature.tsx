import type { Feature } from '../../app/feature-types.ts';
import { CustomerListPage } from './components/customer-list-page.tsx';
import { OpenAccountPage } from './components/open-account-page.tsx';
import { Customer360Page } from './components/customer-360-page.tsx';
import { MergeCustomersPage } from './components/merge-customers-page.tsx';
import { ImportCustomersPage } from './components/import-customers-page.tsx';

export const customersFeature: Feature = {
  id: 'customers',
  routes: [
    { path: '/customers', element: <CustomerListPage />, permission: 'customers:view' },
    { path: '/customers/new', element: <OpenAccountPage />, permission: 'customers:create' },
    { path: '/customers/import', element: <ImportCustomersPage />, permission: 'customers:create' },
    { path: '/customers/merge', element: <MergeCustomersPage />, permission: 'customers:admin' },
    { path: '/customers/:id', element: <Customer360Page />, permission: 'customers:view' },
  ],
  nav: [
    {
      to: '/customers',
      label: { zh: '客户查询', en: 'Customers' },
      icon: 'users',
      permission: 'customers:view',
      order: 10,
    },
    {
      to: '/customers/new',
      label: { zh: '开户', en: 'Open account' },
      icon: 'user-plus',
      permission: 'customers:create',
      order: 11,
    },
  ],
};
