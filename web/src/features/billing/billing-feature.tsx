import type { CustomerTab, Feature } from '../../app/feature-types.ts';
import { ImportPage } from './components/import-page.tsx';
import { BillingRunsPage } from './components/billing-runs-page.tsx';
import { ConsumptionStatsPage } from './components/consumption-stats-page.tsx';
import { BalanceTab, BillsTab, PaymentsTab, UsageTab } from './components/customer-billing-tabs.tsx';

export const billingFeature: Feature = {
  id: 'billing',
  routes: [
    { path: '/billing/imports', element: <ImportPage />, permission: 'billing:import' },
    { path: '/billing/runs', element: <BillingRunsPage />, permission: 'billing:view' },
    { path: '/billing/stats', element: <ConsumptionStatsPage />, permission: 'billing:view' },
  ],
  nav: [
    {
      to: '/billing/stats',
      label: { zh: '消费统计', en: 'Consumption' },
      icon: 'chart',
      permission: 'billing:view',
      order: 62,
    },
    {
      to: '/billing/runs',
      label: { zh: '出账', en: 'Billing runs' },
      icon: 'bill',
      permission: 'billing:view',
      order: 64,
    },
    {
      to: '/billing/imports',
      label: { zh: '话单与缴费导入', en: 'Usage imports' },
      icon: 'bill',
      permission: 'billing:import',
      order: 66,
    },
  ],
};

/** The customer 360° tabs this feature adds (registered in app/customer-tabs.tsx). */
export const billingCustomerTabs: CustomerTab[] = [
  { key: 'usage', label: { zh: '使用量', en: 'Usage' }, permission: 'billing:view', component: UsageTab },
  { key: 'bills', label: { zh: '账单', en: 'Bills' }, permission: 'billing:view', component: BillsTab },
  { key: 'payments', label: { zh: '缴费', en: 'Payments' }, permission: 'billing:view', component: PaymentsTab },
  { key: 'balance', label: { zh: '余额', en: 'Balance' }, permission: 'billing:view', component: BalanceTab },
];
