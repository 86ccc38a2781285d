import path from 'node:path';
import type { CrmModule } from '../../platform/module.ts';
import { notificationsRoutes } from './notifications.routes.ts';

/** The header's bell: everything addressed to me, read/unread, live over a WebSocket. */
export const notificationsModule: CrmModule = {
  name: 'notifications',
  migrationsDir: path.resolve(import.meta.dirname, 'migrations'),
  routes: notificationsRoutes,
};

// What other modules may use.
export { notify, type NewNotification } from './notify.ts';
