import path from 'node:path';
import type { CrmModule } from '../../platform/module.ts';
import { authRoutes } from './auth.routes.ts';

export const authModule: CrmModule = {
  name: 'auth',
  migrationsDir: path.resolve(import.meta.dirname, 'migrations'),
  routes: authRoutes,
};
