import type { Feature } from '../../app/feature-types.ts';
import { PortalRequestsPage } from './components/portal-requests-page.tsx';

/** The staff side of the portal: the requests customers filed. (The portal itself is PortalApp, outside the staff app.) */
export const portalFeature: Feature = {
  id: 'portal',
  routes: [{ path: '/portal-requests', element: <PortalRequestsPage />, permission: 'customers:view' }],
  nav: [{ to: '/portal-requests', label: { zh: '自助报障投诉', en: 'Portal requests' }, icon: 'ticket', permission: 'customers:view', order: 35 }],
};
