import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { App, Services } from '../../platform/module.ts';
import { id, idParams } from '../../platform/http/schemas.ts';
import { localeFrom } from '../../platform/errors.ts';
import { password } from '../system/system.schema.ts';
import { findCustomer } from '../customers/index.ts';
import { customerBills, customerPayments } from '../billing/index.ts';
import { portalContext, portalLogin, portalLogout, resetPortalPassword, resolvePortalSession, setupPortalLogin, type PortalIdentity } from './portal-auth.ts';
import { answerRequest, fileRequest, listRequests, portalHome, updateOwnAddress } from './portal-self.ts';
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

const Login = z.object({ phone: z.string().trim().regex(/^[0-9-]{7,16}$/, 'a phone number'), password: z.string().min(1).max(128) });
const RequestInput = z.object({ kind: z.enum(['fault', 'complaint']), subject: z.string().trim().min(1).max(100), description: z.string().trim().min(1).max(2000) });
const Answer = z.object({ status: z.enum(['open', 'in_progress', 'resolved', 'closed']), reply: z.string().trim().max(2000).optional() });

function ctxOf(req: FastifyRequest) {
  return portalContext(req.portal!, localeFrom(req.headers['accept-language']), req.ip, req.id);
}

export async function portalRoutes(app: App, { db }: Services): Promise<void> {
  const secure = process.env.LIANXI_SECURE_COOKIE === '1';
  const tags = ['portal'];

  await app.register(async (scope: App) => {
    // The customer's session, resolved for every portal route; the staff identity on the request is ignored here.
    scope.addHook('onRequest', async (req) => {
      if (req.routeOptions.config.portalAnonymous) return;
      const token = req.cookies[PORTAL_COOKIE];
      const me = token ? await resolvePortalSession(db, token) : undefined;
      if (!me) throw portalError('PORTAL_UNAUTHENTICATED');
      if (!SAFE_METHODS.has(req.method) && req.headers['x-portal-csrf'] !== me.csrfToken) throw portalError('PORTAL_CSRF_INVALID');
      req.portal = me;
    });

    scope.post('/api/portal/login', { config: { portal: true, portalAnonymous: true }, schema: { tags, body: Login } }, async (req, reply) => {
      const { token, identity } = await portalLogin(db, req.body.phone, req.body.password);
      reply.setCookie(PORTAL_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/api/portal', secure });
      return { name: identity.name, csrfToken: identity.csrfToken };
    });
    scope.post('/api/portal/reset', { config: { portal: true, portalAnonymous: true }, schema: { tags, body: z.object({ token: z.string().min(10).max(200), password }) } },
      async (req, reply) => {
        await resetPortalPassword(db, req.body.token, req.body.password);
        return reply.code(204).send();
      });
    scope.post('/api/portal/logout', { config: { portal: true }, schema: { tags } }, async (req, reply) => {
      await portalLogout(db, req.cookies[PORTAL_COOKIE]!);
      reply.clearCookie(PORTAL_COOKIE, { path: '/api/portal' });
      return reply.code(204).send();
    });
    scope.get('/api/portal/me', { config: { portal: true }, schema: { tags } }, (req) => portalHome(db, ctxOf(req), req.portal!));
    scope.patch('/api/portal/me', { config: { portal: true }, schema: { tags, body: z.object({ address: z.string().trim().min(2).max(200) }) } },
      (req) => updateOwnAddress(db, ctxOf(req), req.portal!, req.body.address));
    scope.get('/api/portal/bills', { config: { portal: true }, schema: { tags } }, async (req) => ({ items: await customerBills(db, req.portal!.customerId, 12) }));
    scope.get('/api/portal/payments', { config: { portal: true }, schema: { tags } }, async (req) => ({ items: await customerPayments(db, req.portal!.customerId, 50) }));
    scope.get('/api/portal/requests', { config: { portal: true }, schema: { tags } }, async (req) => ({ items: await listRequests(db, { customerId: req.portal!.customerId }) }));
    scope.post('/api/portal/requests', { config: { portal: true }, schema: { tags, body: RequestInput } },
      async (req, reply) => reply.code(201).send(await fileRequest(db, ctxOf(req), req.portal!, req.body)));
  });

  // Staff side: set up a customer's login, and see and answer what customers filed.
  const staffTags = ['portal (staff)'];
  app.post('/api/customers/:id/portal-login', {
    config: { permission: 'customers:edit' }, schema: { tags: staffTags, params: idParams, body: z.object({ password: password.optional() }) },
  }, (req) => setupPortalLogin(db, req.ctx, req.params.id, req.body.password));
  app.get('/api/portal-requests', {
    config: { permission: 'customers:view' },
    schema: { tags: staffTags, querystring: z.object({ status: z.enum(['open', 'in_progress', 'resolved', 'closed']).optional(), customerId: id.optional() }) },
  }, async (req) => ({ items: await listRequests(db, { status: req.query.status, customerId: req.query.customerId, scope: req.ctx }) }));
  app.post('/api/portal-requests/:id/answer', { config: { permission: 'customers:edit' }, schema: { tags: staffTags, params: idParams, body: Answer } },
    (req) => answerRequest(db, req.ctx, req.params.id, req.body, async (trx, customerId) => Boolean(await findCustomer(trx, req.ctx, customerId))));
}
