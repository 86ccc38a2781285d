import path from 'node:path';
import { registerPermissionArea } from '../../platform/access/permissions.ts';
import type { CrmModule } from '../../platform/module.ts';
import { systemRoutes } from './system.routes.ts';
import { jobsRoutes } from './jobs.routes.ts';
import { seedSystemDemo } from './system.demo.ts';

registerPermissionArea('system', { zh: '系统管理', en: 'System management' });
registerPermissionArea('sensitive', {
  zh: '敏感信息（完整手机号、身份证号）',
  en: 'Sensitive data (full phone and ID numbers)',
});

export const systemModule: CrmModule = {
  name: 'system',
  migrationsDir: path.resolve(import.meta.dirname, 'migrations'),
  routes: (app, services) => {
    systemRoutes(app, services);
    jobsRoutes(app, services);
  },
  seedDemo: seedSystemDemo,
};

// What other modules may use.
export { loadIdentity } from './identity.ts';
export { ensureAdmin } from './bootstrap.ts';
export {
  findLoginCandidate,
  passwordHashOf,
  updateEmployeeRow,
  useApiToken,
  findRoleByCode,
  insertOrgUnit,
  listOrgUnits,
} from './system.repository.ts';
export { createEmployee, employeeDirectory } from './employees.service.ts';
export { onEmployeeSignInRevoked } from './employee-events.ts';
export { password } from './system.schema.ts';
