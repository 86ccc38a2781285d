import path from 'node:path';
import type { CrmModule } from '../platform/module.ts';

/** The platform's own tables (audit log, jobs) migrate first. */
export const platformModule: CrmModule = {
  name: 'platform',
  migrationsDir: path.resolve(import.meta.dirname, '../platform/migrations'),
};
