import { useState, type ReactNode } from 'react';
import { ApiError } from '../../app/api-client.ts';
import { LanguageSwitch } from '../../app/shell/language-switch.tsx';
import { FormError } from '../../components/ui/fields.tsx';
import { useHome, useLogout } from './api/portal-api.ts';
import { usePortalT } from './i18n.ts';
import { PortalLogin, PortalReset } from './components/portal-login.tsx';
import { PortalBills, PortalHomeView, PortalPayments, PortalProfile } from './components/portal-views.tsx';
import { PortalWorkOrders } from './components/portal-work-orders.tsx';
import './portal.css';

const TABS = ['home', 'bills', 'payments', 'requests', 'profile'] as const;
type Tab = (typeof TABS)[number];

/**
 * The customer self-service portal at /portal: a phone-sized single page apart from the staff app, with its
 * own sign-in and session. The view lives in the URL hash so the back button works.
 */
export function PortalApp() {
  const { t } = usePortalT();
  const resetToken = new URLSearchParams(window.location.search).get('token');
  const [resetDone, setResetDone] = useState(false);
  const home = useHome();
  const logout = useLogout();
  const [tab, setTabState] = useState<Tab>(() =>
    (TABS as readonly string[]).includes(window.location.hash.slice(1))
      ? (window.location.hash.slice(1) as Tab)
      : 'home',
  );
  const setTab = (next: Tab) => {
    window.location.hash = next;
    setTabState(next);
  };
  const signedOut = home.error instanceof ApiError && home.error.status === 401;

  let body: ReactNode;
  if (window.location.pathname.startsWith('/portal/reset') && resetToken && !resetDone) {
    body = (
      <PortalReset
        token={resetToken}
        onDone={() => {
          setResetDone(true);
          window.history.replaceState(null, '', '/portal');
        }}
      />
    );
  } else if (signedOut || (!home.data && !home.isPending)) {
    body =
      signedOut || !home.error ? (
        <PortalLogin notice={resetDone ? t('reset.done') : undefined} />
      ) : (
        <FormError message={home.error.message} />
      );
  } else if (home.data) {
    const views: Record<Tab, () => ReactNode> = {
      home: () => <PortalHomeView home={home.data} />,
      bills: () => <PortalBills />,
      payments: () => <PortalPayments />,
      requests: () => <PortalWorkOrders home={home.data} />,
      profile: () => <PortalProfile home={home.data} />,
    };
    body = (
      <>
        <nav className="portal__tabs" aria-label={t('brand')}>
          {TABS.map((k) => (
            <button key={k} type="button" aria-current={tab === k ? 'page' : undefined} onClick={() => setTab(k)}>
              {t(`tab.${k}`)}
            </button>
          ))}
        </nav>
        <main className="portal__main">{views[tab]()}</main>
      </>
    );
  }

  return (
    <div className="portal">
      <header className="portal__top">
        <strong>{t('brand')}</strong>
        <div className="portal__top-right">
          {home.data && <span>{t('hello', { name: home.data.customer.name })}</span>}
          <LanguageSwitch />
          {home.data && (
            <button type="button" className="link-button portal__logout" onClick={() => logout.mutate()}>
              {t('logout')}
            </button>
          )}
        </div>
      </header>
      {body}
    </div>
  );
}
