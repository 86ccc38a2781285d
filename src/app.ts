import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import Fastify, { LogController } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './platform/config.ts';
import type { DatabaseHandle } from './platform/db.ts';
import { JobRunner } from './platform/jobs.ts';
import { errorHandler } from './platform/http/error-handler.ts';
import { healthRoute } from './platform/http/health.ts';
import { rejectUnstorableText } from './platform/http/input-guard.ts';
import {
  checkRouteAccess,
  declaresAccess,
  permissionExtension,
  type RouteAccess,
} from './platform/http/route-access.ts';
import { maskForMaskedRoles, requestForLog } from './platform/http/masked-responses.ts';
import { securityHeaders } from './platform/http/security-headers.ts';
import { platformError } from './platform/errors.ts';
import type { App, Services } from './platform/module.ts';
import { modules } from './modules/registry.ts';

/** Builds the HTTP application: platform plumbing, then every module's routes. Nothing domain-specific. */
export async function buildApp(config: Config, database: DatabaseHandle, opts: { logger?: boolean } = {}) {
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: config.logLevel,
            // Credentials never reach a log line.
            redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
            serializers: { req: requestForLog },
          },
    genReqId: () => randomUUID(),
    // One line per request at debug (below); info is kept for what an operator needs: start-up, jobs, errors.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    // Errors the router raises before any route (a bad percent escape, an over-long path parameter) get the app's error shape too.
    frameworkErrors: (error, request, reply) => errorHandler(error, request, reply),
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;

  app.setValidatorCompiler(validatorCompiler);
  // Responses are shaped by our DTO mappers; the response schemas document them without re-validating each reply.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.setErrorHandler(errorHandler);
  app.decorateRequest('ctx', null as never);

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, public: true };
    else if (route.url.startsWith('/api/') && !declaresAccess(route.config)) {
      throw new Error(
        `route ${route.method} ${route.url} declares no access rule (public, authenticated or permission)`,
      );
    }
  });
  app.addHook('preValidation', rejectUnstorableText);
  app.addHook('onSend', maskForMaskedRoles);
  app.addHook('onSend', securityHeaders({ https: config.secureCookie }));
  app.addHook('onResponse', async (request, reply) => {
    request.log.debug(
      { method: request.method, url: request.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Lianxi CRM API', version: '0.1.0' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: (input) => {
      const transformed = jsonSchemaTransform(input);
      return {
        ...transformed,
        schema: { ...transformed.schema, ...permissionExtension(input.route.config as RouteAccess | undefined) },
      };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const jobs = new JobRunner(database.db, app.log);
  const services: Services = { config, database, db: database.db, dbKind: database.kind, jobs };

  healthRoute(app, database);

  // Access is checked as soon as the caller is known, before the body is parsed or validated: an unauthenticated
  // caller gets 401 and an unauthorised one 403, never a field-by-field 400. Added before any route, so every plugin
  // scope a module opens inherits both hooks.
  for (const mod of modules) if (mod.identifyCaller) app.addHook('onRequest', mod.identifyCaller(services));
  app.addHook('onRequest', checkRouteAccess);
  for (const mod of modules) await mod.routes?.(app, services);
  for (const mod of modules) await mod.jobs?.(jobs, services);

  // Browser tests serve a snapshot of the build (config.webDist) so a rebuild of web/dist meanwhile cannot pull pages from under them.
  const { webDist } = config;
  if (existsSync(webDist)) await app.register(fastifyStatic, { root: webDist, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !existsSync(webDist) || request.method !== 'GET')
      throw platformError('ROUTE_NOT_FOUND');
    // Client-side routes of the web app all load its one page.
    return reply.type('text/html').sendFile('index.html');
  });

  return { app, services };
}
