import path from 'node:path';
import { registerPermissionArea } from '../../platform/access/permissions.ts';
import type { CrmModule } from '../../platform/module.ts';
import { onCustomersMerged } from '../customers/index.ts';
import { workOrdersRoutes } from './work-orders.routes.ts';
import { seedWorkOrdersDemo } from './work-orders.demo.ts';
import { sweepSlaBreaches } from './sla.ts';

registerPermissionArea('work-orders', { zh: '服务工单', en: 'Work orders' });

// A merged customer's work orders follow the surviving record.
onCustomersMerged(async (trx, _ctx, e) => {
  await trx
    .updateTable('work_orders')
    .set({ customer_id: e.survivorId })
    .where('customer_id', '=', e.mergedId)
    .execute();
});

/** How often the SLA sweep runs; breaches show within this time of their deadline. */
export const SLA_SWEEP_EVERY_MS = 60_000;

export const workOrdersModule: CrmModule = {
  name: 'work-orders',
  migrationsDir: path.resolve(import.meta.dirname, 'migrations'),
  routes: workOrdersRoutes,
  jobs: (runner, { db }) =>
    runner.scheduleRecurring('work-orders.sla-sweep', SLA_SWEEP_EVERY_MS, () => sweepSlaBreaches(db)),
  seedDemo: seedWorkOrdersDemo,
};

export { sweepSlaBreaches } from './sla.ts';
export { attachmentsDir } from './attachments.ts';
export { monthlyServiceSignals } from './service-signals.ts';
export {
  openCustomerWorkOrder,
  customerWorkOrderOptions,
  listCustomerWorkOrders,
  getCustomerWorkOrder,
} from './customer-work-orders.ts';
export {
  CustomerWorkOrderInput,
  CustomerWorkOrder,
  CustomerWorkOrderDetail,
  CustomerWorkOrderOptions,
} from './work-orders.schema.ts';
export { demoCentreStaff } from './work-orders.demo.ts';
export { myWorkOrderQueues, myWorkOrderSteps } from './work-order-home.ts';
export { listWorkOrders } from './work-order-queries.ts';
export { listNotifications, markNotificationsRead } from './work-order-settings.service.ts';
export { WorkOrderQuery } from './work-orders.schema.ts';
