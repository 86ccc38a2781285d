import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, get, post, setCsrfToken, setUnauthenticatedHandler } from './api-client.ts';
import { hasPermission } from './permissions.ts';
import { setServerClock } from '../lib/business-date.ts';

export interface Me {
  employee: { id: string; username: string; name: string; orgUnitId: string };
  permissions: string[];
  scope: string;
  csrfToken: string | null;
  clock: { timeZone: string; now: string };
}

interface AuthState {
  me: Me | null;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  can(permission: string | undefined): boolean;
}

const AuthContext = createContext<AuthState | null>(null);

/** Knows who is signed in (from `GET /api/auth/me` at start, then the login answer); shows the login page while nobody is. */
export function AuthProvider({
  children,
  loginPage,
}: {
  children: ReactNode;
  loginPage: (auth: AuthState) => ReactNode;
}) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const queryClient = useQueryClient();

  const signedIn = useCallback(
    (next: Me | null) => {
      setCsrfToken(next?.csrfToken ?? null);
      if (next) setServerClock(next.clock);
      if (!next) queryClient.clear(); // nothing of the last user stays cached for the next one
      setMe(next);
    },
    [queryClient],
  );

  useEffect(() => {
    setUnauthenticatedHandler(() => signedIn(null));
    get<Me>('/api/auth/me').then(signedIn, (e: unknown) => {
      if (e instanceof ApiError && e.status === 401) signedIn(null);
      else setMe(null);
    });
  }, [signedIn]);

  const state = useMemo<AuthState>(
    () => ({
      me: me ?? null,
      login: async (username, password) => signedIn(await post<Me>('/api/auth/login', { username, password })),
      logout: async () => {
        try {
          await post('/api/auth/logout');
        } finally {
          signedIn(null);
        }
      },
      can: (permission) => hasPermission(me?.permissions ?? [], permission),
    }),
    [me, signedIn],
  );

  if (me === undefined) return <div className="boot" aria-busy="true" />;
  return <AuthContext.Provider value={state}>{me ? children : loginPage(state)}</AuthContext.Provider>;
}

export function useAuth(): AuthState & { me: Me } {
  const state = useContext(AuthContext);
  if (!state?.me) throw new Error('useAuth outside a signed-in tree');
  return state as AuthState & { me: Me };
}
