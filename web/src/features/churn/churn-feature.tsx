import type { CustomerTab, Feature } from '../../app/feature-types.ts';
import { ChurnRecordsPage } from './components/churn-records-page.tsx';
import { ChurnReportPage } from './components/churn-report-page.tsx';
import { AtRiskPage } from './components/at-risk-page.tsx';
import { RetentionPage } from './components/retention-page.tsx';
import { ChurnCustomerTab } from './components/churn-customer-tab.tsx';

export const churnFeature: Feature = {
  id: 'churn',
  routes: [
    { path: '/churn', element: <ChurnRecordsPage />, permission: 'churn:view' },
    { path: '/churn/reports', element: <ChurnReportPage />, permission: 'churn:view' },
    { path: '/churn/risk', element: <AtRiskPage />, permission: 'churn:view' },
    { path: '/churn/retention', element: <RetentionPage />, permission: 'churn:view' },
  ],
  nav: [
    {
      to: '/churn/risk',
      label: { zh: '流失预警', en: 'Churn risk' },
      icon: 'chart',
      permission: 'churn:view',
      order: 61,
    },
    {
      to: '/churn/retention',
      label: { zh: '挽留计划', en: 'Retention plans' },
      icon: 'phone',
      permission: 'churn:view',
      order: 62,
    },
    {
      to: '/churn',
      label: { zh: '流失客户', en: 'Churned customers' },
      icon: 'users',
      permission: 'churn:view',
      order: 63,
    },
    {
      to: '/churn/reports',
      label: { zh: '流失分析', en: 'Churn analysis' },
      icon: 'chart',
      permission: 'churn:view',
      order: 64,
    },
  ],
};

export const churnCustomerTab: CustomerTab = {
  key: 'churn',
  label: { zh: '流失风险', en: 'Churn risk' },
  permission: 'churn:view',
  component: ChurnCustomerTab,
};
