import type { Feature } from '../../app/feature-types.ts';
import { TemplatesPage } from './components/templates-page.tsx';
import { TestOutboxPage } from './components/test-outbox-page.tsx';

export const messagingFeature: Feature = {
  id: 'messaging',
  routes: [
    { path: '/messaging/templates', element: <TemplatesPage />, permission: 'messaging:view' },
    { path: '/messaging/test-outbox', element: <TestOutboxPage />, permission: 'messaging:view' },
  ],
  nav: [
    {
      to: '/messaging/templates',
      label: { zh: '消息模板', en: 'Messages' },
      icon: 'megaphone',
      permission: 'messaging:view',
      order: 75,
    },
    {
      to: '/messaging/test-outbox',
      label: { zh: '测试发件箱', en: 'Test outbox' },
      icon: 'log',
      permission: 'messaging:view',
      order: 76,
    },
  ],
};
