import { useState, type FormEvent } from 'react';
import { useAuth } from '../../../app/auth.tsx';
import { FormError, TextField } from '../../../components/ui/fields.tsx';
import { useRunBilling, useRuns } from '../api/billing-api.ts';
import { useBillingT } from '../i18n.ts';
import { businessMonth, useDateFormat } from '../../../lib/date-format.ts';

/** Run billing for a month and see past runs (including re-ratings after late usage). */
export function BillingRunsPage() {
  const { dateTime } = useDateFormat();
  const { t } = useBillingT();
  const { can } = useAuth();
  const [month, setMonth] = useState(businessMonth(-1));
  const runs = useRuns();
  const run = useRunBilling();

  function submit(e: FormEvent) {
    e.preventDefault();
    run.mutate(month);
  }

  return (
    <div className="page">
      <div className="page__header">
        <h1>{t('runs.title')}</h1>
      </div>
      <section className="card">
        <div className="card__body">
          <p className="muted">{t('runs.rule')}</p>
          <form className="toolbar__row" onSubmit={submit} aria-label={t('runs.title')}>
            <TextField
              label={t('runs.month')}
              type="month"
              value={month}
              onChange={(e) => setMonth(e.target.value)}
              required
            />
            <button
              type="submit"
              className="button button--primary"
              style={{ alignSelf: 'flex-end' }}
              disabled={run.isPending || !can('billing:admin')}
            >
              {run.isPending ? t('runs.running') : t('runs.run')}
            </button>
          </form>
          <FormError message={run.error?.message} />
          {run.data && (
            <p role="status" className="notice notice--info" data-testid="run-result">
              {t('runs.done', { month: run.data.month, customers: run.data.customers, total: run.data.total })}
              {run.data.unrated > 0 && <> · {t('runs.unrated', { count: run.data.unrated })}</>}
            </p>
          )}
        </div>
      </section>
      <section className="card" style={{ marginTop: 16 }}>
        <table className="table" aria-label={t('runs.history')}>
          <thead>
            <tr>
              <th>{t('runs.month')}</th>
              <th>{t('runs.reason')}</th>
              <th className="num">{t('runs.customers')}</th>
              <th className="num">{t('runs.total')}</th>
              <th>{t('runs.startedAt')}</th>
              <th>{t('runs.startedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {(runs.data?.items ?? []).map((r) => (
              <tr key={r.id}>
                <td>{r.month}</td>
                <td>{r.reason === 'run' ? t('runs.reasonRun') : t('runs.reasonRerate')}</td>
                <td className="num">{r.customers}</td>
                <td className="num">¥{r.total}</td>
                <td>{dateTime(r.startedAt)}</td>
                <td>{r.startedBy ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
