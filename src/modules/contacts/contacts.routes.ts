import { z } from 'zod';
import type { App, Services } from '../../platform/module.ts';
import { idParams, page } from '../../platform/http/schemas.ts';
import {
  CONTACT_ROLES,
  Contact,
  ContactInput,
  ContactQuery,
  CustomerContactParams,
  LinkContact,
} from './contacts.schema.ts';
import {
  changeContactRole,
  createContact,
  getContact,
  linkContact,
  searchContacts,
  unlinkContact,
  updateContact,
} from './contacts.service.ts';
import { getCustomer } from '../customers/index.ts';
import { countContacts, exportContacts } from './contact-list-export.ts';
import { exportFormat, ListCount } from '../../platform/files/list-export.ts';

export function contactsRoutes(app: App, { db }: Services): void {
  const tags = ['contacts'];
  app.get(
    '/api/contacts',
    {
      config: { permission: 'contacts:view' },
      schema: { tags, querystring: ContactQuery, response: { 200: page(Contact) } },
    },
    (req) => searchContacts(db, req.ctx, req.query),
  );
  const ListFilter = ContactQuery.omit({ limit: true, cursor: true });
  app.get(
    '/api/contacts/count',
    {
      config: { permission: 'contacts:view' },
      schema: { tags, querystring: ListFilter, response: { 200: ListCount } },
    },
    (req) => countContacts(db, req.ctx, req.query),
  );
  app.get(
    '/api/contacts/export',
    { config: { permission: 'contacts:export' }, schema: { tags, querystring: ListFilter.extend(exportFormat.shape) } },
    (req, reply) => exportContacts(db, req.ctx, reply, req.log, req.query),
  );
  app.post(
    '/api/contacts',
    { config: { permission: 'contacts:create' }, schema: { tags, body: ContactInput, response: { 201: Contact } } },
    async (req, reply) => reply.code(201).send(await createContact(db, req.ctx, req.body)),
  );
  app.get(
    '/api/contacts/:id',
    { config: { permission: 'contacts:view' }, schema: { tags, params: idParams, response: { 200: Contact } } },
    (req) => getContact(db, req.ctx, req.params.id),
  );
  app.patch(
    '/api/contacts/:id',
    {
      config: { permission: 'contacts:edit' },
      schema: { tags, params: idParams, body: ContactInput.partial(), response: { 200: Contact } },
    },
    (req) => updateContact(db, req.ctx, req.params.id, req.body),
  );

  app.get(
    '/api/customers/:id/contacts',
    { config: { permission: 'contacts:view' }, schema: { tags, params: idParams, response: { 200: page(Contact) } } },
    async (req) => {
      // A customer outside the caller's scope is not found, rather than a customer without contacts.
      await getCustomer(db, req.ctx, req.params.id);
      return searchContacts(db, req.ctx, { customerId: req.params.id, limit: 200 });
    },
  );
  app.post(
    '/api/customers/:id/contacts',
    {
      config: { permission: 'contacts:edit' },
      schema: { tags, params: idParams, body: LinkContact, response: { 201: Contact } },
    },
    async (req, reply) =>
      reply.code(201).send(await linkContact(db, req.ctx, req.params.id, req.body.contactId, req.body.role)),
  );
  app.patch(
    '/api/customers/:id/contacts/:contactId',
    {
      config: { permission: 'contacts:edit' },
      schema: {
        tags,
        params: CustomerContactParams,
        body: z.object({ role: z.enum(CONTACT_ROLES) }),
        response: { 200: Contact },
      },
    },
    (req) => changeContactRole(db, req.ctx, req.params.id, req.params.contactId, req.body.role),
  );
  app.delete(
    '/api/customers/:id/contacts/:contactId',
    { config: { permission: 'contacts:edit' }, schema: { tags, params: CustomerContactParams } },
    async (req, reply) => {
      await unlinkContact(db, req.ctx, req.params.id, req.params.contactId);
      return reply.code(204).send();
    },
  );
}
