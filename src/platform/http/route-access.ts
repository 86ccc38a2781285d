import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../access/context.ts';
import { requirePermission, type Permission } from '../access/permissions.ts';
import { platformError } from '../errors.ts';

/** What a route declares about who may call it; every /api route must declare one of these. */
export interface RouteAccess {
  public?: boolean;
  authenticated?: boolean;
  permission?: Permission;
  /** Set on routes a customer (portal session) calls instead of an employee. */
  portal?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig extends RouteAccess {}
  interface FastifyRequest {
    /** The caller; set by the auth hook before any route that is not public runs. */
    ctx: RequestContext;
  }
}

export function declaresAccess(config: RouteAccess | undefined): boolean {
  return Boolean(config && (config.public || config.authenticated || config.permission || config.portal));
}

/**
 * The permission a route requires, as an OpenAPI extension on its operation (`x-permission`): the API description
 * says who may call what, and the generated authorization test checks every role against it.
 */
export function permissionExtension(config: RouteAccess | undefined): { 'x-permission'?: Permission } {
  return config?.permission ? { 'x-permission': config.permission } : {};
}

/** onRequest (after the caller is resolved): a route's declared permission is checked before its input is even read. */
export async function checkRouteAccess(request: FastifyRequest): Promise<void> {
  const config = request.routeOptions.config as RouteAccess;
  // Unknown routes answer 404 whoever asks.
  if (request.is404 || config.public || config.portal) return;
  // The web app's static files (and its client-route fallback) are public; only the API checks access.
  if (!request.routeOptions.url?.startsWith('/api/')) return;
  if (!request.ctx) throw platformError('UNAUTHENTICATED');
  if (config.permission) requirePermission(request.ctx, config.permission);
}
