import { createBrowserRouter } from 'react-router';
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

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      ...features.flatMap((f) =>
        f.routes.map((r) => ({ path: r.path, element: <Guard permission={r.permission}>{r.element}</Guard> })),
      ),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
