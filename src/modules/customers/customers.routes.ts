import { z } from 'zod';
import type { App, Services } from '../../platform/module.ts';
import { cursor, id, idParams, limit, page } from '../../platform/http/schemas.ts';
import {
  CancelAccount,
  Customer,
  CustomerQuery,
  HistoryEntry,
  MergeCustomers,
  OpenAccount,
  phoneNo,
  UpdateCustomer,
} from './customers.schema.ts';
import { customerHistory, findPossibleDuplicates, searchCustomers, viewCustomer } from './customer-queries.ts';
import { openAccount } from './open-account.ts';
import { updateCustomer } from './update-customer.ts';
import { cancelAccount } from './cancel-account.ts';
import { mergeCustomers } from './merge-customers.ts';
import { recordShareRoutes } from '../../platform/access/record-share-routes.ts';
import { customerInOwnScope, customerLabels } from './customers.repository.ts';
import { customerError } from './customers.errors.ts';
import { countCustomers, exportCustomers } from './customer-list-export.ts';
import { exportFormat, ListCount } from '../../platform/files/list-export.ts';

export function customersRoutes(app: App, { db }: Services): void {
  const tags = ['customers'];
  recordShareRoutes(app, db, {
    prefix: '/api/customers',
    entity: 'customer',
    area: 'customers',
    tag: 'customers',
    requireOwnScope: async (ctx, id) => {
      if (!(await customerInOwnScope(db, ctx, id))) throw customerError('CUSTOMER_NOT_FOUND');
    },
    labels: (ctx, ids) => customerLabels(db, ctx, ids),
  });
  app.get(
    '/api/customers',
    {
      config: { permission: 'customers:view' },
      schema: { tags, querystring: CustomerQuery, response: { 200: page(Customer) } },
    },
    (req) => searchCustomers(db, req.ctx, req.query),
  );
  const ListFilter = CustomerQuery.omit({ sort: true, order: true, limit: true, cursor: true });
  app.get(
    '/api/customers/count',
    {
      config: { permission: 'customers:view' },
      schema: { tags, querystring: ListFilter, response: { 200: ListCount } },
    },
    (req) => countCustomers(db, req.ctx, req.query),
  );
  app.get(
    '/api/customers/export',
    {
      config: { permission: 'customers:export' },
      schema: { tags, querystring: CustomerQuery.omit({ limit: true, cursor: true }).extend(exportFormat.shape) },
    },
    (req, reply) => exportCustomers(db, req.ctx, reply, req.log, { ...req.query, limit: 200 }),
  );
  app.get(
    '/api/customers/duplicates',
    {
      config: { permission: 'customers:view' },
      schema: {
        tags,
        querystring: z.object({ phone: phoneNo, excludeId: id.optional() }),
        response: { 200: z.object({ items: z.array(Customer) }) },
      },
    },
    async (req) => ({ items: await findPossibleDuplicates(db, req.ctx, req.query.phone, req.query.excludeId) }),
  );
  app.post(
    '/api/customers',
    { config: { permission: 'customers:create' }, schema: { tags, body: OpenAccount, response: { 201: Customer } } },
    async (req, reply) => reply.code(201).send(await openAccount(db, req.ctx, req.body)),
  );
  app.post(
    '/api/customers/merge',
    { config: { permission: 'customers:admin' }, schema: { tags, body: MergeCustomers, response: { 200: Customer } } },
    (req) => mergeCustomers(db, req.ctx, req.body),
  );
  app.get(
    '/api/customers/:id',
    { config: { permission: 'customers:view' }, schema: { tags, params: idParams, response: { 200: Customer } } },
    (req) => viewCustomer(db, req.ctx, req.params.id),
  );
  app.patch(
    '/api/customers/:id',
    {
      config: { permission: 'customers:edit' },
      schema: { tags, params: idParams, body: UpdateCustomer, response: { 200: Customer } },
    },
    (req) => updateCustomer(db, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/customers/:id/cancel',
    {
      config: { permission: 'customers:delete' },
      schema: { tags, params: idParams, body: CancelAccount, response: { 200: Customer } },
    },
    (req) => cancelAccount(db, req.ctx, req.params.id, req.body.reason),
  );
  app.get(
    '/api/customers/:id/history',
    {
      config: { permission: 'customers:view' },
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ limit, cursor }),
        response: { 200: page(HistoryEntry) },
      },
    },
    (req) => customerHistory(db, req.ctx, req.params.id, req.query.limit, req.query.cursor),
  );
}
