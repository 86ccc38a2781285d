import { platformError } from '../errors.ts';
import type { RequestContext } from './context.ts';

export const ACTIONS = ['view', 'create', 'edit', 'delete', 'export', 'import', 'admin'] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Permission names are `area:action`; `area:*` grants every action of an area and `*` everything.
 * `sensitive:view` unmasks phone and ID-card numbers.
 */
export type Permission = `${string}:${Action}` | 'sensitive:view';
export const PERMISSION_PATTERN = /^(\*|[a-z][a-z-]*:(view|create|edit|delete|export|import|admin|\*))$/;

const registered = new Map<string, { zh: string; en: string }>();

/** Modules announce their permission areas so the role editor can list them. */
export function registerPermissionArea(area: string, label: { zh: string; en: string }): void {
  registered.set(area, label);
}

export function permissionAreas(): { area: string; label: { zh: string; en: string } }[] {
  return [...registered].map(([area, label]) => ({ area, label }));
}

export function can(ctx: Pick<RequestContext, 'permissions'>, permission: Permission): boolean {
  const p = ctx.permissions;
  return p.has(permission) || p.has('*') || p.has(permission.slice(0, permission.indexOf(':')) + ':*');
}

export function requirePermission(ctx: RequestContext, permission: Permission): void {
  if (!can(ctx, permission)) throw platformError('FORBIDDEN', { permission });
}
