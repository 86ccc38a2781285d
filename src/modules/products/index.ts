import path from 'node:path';
import { registerPermissionArea } from '../../platform/access/permissions.ts';
import type { CrmModule } from '../../platform/module.ts';
import { onCustomerCancelled, onCustomersMerged } from '../customers/index.ts';
import { productsRoutes } from './products.routes.ts';
import { seedProductsDemo } from './products.demo.ts';
import { closeSubscriptions } from './subscriptions.service.ts';

registerPermissionArea('products', { zh: '产品套餐', en: 'Products' });
registerPermissionArea('subscriptions', { zh: '订购', en: 'Subscriptions' });
// Loading past subscriptions rewrites history that bills are built from: no role has it but the administrator's.
registerPermissionArea('subscription-history', { zh: '历史订购补录', en: 'Past subscriptions' });

// A cancelled or merged-away customer's subscriptions end today; the survivor keeps their own package.
onCustomerCancelled((trx, _ctx, e) => closeSubscriptions(trx, e.customerId, 'account_cancelled'));
onCustomersMerged((trx, _ctx, e) => closeSubscriptions(trx, e.mergedId, 'merged'));

export const productsModule: CrmModule = {
  name: 'products',
  migrationsDir: path.resolve(import.meta.dirname, 'migrations'),
  routes: productsRoutes,
  seedDemo: seedProductsDemo,
};

// What other modules may use.
export { hasPackageOnSql, packageSegmentsSql, serviceSegmentsSql } from './package-segments.ts';
export { listSubscriptions } from './subscriptions.service.ts';
export { getProduct, listProducts } from './products.service.ts';
export { DEMO_PACKAGES, DEMO_RATES } from './products.demo.ts';
export type { Product, Subscription } from './products.schema.ts';
