import type { Locale } from '../errors.ts';

/** Data scopes, narrowest first: a role sees records of its own, its team, department, region, or all. */
export const DATA_SCOPES = ['own', 'team', 'department', 'region', 'all'] as const;
export type DataScope = (typeof DATA_SCOPES)[number];

/** Who is asking, with what rights. Every route handler receives one. */
export interface RequestContext {
  employeeId: string;
  username: string;
  name: string;
  orgUnitId: string;
  /** Materialised org paths ('1/4/9/') of the caller's org unit, its department and its region. */
  orgPath: string;
  departmentPath: string;
  regionPath: string;
  permissions: ReadonlySet<string>;
  scope: DataScope;
  locale: Locale;
  ip: string;
  requestId: string;
  via: 'session' | 'token';
}

export function widestScope(scopes: DataScope[]): DataScope {
  let widest = 0;
  for (const s of scopes) widest = Math.max(widest, DATA_SCOPES.indexOf(s));
  return DATA_SCOPES[scopes.length ? widest : 0];
}

/** A context for work the system does by itself (seeding, jobs): every permission, scope all. */
export function systemContext(employeeId: string, permissions: Iterable<string> = []): RequestContext {
  return {
    employeeId,
    username: 'system',
    name: 'system',
    orgUnitId: '0',
    orgPath: '',
    departmentPath: '',
    regionPath: '',
    permissions: new Set(permissions),
    scope: 'all',
    locale: 'zh-CN',
    ip: '127.0.0.1',
    requestId: 'system',
    via: 'token',
  };
}
