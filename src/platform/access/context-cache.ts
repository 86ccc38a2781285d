import type { RequestContext } from './context.ts';

/** The part of a context that depends on who is asking, not on the request. */
export type IdentityContext = Omit<RequestContext, 'ip' | 'requestId' | 'locale' | 'via'> & {
  /** The session's CSRF token; absent for API tokens, which need none. */
  csrfToken?: string;
  /** An API token's own limits, checked on every request (the identity is cached for a few seconds). */
  tokenLimits?: { expiresAt: Date | null; readOnly: boolean; modules: string[] };
};

const TTL_MS = 10_000;
const cache = new Map<string, { identity: IdentityContext; expires: number }>();
/**
 * Loads under way, by key. When an entry expires while a browser (or 1,000 connections of one integration)
 * sends requests in parallel, they all wait for one load instead of each touching the session row at once,
 * which queued them behind each other's row lock and the pool.
 */
const loading = new Map<string, Promise<IdentityContext | undefined>>();

/**
 * Resolving a session costs a join over employees, org units and roles; caching it for a few seconds
 * takes that query off every request. Disabling an employee or changing roles clears the cache in this
 * process at once; other processes pick the change up within TTL_MS.
 */
export async function cachedIdentity(
  key: string,
  load: () => Promise<IdentityContext | undefined>,
): Promise<IdentityContext | undefined> {
  const hit = cache.get(key);
  if (hit && hit.expires > Date.now()) return hit.identity;
  let pending = loading.get(key);
  if (!pending) {
    pending = load()
      .then((identity) => {
        // A forget… call during the load deleted the key from `loading`: then this result is already stale.
        if (loading.get(key) === pending) {
          if (identity) cache.set(key, { identity, expires: Date.now() + TTL_MS });
          else cache.delete(key);
          if (cache.size > 50_000) cache.clear();
        }
        return identity;
      })
      .finally(() => {
        if (loading.get(key) === pending) loading.delete(key);
      });
    loading.set(key, pending);
  }
  return pending;
}

export function forgetIdentity(key: string): void {
  cache.delete(key);
  loading.delete(key);
}

export function forgetEmployee(employeeId: string): void {
  for (const [key, value] of cache) if (value.identity.employeeId === employeeId) cache.delete(key);
  // A load under way may be for this employee; its result must not be cached.
  loading.clear();
}

export function forgetAllIdentities(): void {
  cache.clear();
  loading.clear();
}
