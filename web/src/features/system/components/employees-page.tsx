import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import { useAuth } from '../../../app/auth.tsx';
import { useAppT } from '../../../app/app-i18n.ts';
import { pick } from '../../../app/i18n.ts';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { DataTable, Pager } from '../../../components/ui/data-table.tsx';
import { FormError } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { useEmployees, useRoles, useUpdateEmployee, type Employee } from '../api/system-api.ts';
import { useSystemT } from '../i18n.ts';
import { EmployeeDialog } from './employee-dialog.tsx';
import { ResetPasswordDialog } from './reset-password-dialog.tsx';
import { SystemSection } from './system-section.tsx';
import { useDateFormat } from '../../../lib/date-format.ts';

const PAGE_SIZE = 20;
type Opened = { kind: 'create' } | { kind: 'edit' | 'reset' | 'status'; employee: Employee };

/** Employees: search by username or name, keyset pages, and per row edit, reset password, disable / enable. */
export function EmployeesPage() {
  const { date } = useDateFormat();
  const { t } = useSystemT();
  const app = useAppT();
  const { i18n } = useTranslation();
  const { can, me } = useAuth();
  const toast = useToast();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [cursors, setCursors] = useState<string[]>([]);
  // The header search opens a hit here as `?q=<name>`.
  const [params] = useSearchParams();
  const linked = params.get('q');
  useEffect(() => {
    if (linked === null) return;
    setTyped(linked);
    setQ(linked);
    setCursors([]);
  }, [linked]);
  const [opened, setOpened] = useState<Opened | null>(null);
  const list = useEmployees({ q: q || undefined, cursor: cursors[cursors.length - 1], limit: PAGE_SIZE });
  const roles = useRoles();
  const update = useUpdateEmployee();

  const roleNames = useMemo(
    () => new Map((roles.data?.items ?? []).map((r) => [r.id, pick({ zh: r.name, en: r.nameEn }, i18n.language)])),
    [roles.data, i18n.language],
  );
  const columns = useMemo<ColumnDef<Employee>[]>(
    () => [
      {
        id: 'username',
        header: t('employees.username'),
        cell: ({ row }) => <span className="mono">{row.original.username}</span>,
      },
      { id: 'name', header: t('employees.name'), cell: ({ row }) => row.original.name },
      { id: 'orgUnit', header: t('employees.orgUnit'), cell: ({ row }) => row.original.orgUnitName },
      {
        id: 'roles',
        header: t('employees.roles'),
        cell: ({ row }) => (
          <span className="chips">
            {row.original.roleIds.map((id) => (
              <span key={id} className="badge">
                {roleNames.get(id) ?? id}
              </span>
            ))}
          </span>
        ),
      },
      {
        id: 'phone',
        header: t('employees.phone'),
        cell: ({ row }) => <span className="mono">{row.original.phone ?? '—'}</span>,
      },
      {
        id: 'status',
        header: t('employees.status'),
        cell: ({ row }) => (
          <span className={`badge badge--${row.original.status === 'active' ? 'active' : 'cancelled'}`}>
            {t(`employees.${row.original.status}`)}
          </span>
        ),
      },
      { id: 'createdAt', header: t('employees.createdAt'), cell: ({ row }) => date(row.original.createdAt) },
      {
        id: 'actions',
        header: () => <span className="visually-hidden">{t('employees.actions')}</span>,
        cell: ({ row }) =>
          can('system:edit') && (
            <div className="row-actions">
              <button
                type="button"
                className="button button--small"
                onClick={() => setOpened({ kind: 'edit', employee: row.original })}
              >
                {t('employees.edit')}
              </button>
              <button
                type="button"
                className="button button--small"
                onClick={() => setOpened({ kind: 'reset', employee: row.original })}
              >
                {t('employees.resetPassword')}
              </button>
              {/* The server refuses to disable oneself; no button to press for nothing. */}
              {row.original.id !== me.employee.id && (
                <button
                  type="button"
                  className={`button button--small${row.original.status === 'active' ? ' button--danger' : ''}`}
                  onClick={() => setOpened({ kind: 'status', employee: row.original })}
                >
                  {t(row.original.status === 'active' ? 'employees.disable' : 'employees.enable')}
                </button>
              )}
            </div>
          ),
      },
    ],
    [t, roleNames, can, me.employee.id, date],
  );

  function search(value: string) {
    setQ(value.trim());
    setCursors([]);
  }

  const statusTarget = opened?.kind === 'status' ? opened.employee : null;
  const disabling = statusTarget?.status === 'active';
  function changeStatus(employee: Employee) {
    update.mutate(
      { id: employee.id, status: disabling ? 'disabled' : 'active' },
      {
        onSuccess: () => {
          toast(t(disabling ? 'employees.disabledDone' : 'employees.enabledDone', { name: employee.name }));
          setOpened(null);
        },
      },
    );
  }

  return (
    <SystemSection
      actions={
        can('system:create') && (
          <button type="button" className="button button--primary" onClick={() => setOpened({ kind: 'create' })}>
            ＋ {t('employees.add')}
          </button>
        )
      }
    >
      <section className="card">
        <form
          className="toolbar"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            search(typed);
          }}
        >
          <div className="toolbar__row">
            <div className="search">
              <input
                className="search-input"
                type="search"
                aria-label={t('employees.searchLabel')}
                placeholder={t('employees.search')}
                data-hotkey="search"
                value={typed}
                onChange={(e) => {
                  setTyped(e.target.value);
                  if (!e.target.value) search('');
                }}
              />
              <kbd aria-hidden="true">/</kbd>
            </div>
            <button type="submit" className="button button--primary">
              {app.t('common.search')}
            </button>
          </div>
        </form>
        <FormError message={list.error?.message} />
        <DataTable
          label={t('section.employees')}
          testId="employee-table"
          columns={columns}
          data={list.data?.items ?? []}
          getRowId={(e) => e.id}
          empty={list.isLoading ? app.t('common.loading') : t('employees.empty')}
          onOpen={can('system:edit') ? (employee) => setOpened({ kind: 'edit', employee }) : undefined}
        />
        <Pager
          labels={{ previous: app.t('common.previous'), next: app.t('common.next') }}
          info={t('employees.pageInfo', { page: cursors.length + 1 })}
          canPrevious={cursors.length > 0}
          canNext={!!list.data?.nextCursor}
          onPrevious={() => setCursors(cursors.slice(0, -1))}
          onNext={() => list.data?.nextCursor && setCursors([...cursors, list.data.nextCursor])}
        />
      </section>
      {opened?.kind === 'create' && <EmployeeDialog onClose={() => setOpened(null)} />}
      {opened?.kind === 'edit' && <EmployeeDialog employee={opened.employee} onClose={() => setOpened(null)} />}
      {opened?.kind === 'reset' && <ResetPasswordDialog employee={opened.employee} onClose={() => setOpened(null)} />}
      {statusTarget && (
        <ConfirmDialog
          title={t(disabling ? 'employees.disableTitle' : 'employees.enableTitle')}
          danger={disabling}
          confirmLabel={t(disabling ? 'employees.disable' : 'employees.enable')}
          cancelLabel={app.t('common.cancel')}
          busy={update.isPending}
          error={update.error?.message}
          onClose={() => {
            update.reset();
            setOpened(null);
          }}
          onConfirm={() => changeStatus(statusTarget)}
        >
          {t(disabling ? 'employees.disableConfirm' : 'employees.enableConfirm', { name: statusTarget.name })}
        </ConfirmDialog>
      )}
    </SystemSection>
  );
}
