import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Services } from '../../platform/module.ts';
import { localeFrom, platformError } from '../../platform/errors.ts';
import type { IdentityContext } from '../../platform/access/context-cache.ts';
import type { RouteAccess } from '../../platform/http/route-access.ts';
import { password } from '../system/index.ts';
import { authError } from './auth.errors.ts';
import { changePassword, login, logout, resolveApiToken, resolveSession } from './auth.service.ts';
import { businessTimeZone, now } from '../../platform/clock.ts';

export const SESSION_COOKIE = 'lx_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const Me = z.object({
  employee: z.object({ id: z.string(), username: z.string(), name: z.string(), orgUnitId: z.string() }),
  permissions: z.array(z.string()),
  scope: z.string(),
  csrfToken: z.string().nullable(),
  /** The business time zone and the server's clock, so the web app's "today" is the server's. */
  clock: z.object({ timeZone: z.string(), now: z.string() }),
});

function meBody(identity: IdentityContext) {
  return {
    employee: {
      id: identity.employeeId,
      username: identity.username,
      name: identity.name,
      orgUnitId: identity.orgUnitId,
    },
    permissions: [...identity.permissions].sort(),
    scope: identity.scope,
    csrfToken: identity.csrfToken ?? null,
    clock: { timeZone: businessTimeZone(), now: now().toISOString() },
  };
}

/**
 * An API token's limits: expired → 401 API_TOKEN_EXPIRED; read-only and not GET/HEAD → 403 API_TOKEN_READ_ONLY;
 * limited to some modules and the path's first segment after /api/ is not one → 403 API_TOKEN_OUT_OF_SCOPE.
 */
function refuseOutsideTokenLimits(limits: NonNullable<IdentityContext['tokenLimits']>, request: FastifyRequest) {
  if (limits.expiresAt && limits.expiresAt <= now()) throw authError('API_TOKEN_EXPIRED');
  if (limits.readOnly && request.method !== 'GET' && request.method !== 'HEAD') throw authError('API_TOKEN_READ_ONLY');
  const module = request.url.split('?')[0].split('/')[2] ?? '';
  if (limits.modules.length && !limits.modules.includes(module)) throw authError('API_TOKEN_OUT_OF_SCOPE', { module });
}

/** Resolves who is calling (session cookie or API token) for every API request, and checks CSRF. */
export function identifyCaller({ db, config }: Services) {
  return async (request: FastifyRequest): Promise<void> => {
    // Portal routes have their own customer session; a staff cookie in the same browser must neither grant nor block them.
    if (!request.url.startsWith('/api/') || (request.routeOptions.config as RouteAccess | undefined)?.portal) return;
    const bearer = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const cookie = request.cookies[SESSION_COOKIE];
    let identity: IdentityContext | undefined;
    let via: 'session' | 'token' = 'session';
    if (bearer) {
      identity = await resolveApiToken(db, bearer);
      via = 'token';
      if (!identity) throw platformError('UNAUTHENTICATED');
      if (identity.tokenLimits) refuseOutsideTokenLimits(identity.tokenLimits, request);
    } else if (cookie) {
      identity = await resolveSession(db, cookie, config.sessionIdleMinutes, config.sessionMaxHours);
    }
    if (!identity) return;
    if (
      via === 'session' &&
      !SAFE_METHODS.has(request.method) &&
      request.headers['x-csrf-token'] !== identity.csrfToken
    ) {
      // Signing in again needs no token: a stale cookie must not stop a user from logging in.
      if (request.url !== '/api/auth/login') throw platformError('CSRF_TOKEN_INVALID');
      return;
    }
    request.ctx = {
      ...identity,
      locale: localeFrom(downloadLanguage(request) ?? request.headers['accept-language']),
      ip: request.ip,
      requestId: request.id,
      via,
    };
  };
}

export function authRoutes(app: App, { db, config }: Services): void {
  const { secureCookie } = config;

  const tags = ['auth'];
  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: {
        tags,
        body: z.object({ username: z.string().trim().min(1).max(40), password: z.string().min(1).max(128) }),
        response: { 200: Me },
      },
    },
    async (req, reply) => {
      const result = await login(db, {
        ...req.body,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
        idleMinutes: config.sessionIdleMinutes,
      });
      setSessionCookie(reply, result.token, secureCookie, config.sessionIdleMinutes);
      return meBody({ ...result.identity, csrfToken: result.csrfToken });
    },
  );

  app.post('/api/auth/logout', { config: { authenticated: true }, schema: { tags } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await logout(db, req.ctx, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/api/auth/me', { config: { authenticated: true }, schema: { tags, response: { 200: Me } } }, async (req) =>
    meBody(req.ctx),
  );

  app.post(
    '/api/auth/password',
    {
      config: { authenticated: true },
      schema: { tags, body: z.object({ oldPassword: z.string().min(1).max(128), newPassword: password }) },
    },
    async (req, reply) => {
      await changePassword(db, req.ctx, req.cookies[SESSION_COOKIE], req.body.oldPassword, req.body.newPassword);
      return reply.code(204).send();
    },
  );
}

function setSessionCookie(reply: FastifyReply, token: string, secure: boolean, idleMinutes: number) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure,
    maxAge: idleMinutes * 60,
  });
}

/** A download link cannot set Accept-Language: `?lang=en|zh-CN` on it carries the UI's language (an xlsx in the reader's language). */
function downloadLanguage(request: { query: unknown }): string | undefined {
  const lang = (request.query as { lang?: unknown } | undefined)?.lang;
  return typeof lang === 'string' ? lang : undefined;
}
