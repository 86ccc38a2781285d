import path from 'node:path';
import { registerPermissionArea } from '../../platform/access/permissions.ts';
import type { CrmModule } from '../../platform/module.ts';
import { customersRoutes } from './customers.routes.ts';
import { customerImportsRoutes } from './customer-imports.routes.ts';
import { seedCustomersDemo } from './customers.demo.ts';

registerPermissionArea('customers', { zh: '客户', en: 'Customers' });

export const customersModule: CrmModule = {
  name: 'customers',
  migrationsDir: path.resolve(import.meta.dirname, 'migrations'),
  routes: async (app, services) => {
    await customerImportsRoutes(app, services);
    customersRoutes(app, services);
  },
  seedDemo: seedCustomersDemo,
};

// What other modules may use.
export { onCustomersMerged, onCustomerCancelled } from './customer-events.ts';
export { getCustomer, searchCustomers } from './customer-queries.ts';
export { setArrears, setArrearsFrom } from './customer-arrears.ts';
export { openAccount } from './open-account.ts';
export { cancelAccount } from './cancel-account.ts';
export { updateCustomer } from './update-customer.ts';
export {
  customerScope,
  findCustomer,
  visibleCustomerIds,
  selectCustomerIds,
  replaceCustomerSegments,
  type CustomerSelection,
} from './customers.repository.ts';
export { CustomerQuery, UpdateCustomer, phoneNo, type Customer } from './customers.schema.ts';
export { isPhone, normalisePhone } from './customer-validators.ts';
