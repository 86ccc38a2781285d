import { createBrowserRouter, Navigate } from 'react-router';
import type { ReactNode } from 'react';
import { features } from './features.tsx';
import { useAuth } from './auth.tsx';
import { NotFoundPage } from './shell/not-found-page.tsx';
import { Layout } from './shell/layout.tsx';
import { RouteError } from './error-boundary.tsx';

/** A page the user lacks the permission for looks like one that does not exist (as the server answers 404). */
function Guard({ permission, children }: { permission?: string; children: ReactNode }) {
  return useAuth().can(permission) ? children : <NotFoundPage />;
}

/** "/" opens the first area the user may use. */
function Home() {
  const { can } = useAuth();
  const first = features.flatMap((f) => f.nav).find((n) => can(n.permission));
  return first ? <Navigate to={first.to} replace /> : <NotFoundPage />;
}

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { path: '/', element: <Home /> },
      ...features.flatMap((f) => f.routes.map((r) => ({ path: r.path, element: <Guard permission={r.permission}>{r.element}</Guard> }))),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
