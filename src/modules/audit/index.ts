import { registerPermissionArea } from '../../platform/access/permissions.ts';
import type { CrmModule } from '../../platform/module.ts';
import { auditRoutes } from './audit.routes.ts';

registerPermissionArea('audit', { zh: '审计日志', en: 'Audit log' });

/** Browsing the audit log; writing it is the platform's `recordAudit`, called by every service. */
export const auditModule: CrmModule = { name: 'audit', routes: auditRoutes };
