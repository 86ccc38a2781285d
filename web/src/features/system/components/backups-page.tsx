import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import { useAppT } from '../../../app/app-i18n.ts';
import { DataTable } from '../../../components/ui/data-table.tsx';
import { FormError } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { backupDownloadHref, useBackups, useStartBackup, type Backup } from '../api/backups-api.ts';
import { useSystemT } from '../i18n.ts';
import { SystemSection } from './system-section.tsx';

/** Backups: each archive with its size and whether its verification restore matched; back up now; download; how to restore. */
export function BackupsPage() {
  const { t } = useSystemT();
  const app = useAppT();
  const { i18n } = useTranslation();
  const toast = useToast();
  const backups = useBackups();
  const start = useStartBackup();
  const inProgress = backups.data?.inProgress ?? false;

  const columns = useMemo<ColumnDef<Backup>[]>(
    () => [
      {
        id: 'createdAt',
        header: t('backups.createdAt'),
        cell: ({ row }) => new Date(row.original.createdAt).toLocaleString(i18n.language),
      },
      {
        id: 'size',
        header: t('backups.size'),
        cell: ({ row }) => `${(row.original.sizeBytes / 1048576).toFixed(1)} MB`,
      },
      {
        id: 'content',
        header: t('backups.content'),
        cell: ({ row }) =>
          row.original.tables === null
            ? '—'
            : t('backups.contentValue', {
                tables: row.original.tables,
                rows: (row.original.rows ?? 0).toLocaleString(i18n.language),
                files: row.original.files,
              }),
      },
      {
        id: 'verification',
        header: t('backups.verification'),
        cell: ({ row }) => {
          const v = row.original.verification;
          if (!v) return <span className="badge badge--cancelled">{t('backups.unverified')}</span>;
          if (v.status === 'verified')
            return (
              <span className="badge badge--active" title={new Date(v.at).toLocaleString(i18n.language)}>
                {t('backups.verified')}
              </span>
            );
          return (
            <span className="badge badge--failed" title={v.problems.join('\n')}>
              {t('backups.failed', { count: v.problems.length })}
            </span>
          );
        },
      },
      {
        id: 'actions',
        header: () => <span className="visually-hidden">{t('backups.actions')}</span>,
        cell: ({ row }) => (
          <a className="button button--small" href={backupDownloadHref(row.original.name)} download>
            {t('backups.download')}
          </a>
        ),
      },
    ],
    [t, i18n.language],
  );

  const schedule = backups.data?.schedule;
  return (
    <SystemSection
      actions={
        <button
          type="button"
          className="button button--primary"
          disabled={inProgress || start.isPending}
          onClick={() => start.mutate(undefined, { onSuccess: () => toast(t('backups.started')) })}
        >
          {inProgress ? t('backups.running') : t('backups.now')}
        </button>
      }
    >
      <section className="card">
        <FormError message={backups.error?.message ?? start.error?.message} />
        {schedule && (
          <p className="card__body muted" data-testid="backup-schedule">
            {schedule.everyHours > 0
              ? t('backups.schedule', { hours: schedule.everyHours, keep: schedule.keep })
              : t('backups.scheduleOff')}{' '}
            {t('backups.dir')} <span className="mono">{schedule.dir}</span>
          </p>
        )}
        <DataTable
          label={t('section.backups')}
          testId="backup-table"
          columns={columns}
          data={backups.data?.items ?? []}
          getRowId={(r) => r.name}
          empty={backups.isLoading ? app.t('common.loading') : t('backups.empty')}
        />
      </section>
      <section className="card card__body">
        <h2>{t('backups.restoreTitle')}</h2>
        <p>{t('backups.restoreIntro')}</p>
        <pre className="mono">{'npm install\nnpm run restore -- lianxi-backup-….tar.gz'}</pre>
        <p className="muted">{t('backups.restoreNotes')}</p>
      </section>
    </SystemSection>
  );
}
