import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import i18n from 'i18next';
import './app/i18n.ts';
import './app/styles.css';
import { ApiError } from './app/api-client.ts';
import { AuthProvider } from './app/auth.tsx';
import { LoginPage } from './app/shell/login-page.tsx';
import { router } from './app/router.tsx';
import { ToastProvider } from './components/ui/toast.tsx';
import { PortalApp } from './features/portal/portal-app.tsx';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // A refusal (4xx) will not change by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

// Server-supplied text (type names, regions, messages) comes in the request's language: fetch it again after a switch.
i18n.on('languageChanged', () => void queryClient.invalidateQueries());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        {/* The customer portal has its own sign-in and session; it never loads the staff app. */}
        {/^\/portal(\/|$)/.test(window.location.pathname) ? (
          <PortalApp />
        ) : (
          <AuthProvider loginPage={(auth) => <LoginPage login={auth.login} />}>
            <RouterProvider router={router} />
          </AuthProvider>
        )}
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);
