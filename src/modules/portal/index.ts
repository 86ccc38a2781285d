import path from 'node:path';
import type { CrmModule } from '../../platform/module.ts';
import { portalRoutes } from './portal.routes.ts';
import { seedPortalDemo } from './portal.demo.ts';

export { demoPortalPhones } from './portal.demo.ts';

/**
 * The customer self-service portal (/portal in the web app, /api/portal on the server): customers sign in
 * with phone and password, on a session of their own, and see only their own data.
 * Faults and complaints the customer reports are work orders (openCustomerWorkOrder, channel 'portal'), handled by
 * staff in the work-order queues; the customer follows their status and resolution here.
 */
export const portalModule: CrmModule = {
  name: 'portal',
  migrationsDir: path.resolve(import.meta.dirname, 'migrations'),
  routes: portalRoutes,
  seedDemo: seedPortalDemo,
};
