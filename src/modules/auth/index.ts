import path from 'node:path';
import type { CrmModule } from '../../platform/module.ts';
import { onEmployeeSignInRevoked } from '../system/index.ts';
import { authRoutes, identifyCaller } from './auth.routes.ts';
import { deleteEmployeeSessions } from './auth.repository.ts';

// The one sign-in throttle, for staff here and for the self-service portal's customer logins.
export { forgetLoginFailures, recordLoginAttempt, refuseWhileLocked } from './login-throttle.ts';

// Disabling an employee or resetting their password ends their sessions (re-enabling them later must not revive an old cookie).
onEmployeeSignInRevoked(deleteEmployeeSessions);

export const authModule: CrmModule = {
  name: 'auth',
  migrationsDir: path.resolve(import.meta.dirname, 'migrations'),
  identifyCaller,
  routes: authRoutes,
};
