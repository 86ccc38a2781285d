import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import { useAuth } from '../../../app/auth.tsx';
import { useAppT } from '../../../app/app-i18n.ts';
import { pick } from '../../../app/i18n.ts';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { FormError } from '../../../components/ui/fields.tsx';
import { useRoles, type Role } from '../api/system-api.ts';
import { useSystemT } from '../i18n.ts';
import { SystemSection } from './system-section.tsx';

/** The roles, each with its data scope and how many permissions it holds; a row opens the editor. */
export function RolesPage() {
  const { t } = useSystemT();
  const app = useAppT();
  const { i18n } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const roles = useRoles();

  const columns = useMemo<ColumnDef<Role>[]>(
    () => [
      {
        id: 'name',
        header: t('roles.name'),
        cell: ({ row }) => (
          <Link to={`/system/roles/${row.original.id}`}>
            {pick({ zh: row.original.name, en: row.original.nameEn }, i18n.language)}
          </Link>
        ),
      },
      { id: 'code', header: t('roles.code'), cell: ({ row }) => <span className="mono">{row.original.code}</span> },
      {
        id: 'dataScope',
        header: t('roles.dataScope'),
        cell: ({ row }) => <span className="badge">{t(`scope.${row.original.dataScope}`)}</span>,
      },
      {
        id: 'permissions',
        header: t('roles.permissions'),
        cell: ({ row }) =>
          row.original.permissions.includes('*')
            ? t('roles.allPermissions')
            : t('roles.count', { count: row.original.permissions.length }),
      },
    ],
    [t, i18n.language],
  );

  return (
    <SystemSection
      actions={
        can('system:create') && (
          <Link className="button button--primary" to="/system/roles/new">
            ＋ {t('roles.add')}
          </Link>
        )
      }
    >
      <section className="card">
        <FormError message={roles.error?.message} />
        <DataTable
          label={t('section.roles')}
          testId="role-table"
          columns={columns}
          data={roles.data?.items ?? []}
          getRowId={(r) => r.id}
          empty={roles.isLoading ? app.t('common.loading') : app.t('common.empty')}
          onOpen={(r) => navigate(`/system/roles/${r.id}`)}
        />
      </section>
    </SystemSection>
  );
}
