import path from 'node:path';
import { registerPermissionArea } from '../../platform/access/permissions.ts';
import type { CrmModule } from '../../platform/module.ts';
import { messagingRoutes } from './messaging.routes.ts';
import { sendMessageJob } from './messaging.jobs.ts';
import { SEND_MESSAGE_JOB } from './send-message.ts';
import './messaging.tables.ts';

registerPermissionArea('messaging', { zh: '消息', en: 'Messaging' });

export const messagingModule: CrmModule = {
  name: 'messaging',
  migrationsDir: path.resolve(import.meta.dirname, 'migrations'),
  routes: messagingRoutes,
  jobs: (runner) => runner.register(SEND_MESSAGE_JOB, sendMessageJob),
};
