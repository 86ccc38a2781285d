import path from 'node:path';
import { registerPermissionArea } from '../../platform/access/permissions.ts';
import type { CrmModule } from '../../platform/module.ts';
import { onCustomerCancelled, onCustomersMerged } from '../customers/index.ts';
import { churnRoutes } from './churn.routes.ts';
import { retentionRoutes } from './retention.routes.ts';
import { churnJobs } from './churn.jobs.ts';
import { moveChurnData, recordCancellation } from './churn-records.service.ts';
import { seedChurnDemo } from './churn.demo.ts';
import { registerChurnedCustomers } from '../stats/index.ts';
import { registerSignalProvider } from './risk/signal-store.ts';
import { billingSignals } from './risk/billing-signals.ts';
import { monthlyServiceSignals } from '../work-orders/index.ts';
import { monthlyPackageFit } from '../billing/index.ts';
import { sql } from 'kysely';

registerPermissionArea('churn', { zh: '流失与挽留', en: 'Churn and retention' });
onCustomerCancelled(recordCancellation);
onCustomersMerged(moveChurnData);
registerSignalProvider(billingSignals);
// Complaints, faults and satisfaction from the service desk.
registerSignalProvider(monthlyServiceSignals);
// Overage, allowance use and package end from billing.
registerSignalProvider(monthlyPackageFit);
registerChurnedCustomers(
  (from, to) => sql`SELECT customer_id FROM churn_records WHERE churned_on BETWEEN ${from} AND ${to}`,
);

export const churnModule: CrmModule = {
  name: 'churn',
  migrationsDir: path.resolve(import.meta.dirname, 'migrations'),
  routes: (app, services) => {
    churnRoutes(app, services);
    retentionRoutes(app, services);
  },
  jobs: churnJobs,
  seedDemo: seedChurnDemo,
};

// What other modules may use: billing and the service desk feed the risk model's monthly signals.
export { registerSignalProvider, saveSignals, type SignalRow } from './risk/signal-store.ts';
export { refreshRiskScores, currentMonth } from './risk/refresh-scores.ts';
export { myRetentionTasksDue, myAtRiskCustomers } from './home-items.ts';
