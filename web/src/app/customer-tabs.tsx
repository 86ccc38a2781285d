import type { CustomerTab } from './feature-types.ts';
import { contactsCustomerTab } from '../features/contacts/contacts-customer-tab.tsx';
import { workOrdersCustomerTab } from '../features/work-orders/work-orders-customer-tab.tsx';
import { subscriptionsCustomerTab } from '../features/products/products-feature.tsx';
import { billingCustomerTabs } from '../features/billing/billing-feature.tsx';
import { churnCustomerTab } from '../features/churn/churn-feature.tsx';
import { messagingCustomerTab } from '../features/messaging/messaging-customer-tab.tsx';

/**
 * Tabs other features add to the customer 360° page, between "Details" and "History", in this order.
 * To add one, export a `CustomerTab` from your feature and add one line here.
 */
export const customerTabs: CustomerTab[] = [
  contactsCustomerTab,
  workOrdersCustomerTab,
  subscriptionsCustomerTab,
  ...billingCustomerTabs,
  churnCustomerTab,
  messagingCustomerTab,
];
