import type { CrmModule } from '../platform/module.ts';
import { platformModule } from './platform.module.ts';
import { authModule } from './auth/index.ts';
import { systemModule } from './system/index.ts';
import { auditModule } from './audit/index.ts';
import { customersModule } from './customers/index.ts';
import { contactsModule } from './contacts/index.ts';
import { workOrdersModule } from './work-orders/index.ts';
import { knowledgeModule } from './knowledge/index.ts';
import { productsModule } from './products/index.ts';
import { billingModule } from './billing/index.ts';
import { portalModule } from './portal/index.ts';
import { statsModule } from './stats/index.ts';
import { churnModule } from './churn/index.ts';
import { homeModule } from './home/index.ts';
import { searchModule } from './search/index.ts';
import { notificationsModule } from './notifications/index.ts';
import { segmentationModule } from './segmentation/index.ts';
import { backupModule } from './backup/index.ts';
import { messagingModule } from './messaging/index.ts';

/**
 * Every module, in dependency order: migrations run in this order and routes mount in it.
 * A new module adds one line here.
 */
export const modules: CrmModule[] = [
  platformModule,
  systemModule,
  authModule,
  auditModule,
  customersModule,
  contactsModule,
  workOrdersModule,
  notificationsModule,
  knowledgeModule,
  productsModule,
  billingModule,
  messagingModule,
  segmentationModule,
  portalModule,
  statsModule,
  churnModule,
  backupModule,
  homeModule,
  searchModule,
];
