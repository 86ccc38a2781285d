import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../../app/auth.tsx';
import { useAppT } from '../../../app/app-i18n.ts';
import { FormError, SelectField, TextField } from '../../../components/ui/fields.tsx';
import { REASONS, useChurnRecords, type ChurnRecord, type RecordFilters } from '../api/churn-api.ts';
import { useChurnT } from '../i18n.ts';
import { ChurnImportDialog } from './churn-import-dialog.tsx';
import { ChurnRecordDialog } from './churn-record-dialog.tsx';

/** Churned customers, newest first: record one, import a file, correct a record's reason. */
export function ChurnRecordsPage() {
  const { t } = useChurnT();
  const app = useAppT();
  const { can } = useAuth();
  const [form, setForm] = useState<RecordFilters>({});
  const [filters, setFilters] = useState<RecordFilters>({});
  const [dialog, setDialog] = useState<{ kind: 'new' } | { kind: 'import' } | { kind: 'edit'; record: ChurnRecord }>();
  const records = useChurnRecords(filters);
  const rows = records.data?.pages.flatMap((p) => p.items) ?? [];

  function apply(e: FormEvent) {
    e.preventDefault();
    setFilters(Object.fromEntries(Object.entries(form).filter(([, v]) => v)));
  }

  return (
    <div className="page">
      <div className="page__header">
        <h1>{t('records.title')}</h1>
        <div className="page__actions">
          {can('churn:import') && (
            <button type="button" className="button" onClick={() => setDialog({ kind: 'import' })}>
              {t('records.import')}
            </button>
          )}
          {can('churn:create') && (
            <button type="button" className="button button--primary" onClick={() => setDialog({ kind: 'new' })}>
              {t('records.add')}
            </button>
          )}
        </div>
      </div>
      <section className="card">
        <form className="toolbar" onSubmit={apply} aria-label={t('records.title')}>
          <div className="toolbar__row">
            <TextField
              label={t('records.filter.from')}
              type="date"
              value={form.from ?? ''}
              onChange={(e) => setForm({ ...form, from: e.target.value })}
            />
            <TextField
              label={t('records.filter.to')}
              type="date"
              value={form.to ?? ''}
              onChange={(e) => setForm({ ...form, to: e.target.value })}
            />
            <SelectField
              label={t('records.filter.reason')}
              value={form.reasonCategory ?? ''}
              placeholder={t('records.filter.all')}
              onChange={(e) => setForm({ ...form, reasonCategory: e.target.value })}
              options={REASONS.map((r) => ({ value: r, label: t(`reason.${r}`) }))}
            />
            <button type="submit" className="button button--primary">
              {t('records.filter.apply')}
            </button>
          </div>
        </form>
        <FormError message={records.error?.message} />
        <div className="table-wrap">
          <table className="table" aria-label={t('records.title')} data-testid="churn-records">
            <thead>
              <tr>
                <th>{t('records.column.churnedOn')}</th>
                <th>{t('records.column.customer')}</th>
                <th>{t('records.column.region')}</th>
                <th>{t('records.column.reason')}</th>
                <th>{t('records.column.competitor')}</th>
                <th>{t('records.column.source')}</th>
                <th>{t('records.column.notes')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-row-id={r.id}>
                  <td className="mono">{r.churnedOn}</td>
                  <td>
                    <Link to={`/customers/${r.customerId}`}>
                      <span className="mono">{r.customerNo}</span> {r.customerName}
                    </Link>
                  </td>
                  <td>{r.regionName}</td>
                  <td>
                    <span className="badge">{t(`reason.${r.reasonCategory}`)}</span>
                  </td>
                  <td>{r.competitor ?? '—'}</td>
                  <td>{t(`source.${r.source}`)}</td>
                  <td className="muted">{r.notes ?? r.reason ?? ''}</td>
                  <td>
                    {can('churn:edit') && (
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => setDialog({ kind: 'edit', record: r })}
                      >
                        {t('records.edit')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 && (
            <div className="table__empty">{records.isLoading ? app.t('common.loading') : t('records.empty')}</div>
          )}
        </div>
        {records.hasNextPage && (
          <nav className="pager">
            <button type="button" className="button" onClick={() => void records.fetchNextPage()}>
              {t('records.loadMore')}
            </button>
          </nav>
        )}
      </section>
      {dialog?.kind === 'new' && <ChurnRecordDialog onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'edit' && <ChurnRecordDialog record={dialog.record} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'import' && <ChurnImportDialog onClose={() => setDialog(undefined)} />}
    </div>
  );
}
