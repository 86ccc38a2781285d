import type { Feature } from '../../app/feature-types.ts';
import { AuditLogPage } from './components/audit-log-page.tsx';

export const auditFeature: Feature = {
  id: 'audit',
  routes: [{ path: '/audit', element: <AuditLogPage />, permission: 'audit:view' }],
  nav: [{ to: '/audit', label: { zh: '审计日志', en: 'Audit log' }, icon: '📜', permission: 'audit:view', order: 95 }],
};
