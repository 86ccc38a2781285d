import { useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth.tsx';
import { useAppT } from '../app-i18n.ts';
import { pick } from '../i18n.ts';
import { features } from '../features.tsx';
import { ErrorBoundary } from '../error-boundary.tsx';
import { AccountDialog } from './account-dialog.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { GlobalSearch } from './global-search.tsx';
import { NotificationBell } from './notification-bell.tsx';
import './responsive.css';
import { Icon } from '../../components/ui/icons.tsx';

const navEntries = features.flatMap((f) => f.nav).sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
/** "/customers" must not light up on "/customers/new" when that has its own entry. */
const hasNavChild = (to: string) => to === '/' || navEntries.some((n) => n.to.startsWith(`${to}/`));

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/**
 * Ctrl+K (⌘K) focuses the header's global search; "/" focuses the page's own search box (`data-hotkey="search"`)
 * when it has one, the global search otherwise.
 */
function useSearchHotkey() {
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const ctrlK = (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k';
      const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target);
      if ((!ctrlK && !slash) || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      const box =
        (slash && document.querySelector<HTMLInputElement>('[data-hotkey="search"]')) ||
        document.querySelector<HTMLInputElement>('[data-global-search]');
      box?.focus();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

export function Layout() {
  const { me, can, logout } = useAuth();
  const { t } = useAppT();
  const { i18n } = useTranslation();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const [accountOpen, setAccountOpen] = useState(false);
  // On a phone the menu is folded away; it opens over the page and closes on a choice or Esc.
  const [navOpen, setNavOpen] = useState(false);
  useSearchHotkey();

  return (
    <div className={navOpen ? 'shell shell--nav-open' : 'shell'}>
      <header className="topbar">
        <button
          type="button"
          className="topbar__menu"
          aria-label={t('topbar.nav')}
          aria-expanded={navOpen}
          aria-controls="main-nav"
          onClick={() => setNavOpen(!navOpen)}
          data-testid="nav-toggle"
        >
          ☰
        </button>
        <a className="topbar__brand" href="/">
          <span className="topbar__logo" aria-hidden="true">
            联
          </span>
          {t('productName')}
        </a>
        <GlobalSearch />
        <div className="topbar__right">
          <NotificationBell />
          <LanguageSwitch />
          <div className="usermenu">
            <button
              type="button"
              className="usermenu__button"
              aria-haspopup="menu"
              aria-expanded={menuOpen}
              aria-label={t('topbar.menu')}
              onClick={() => setMenuOpen(!menuOpen)}
              data-testid="user-menu"
            >
              <span className="avatar" aria-hidden="true">
                {me.employee.name.slice(0, 1)}
              </span>
              <span>{me.employee.name}</span>
              <span aria-hidden="true">▾</span>
            </button>
            {menuOpen && (
              <div className="usermenu__list" role="menu" onKeyDown={(e) => e.key === 'Escape' && setMenuOpen(false)}>
                <button
                  type="button"
                  role="menuitem"
                  autoFocus
                  onClick={() => {
                    setMenuOpen(false);
                    setAccountOpen(true);
                  }}
                >
                  {t('topbar.account')}
                </button>
                <button
                  type="button"
                  role="menuitem"
                  onClick={() => {
                    setMenuOpen(false);
                    void logout();
                  }}
                >
                  {t('topbar.logout')}
                </button>
              </div>
            )}
          </div>
        </div>
      </header>
      <nav
        className="sidenav"
        id="main-nav"
        aria-label="main"
        onKeyDown={(e) => e.key === 'Escape' && setNavOpen(false)}
      >
        {navEntries
          .filter((n) => can(n.permission))
          .map((n) => (
            <NavLink
              key={n.to}
              to={n.to}
              end={hasNavChild(n.to)}
              className="sidenav__link"
              onClick={() => setNavOpen(false)}
            >
              <span className="sidenav__icon">{n.icon && <Icon name={n.icon} />}</span>
              {pick(n.label, i18n.language)}
            </NavLink>
          ))}
      </nav>
      <main className="content">
        <ErrorBoundary resetKey={location.pathname}>
          <Outlet />
        </ErrorBoundary>
      </main>
      {accountOpen && <AccountDialog onClose={() => setAccountOpen(false)} />}
    </div>
  );
}
