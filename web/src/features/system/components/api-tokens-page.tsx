import { useMemo, useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { useAppT } from '../../../app/app-i18n.ts';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { FormError } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { useApiTokens, useEmployees, useRevokeApiToken, type ApiToken } from '../api/system-api.ts';
import { useSystemT } from '../i18n.ts';
import { CreateApiTokenDialog } from './create-api-token-dialog.tsx';
import { SystemSection } from './system-section.tsx';
import { useDateFormat } from '../../../lib/date-format.ts';
import { serverNow } from '../../../lib/business-date.ts';

/** API tokens for integrations: who they act as, when last used; create (shown once) and revoke. */
export function ApiTokensPage() {
  const { dateTime } = useDateFormat();
  const { t } = useSystemT();
  const app = useAppT();
  const toast = useToast();
  const tokens = useApiTokens();
  const employees = useEmployees({ limit: 200 });
  const revoke = useRevokeApiToken();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const names = useMemo(() => new Map((employees.data?.items ?? []).map((e) => [e.id, e.name])), [employees.data]);
  const columns = useMemo<ColumnDef<ApiToken>[]>(() => {
    const when = (iso: string | null, fallback: string) => (iso ? dateTime(iso) : fallback);
    return [
      { id: 'name', header: t('tokens.name'), cell: ({ row }) => row.original.name },
      {
        id: 'prefix',
        header: t('tokens.prefix'),
        cell: ({ row }) => <span className="mono">{row.original.prefix}…</span>,
      },
      {
        id: 'employee',
        header: t('tokens.employee'),
        cell: ({ row }) => names.get(row.original.employeeId) ?? row.original.employeeId,
      },
      { id: 'createdAt', header: t('tokens.createdAt'), cell: ({ row }) => when(row.original.createdAt, '') },
      {
        id: 'lastUsedAt',
        header: t('tokens.lastUsedAt'),
        cell: ({ row }) => when(row.original.lastUsedAt, t('tokens.never')),
      },
      {
        id: 'scope',
        header: t('tokens.scope'),
        cell: ({ row }) => (
          <span>
            {row.original.readOnly ? t('tokens.readOnlyShort') : t('tokens.readWrite')}
            {' · '}
            {row.original.modules.length ? (
              <span className="mono">{row.original.modules.join(', ')}</span>
            ) : (
              t('tokens.allModules')
            )}
          </span>
        ),
      },
      {
        id: 'expiresAt',
        header: t('tokens.expiresAt'),
        cell: ({ row }) => when(row.original.expiresAt, t('tokens.noExpiry')),
      },
      {
        id: 'status',
        header: t('tokens.status'),
        cell: ({ row }) =>
          row.original.revokedAt ? (
            <span className="badge badge--cancelled" title={when(row.original.revokedAt, '')}>
              {t('tokens.revoked')} {when(row.original.revokedAt, '')}
            </span>
          ) : row.original.expiresAt && new Date(row.original.expiresAt) <= serverNow() ? (
            <span className="badge badge--cancelled">{t('tokens.expired')}</span>
          ) : (
            <span className="badge badge--active">{t('tokens.valid')}</span>
          ),
      },
      {
        id: 'actions',
        header: () => <span className="visually-hidden">{t('tokens.actions')}</span>,
        cell: ({ row }) =>
          !row.original.revokedAt && (
            <div className="row-actions">
              <button
                type="button"
                className="button button--small button--danger"
                onClick={() => setRevoking(row.original)}
              >
                {t('tokens.revoke')}
              </button>
            </div>
          ),
      },
    ];
  }, [t, names, dateTime]);

  return (
    <SystemSection
      actions={
        <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
          ＋ {t('tokens.add')}
        </button>
      }
    >
      <section className="card">
        <FormError message={tokens.error?.message} />
        <DataTable
          label={t('section.apiTokens')}
          testId="token-table"
          columns={columns}
          data={tokens.data ?? []}
          getRowId={(r) => r.id}
          empty={tokens.isLoading ? app.t('common.loading') : t('tokens.empty')}
        />
      </section>
      {creating && (
        <CreateApiTokenDialog
          employees={(employees.data?.items ?? []).filter((e) => e.status === 'active')}
          onClose={() => setCreating(false)}
        />
      )}
      {revoking && (
        <ConfirmDialog
          title={t('tokens.revokeTitle')}
          danger
          confirmLabel={t('tokens.revoke')}
          cancelLabel={app.t('common.cancel')}
          busy={revoke.isPending}
          error={revoke.error?.message}
          onClose={() => {
            revoke.reset();
            setRevoking(null);
          }}
          onConfirm={() =>
            revoke.mutate(revoking.id, {
              onSuccess: () => {
                toast(t('tokens.revokedDone', { name: revoking.name }));
                setRevoking(null);
              },
            })
          }
        >
          {t('tokens.revokeConfirm', { name: revoking.name })}
        </ConfirmDialog>
      )}
    </SystemSection>
  );
}
