import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { useAuth } from '../../../app/auth.tsx';
import { useSystemT } from '../i18n.ts';
import '../system.css';

const SECTIONS = [
  { to: '/system/org-units', key: 'orgUnits', permission: 'system:view' },
  { to: '/system/employees', key: 'employees', permission: 'system:view' },
  { to: '/system/roles', key: 'roles', permission: 'system:view' },
  { to: '/system/api-tokens', key: 'apiTokens', permission: 'system:admin' },
  { to: '/system/backups', key: 'backups', permission: 'backup:admin' },
] as const;

/** The frame of every system-management page: its title, the section links the user may open, and page actions. */
export function SystemSection({ actions, children }: { actions?: ReactNode; children: ReactNode }) {
  const { t } = useSystemT();
  const { can } = useAuth();
  return (
    <div className="page">
      <div className="page__header">
        <h1>{t('title')}</h1>
        {actions && <div className="page__actions">{actions}</div>}
      </div>
      <nav className="section-nav" aria-label={t('title')}>
        {SECTIONS.filter((s) => can(s.permission)).map((s) => (
          <NavLink key={s.to} to={s.to} className="section-nav__link">
            {t(`section.${s.key}`)}
          </NavLink>
        ))}
      </nav>
      {children}
    </div>
  );
}
