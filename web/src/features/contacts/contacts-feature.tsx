import type { Feature } from '../../app/feature-types.ts';
import { ContactsPage } from './components/contacts-page.tsx';

export const contactsFeature: Feature = {
  id: 'contacts',
  routes: [{ path: '/contacts', element: <ContactsPage />, permission: 'contacts:view' }],
  nav: [
    {
      to: '/contacts',
      label: { zh: '联系人', en: 'Contacts' },
      icon: 'contact',
      permission: 'contacts:view',
      order: 20,
    },
  ],
};
