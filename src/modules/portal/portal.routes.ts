import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { App, Services } from '../../platform/module.ts';
import { idParams } from '../../platform/http/schemas.ts';
import { localeFrom } from '../../platform/errors.ts';
import { password } from '../system/index.ts';
import { UpdateCustomer } from '../customers/index.ts';
import { customerBills, customerPayments } from '../billing/index.ts';
import {
  CustomerWorkOrder,
  CustomerWorkOrderDetail,
  CustomerWorkOrderInput,
  CustomerWorkOrderOptions,
  customerWorkOrderOptions,
  getCustomerWorkOrder,
  listCustomerWorkOrders,
  openCustomerWorkOrder,
} from '../work-orders/index.ts';
import {
  portalContext,
  portalLogin,
  portalLogout,
  resetPortalPassword,
  resolvePortalSession,
  setupPortalLogin,
  type PortalIdentity,
} from './portal-auth.ts';
import { portalHome, updateOwnDetails } from './portal-self.ts';
import { portalError } from './portal.errors.ts';

/** The portal's own cookie, sent only to /api/portal: a staff cookie never opens the portal, nor this one a staff route. */
export const PORTAL_COOKIE = 'lx_portal';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A portal route a customer calls before signing in (login, password reset). */
    portalAnonymous?: boolean;
  }
  interface FastifyRequest {
    portal?: PortalIdentity;
  }
}

const Login = z.object({
  phone: z
    .string()
    .trim()
    .regex(/^[0-9-]{7,16}$/, 'a phone number'),
  password: z.string().min(1).max(128),
});
/** The contact details a customer keeps up to date themselves; the phone they sign in with is not among them. */
const OwnDetails = z.strictObject(UpdateCustomer.pick({ address: true, email: true, backupPhone: true }).shape);

function ctxOf(req: FastifyRequest) {
  return portalContext(req.portal!, localeFrom(req.headers['accept-language']), req.ip, req.id);
}

export async function portalRoutes(app: App, { db, config }: Services): Promise<void> {
  const secure = config.secureCookie;
  const tags = ['portal'];

  await app.register(async (scope: App) => {
    // The customer's session, resolved for every portal route; the staff identity on the request is ignored here.
    scope.addHook('onRequest', async (req) => {
      if (req.routeOptions.config.portalAnonymous) return;
      const token = req.cookies[PORTAL_COOKIE];
      const me = token ? await resolvePortalSession(db, token) : undefined;
      if (!me) throw portalError('PORTAL_UNAUTHENTICATED');
      if (!SAFE_METHODS.has(req.method) && req.headers['x-portal-csrf'] !== me.csrfToken)
        throw portalError('PORTAL_CSRF_INVALID');
      req.portal = me;
    });

    scope.post(
      '/api/portal/login',
      { config: { portal: true, portalAnonymous: true }, schema: { tags, body: Login } },
      async (req, reply) => {
        const { token, identity } = await portalLogin(db, req.body.phone, req.body.password, req.ip);
        reply.setCookie(PORTAL_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/api/portal', secure });
        return { name: identity.name, csrfToken: identity.csrfToken };
      },
    );
    scope.post(
      '/api/portal/reset',
      {
        config: { portal: true, portalAnonymous: true },
        schema: { tags, body: z.object({ token: z.string().min(10).max(200), password }) },
      },
      async (req, reply) => {
        await resetPortalPassword(db, req.body.token, req.body.password);
        return reply.code(204).send();
      },
    );
    scope.post('/api/portal/logout', { config: { portal: true }, schema: { tags } }, async (req, reply) => {
      await portalLogout(db, req.cookies[PORTAL_COOKIE]!);
      reply.clearCookie(PORTAL_COOKIE, { path: '/api/portal' });
      return reply.code(204).send();
    });
    scope.get('/api/portal/me', { config: { portal: true }, schema: { tags } }, (req) =>
      portalHome(db, ctxOf(req), req.portal!),
    );
    scope.patch('/api/portal/me', { config: { portal: true }, schema: { tags, body: OwnDetails } }, (req) =>
      updateOwnDetails(db, ctxOf(req), req.portal!, req.body),
    );
    scope.get('/api/portal/bills', { config: { portal: true }, schema: { tags } }, async (req) => ({
      items: await customerBills(db, req.portal!.customerId, 12),
    }));
    scope.get('/api/portal/payments', { config: { portal: true }, schema: { tags } }, async (req) => ({
      items: await customerPayments(db, req.portal!.customerId, 50),
    }));
    // Faults and complaints are work orders, opened and followed by the customer; staff handle them in the work-order queues.
    scope.get(
      '/api/portal/work-order-options',
      { config: { portal: true }, schema: { tags, response: { 200: CustomerWorkOrderOptions } } },
      (req) => customerWorkOrderOptions(db, ctxOf(req).locale),
    );
    scope.get(
      '/api/portal/work-orders',
      {
        config: { portal: true },
        schema: { tags, response: { 200: z.object({ items: z.array(CustomerWorkOrder) }) } },
      },
      (req) => listCustomerWorkOrders(db, req.portal!.customerId, ctxOf(req).locale),
    );
    scope.get(
      '/api/portal/work-orders/:id',
      { config: { portal: true }, schema: { tags, params: idParams, response: { 200: CustomerWorkOrderDetail } } },
      (req) => getCustomerWorkOrder(db, req.portal!.customerId, req.params.id, ctxOf(req).locale),
    );
    scope.post(
      '/api/portal/work-orders',
      {
        config: { portal: true },
        schema: { tags, body: CustomerWorkOrderInput, response: { 201: CustomerWorkOrderDetail } },
      },
      async (req, reply) =>
        reply.code(201).send(
          await openCustomerWorkOrder(db, ctxOf(req), {
            ...req.body,
            customerId: req.portal!.customerId,
            channel: 'portal',
          }),
        ),
    );
  });

  // Staff side: set up a customer's login.
  const staffTags = ['portal (staff)'];
  app.post(
    '/api/customers/:id/portal-login',
    {
      config: { permission: 'customers:edit' },
      schema: { tags: staffTags, params: idParams, body: z.object({ password: password.optional() }) },
    },
    (req) => setupPortalLogin(db, req.ctx, req.params.id, req.body.password),
  );
}
