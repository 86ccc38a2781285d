import { z } from 'zod';
import type { App, Services } from '../../platform/module.ts';
import { id, idParams } from '../../platform/http/schemas.ts';
import {
  EndSubscription,
  LifecycleStep,
  Product,
  ProductInput,
  ProductPatch,
  ProductQuery,
  StatusChange,
  PastSubscriptionInput,
  Subscribe,
  Subscription,
} from './products.schema.ts';
import {
  changeLifecycle,
  createProduct,
  getProduct,
  listProducts,
  productHistory,
  updateProduct,
} from './products.service.ts';
import { endSubscription, listSubscriptions, subscribe } from './subscriptions.service.ts';
import { addPastSubscription } from './subscription-history.ts';

export function productsRoutes(app: App, { db }: Services): void {
  const tags = ['products'];
  app.get(
    '/api/products',
    {
      config: { permission: 'products:view' },
      schema: { tags, querystring: ProductQuery, response: { 200: z.object({ items: z.array(Product) }) } },
    },
    async (req) => ({ items: await listProducts(db, req.ctx, req.query) }),
  );
  app.post(
    '/api/products',
    { config: { permission: 'products:create' }, schema: { tags, body: ProductInput, response: { 201: Product } } },
    async (req, reply) => reply.code(201).send(await createProduct(db, req.ctx, req.body)),
  );
  app.get(
    '/api/products/:id',
    { config: { permission: 'products:view' }, schema: { tags, params: idParams, response: { 200: Product } } },
    (req) => getProduct(db, req.params.id),
  );
  app.patch(
    '/api/products/:id',
    {
      config: { permission: 'products:edit' },
      schema: { tags, params: idParams, body: ProductPatch, response: { 200: Product } },
    },
    (req) => updateProduct(db, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/products/:id/lifecycle',
    {
      config: { permission: 'products:admin' },
      schema: { tags, params: idParams, body: LifecycleStep, response: { 200: Product } },
    },
    (req) => changeLifecycle(db, req.ctx, req.params.id, req.body.to, req.body.note),
  );
  app.get(
    '/api/products/:id/lifecycle',
    {
      config: { permission: 'products:view' },
      schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(StatusChange) }) } },
    },
    async (req) => ({ items: await productHistory(db, req.params.id) }),
  );

  const subTags = ['subscriptions'];
  const list = z.object({ items: z.array(Subscription) });
  app.get(
    '/api/customers/:id/subscriptions',
    {
      config: { permission: 'subscriptions:view' },
      schema: { tags: subTags, params: idParams, response: { 200: list } },
    },
    async (req) => ({ items: await listSubscriptions(db, req.ctx, req.params.id) }),
  );
  app.post(
    '/api/customers/:id/subscriptions',
    {
      config: { permission: 'subscriptions:create' },
      schema: { tags: subTags, params: idParams, body: Subscribe, response: { 201: list } },
    },
    async (req, reply) => reply.code(201).send({ items: await subscribe(db, req.ctx, req.params.id, req.body) }),
  );
  app.post(
    '/api/customers/:id/subscriptions/history',
    {
      config: { permission: 'subscription-history:create' },
      schema: { tags: subTags, params: idParams, body: PastSubscriptionInput, response: { 201: list } },
    },
    async (req, reply) =>
      reply.code(201).send({ items: await addPastSubscription(db, req.ctx, req.params.id, req.body) }),
  );
  app.post(
    '/api/customers/:id/subscriptions/:subscriptionId/end',
    {
      config: { permission: 'subscriptions:delete' },
      schema: {
        tags: subTags,
        params: z.object({ id, subscriptionId: id }),
        body: EndSubscription,
        response: { 200: list },
      },
    },
    async (req) => ({ items: await endSubscription(db, req.ctx, req.params.id, req.params.subscriptionId, req.body) }),
  );
}
