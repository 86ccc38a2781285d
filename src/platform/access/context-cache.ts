import type { RequestContext } from './context.ts';

/** The part of a context that depends on who is asking, not on the request. */
export type IdentityContext = Omit<RequestContext, 'ip' | 'requestId' | 'locale' | 'via'> & {
  /** The session's CSRF token; absent for API tokens, which need none. */
  csrfToken?: string;
};

const TTL_MS = 10_000;
const cache = new Map<string, { identity: IdentityContext; expires: number }>();

/**
 * Resolving a session costs a join over employees, org units and roles; caching it for a few seconds
 * takes that query off every request. Disabling an employee or changing roles clears the cache in this
 * process at once; other processes pick the change up within TTL_MS.
 */
export async function cachedIdentity(key: string, load: () => Promise<IdentityContext | undefined>): Promise<IdentityContext | undefined> {
  const hit = cache.get(key);
  const now = Date.now();
  if (hit && hit.expires > now) return hit.identity;
  const identity = await load();
  if (identity) cache.set(key, { identity, expires: now + TTL_MS });
  else cache.delete(key);
  if (cache.size > 50_000) cache.clear();
  return identity;
}

export function forgetIdentity(key: string): void {
  cache.delete(key);
}

export function forgetEmployee(employeeId: string): void {
  for (const [key, value] of cache) if (value.identity.employeeId === employeeId) cache.delete(key);
}

export function forgetAllIdentities(): void {
  cache.clear();
}
