import path from 'node:path';
import { registerPermissionArea } from '../../platform/access/permissions.ts';
import type { CrmModule } from '../../platform/module.ts';
import { onCustomersMerged } from '../customers/index.ts';
import { contactsRoutes } from './contacts.routes.ts';
import { seedContactsDemo } from './contacts.demo.ts';
import { moveLinks } from './contacts.repository.ts';

registerPermissionArea('contacts', { zh: '联系人', en: 'Contacts' });
onCustomersMerged((trx, _ctx, e) => moveLinks(trx, e.mergedId, e.survivorId).then(() => undefined));

export const contactsModule: CrmModule = {
  name: 'contacts',
  migrationsDir: path.resolve(import.meta.dirname, 'migrations'),
  routes: contactsRoutes,
  seedDemo: seedContactsDemo,
};
export { createContact, linkContact, searchContacts } from './contacts.service.ts';
