import type { CustomerTab, Feature } from '../../app/feature-types.ts';
import { ProductsPage } from './components/products-page.tsx';
import { SubscriptionsTab } from './components/subscriptions-tab.tsx';

export const productsFeature: Feature = {
  id: 'products',
  routes: [{ path: '/products', element: <ProductsPage />, permission: 'products:view' }],
  nav: [
    { to: '/products', label: { zh: '产品套餐', en: 'Products' }, icon: 'box', permission: 'products:view', order: 40 },
  ],
};

export const subscriptionsCustomerTab: CustomerTab = {
  key: 'subscriptions',
  label: { zh: '订购', en: 'Subscriptions' },
  permission: 'subscriptions:view',
  component: SubscriptionsTab,
};
