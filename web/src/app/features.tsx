import type { Feature } from './feature-types.ts';
import { homeFeature } from '../features/home/home-feature.tsx';
import { customersFeature } from '../features/customers/customers-feature.tsx';
import { contactsFeature } from '../features/contacts/contacts-feature.tsx';
import { systemFeature } from '../features/system/system-feature.tsx';
import { auditFeature } from '../features/audit/audit-feature.tsx';
import { statsFeature } from '../features/stats/stats-feature.tsx';
import { churnFeature } from '../features/churn/churn-feature.tsx';
import { workOrdersFeature } from '../features/work-orders/work-orders-feature.tsx';
import { knowledgeFeature } from '../features/knowledge/knowledge-feature.tsx';
import { productsFeature } from '../features/products/products-feature.tsx';
import { billingFeature } from '../features/billing/billing-feature.tsx';
import { segmentationFeature } from '../features/segmentation/segmentation-feature.tsx';
import { messagingFeature } from '../features/messaging/messaging-feature.tsx';

/**
 * Every feature of the web app: its pages and its entries in the left nav.
 * To add a feature, export a `Feature` from `features/<name>/<name>-feature.tsx` and add one line here.
 */
export const features: Feature[] = [
  homeFeature,
  customersFeature,
  contactsFeature,
  systemFeature,
  auditFeature,
  statsFeature,
  churnFeature,
  workOrdersFeature,
  knowledgeFeature,
  productsFeature,
  billingFeature,
  segmentationFeature,
  messagingFeature,
];
