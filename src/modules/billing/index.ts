import path from 'node:path';
import { registerPermissionArea } from '../../platform/access/permissions.ts';
import type { CrmModule } from '../../platform/module.ts';
import { findCustomer, onCustomersMerged } from '../customers/index.ts';
import { billingError } from './billing.errors.ts';
import { billingRoutes } from './billing.routes.ts';
import { seedBillingDemo } from './billing.demo.ts';

registerPermissionArea('billing', { zh: '计费账务', en: 'Billing' });

// Bills and payments stay with the customer they were made for; a debt must not vanish with a merged-away record.
onCustomersMerged(async (trx, ctx, e) => {
  const merged = await findCustomer(trx, ctx, e.mergedId);
  if (merged && Number(merged.arrears) > 0) throw billingError('MERGED_HAS_ARREARS', { arrears: merged.arrears });
});

export const billingModule: CrmModule = {
  name: 'billing',
  migrationsDir: path.resolve(import.meta.dirname, 'migrations'),
  routes: billingRoutes,
  seedDemo: seedBillingDemo,
};

// What other modules may use. The usage profile ("wide table") is read by segmentation and churn scoring.
export {
  loadUsageProfiles,
  USAGE_PROFILE_VARIABLES,
  type UsageProfile,
  type UsageProfileFilter,
  type UsageProfileVariable,
} from './usage-profiles.ts';
// Customer-facing billing views, for the self-service portal (callers check who may see the customer).
export { allowanceUsage, customerBills, customerPayments } from './customer-billing.ts';
export { currentBalance } from './balances.ts';
export { monthlyPackageFit } from './package-fit.ts';
