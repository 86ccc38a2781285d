import path from 'node:path';
import { registerPermissionArea } from '../../platform/access/permissions.ts';
import type { CrmModule } from '../../platform/module.ts';

registerPermissionArea('products', { zh: '产品套餐', en: 'Products' });
registerPermissionArea('subscriptions', { zh: '订购', en: 'Subscriptions' });

export const productsModule: CrmModule = {
  name: 'products',
  migrationsDir: path.resolve(import.meta.dirname, 'migrations'),
};
