import { useState, type FormEvent } from 'react';
import { useAppT } from '../../../app/app-i18n.ts';
import { useAuth } from '../../../app/auth.tsx';
import { FormError, TextField } from '../../../components/ui/fields.tsx';
import { useAtRisk, type RiskFilters, type RiskItem } from '../api/churn-api.ts';
import { useChurnT } from '../i18n.ts';
import { StartTaskDialog } from './start-task-dialog.tsx';
import './churn.css';

const SORTABLE = [
  ['score', 'risk.column.score'],
  ['customerNo', 'risk.column.customer'],
] as const;

function scoreClass(score: number): string {
  return score >= 70 ? 'badge badge--merged' : score >= 40 ? 'badge badge--declining' : 'badge';
}

/** Customers at risk, highest first (or by number), each with the three reasons in words and one click to start a retention task. */
export function AtRiskPage() {
  const { t } = useChurnT();
  const app = useAppT();
  const { me, can } = useAuth();
  const [form, setForm] = useState({ minScore: '40', mine: true });
  const [filters, setFilters] = useState<RiskFilters>({
    minScore: 40,
    managerId: me.employee.id,
    sort: 'score',
    order: 'desc',
  });
  const [starting, setStarting] = useState<RiskItem>();
  const risk = useAtRisk(filters);
  const rows = risk.data?.pages.flatMap((p) => p.items) ?? [];

  function apply(e: FormEvent) {
    e.preventDefault();
    setFilters({ ...filters, minScore: Number(form.minScore) || 0, managerId: form.mine ? me.employee.id : undefined });
  }
  function sortBy(sort: RiskFilters['sort']) {
    setFilters({ ...filters, sort, order: filters.sort === sort && filters.order === 'desc' ? 'asc' : 'desc' });
  }

  return (
    <div className="page">
      <div className="page__header">
        <h1>{t('risk.title')}</h1>
      </div>
      <section className="card">
        <form className="toolbar" onSubmit={apply} aria-label={t('risk.title')}>
          <div className="toolbar__row">
            <TextField
              label={t('risk.minScore')}
              type="number"
              min={0}
              max={100}
              value={form.minScore}
              onChange={(e) => setForm({ ...form, minScore: e.target.value })}
            />
            <label className="churn-check">
              <input
                type="checkbox"
                checked={form.mine}
                onChange={(e) => setForm({ ...form, mine: e.target.checked })}
              />{' '}
              {t('risk.mine')}
            </label>
            <button type="submit" className="button button--primary">
              {t('risk.apply')}
            </button>
          </div>
        </form>
        <FormError message={risk.error?.message} />
        <div className="table-wrap">
          <table className="table" aria-label={t('risk.title')} data-testid="at-risk">
            <thead>
              <tr>
                {SORTABLE.map(([key, header]) => (
                  <th
                    key={key}
                    aria-sort={filters.sort === key ? (filters.order === 'asc' ? 'ascending' : 'descending') : 'none'}
                  >
                    <button type="button" className="table__sort" onClick={() => sortBy(key)}>
                      {t(header)}
                      <span aria-hidden="true" className="table__sort-mark">
                        {filters.sort === key ? (filters.order === 'asc' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  </th>
                ))}
                <th>{t('risk.column.phone')}</th>
                <th>{t('risk.column.manager')}</th>
                <th>{t('risk.column.factors')}</th>
                <th>{t('risk.column.action')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.customerId} data-row-id={r.customerId}>
                  <td>
                    <span className={scoreClass(r.score)} title={t(`risk.model.${r.model}`)}>
                      {r.score}
                    </span>
                  </td>
                  <td>
                    <span className="mono">{r.customerNo}</span> {r.name}
                    <div className="muted">{r.regionName}</div>
                  </td>
                  <td className="mono">{r.phone}</td>
                  <td>{r.accountManagerName ?? '—'}</td>
                  <td>
                    <ol className="factors">
                      {r.factors.map((f) => (
                        <li key={f.feature}>{f.text}</li>
                      ))}
                    </ol>
                  </td>
                  <td>
                    {r.openTaskId ? (
                      <span className="muted">{t('risk.started')}</span>
                    ) : (
                      can('churn:create') && (
                        <button
                          type="button"
                          className="button button--small button--primary"
                          onClick={() => setStarting(r)}
                          aria-label={`${t('risk.start')} ${r.customerNo}`}
                        >
                          {t('risk.start')}
                        </button>
                      )
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 && (
            <div className="table__empty">{risk.isLoading ? app.t('common.loading') : t('risk.empty')}</div>
          )}
        </div>
        {risk.hasNextPage && (
          <nav className="pager">
            <button type="button" className="button" onClick={() => void risk.fetchNextPage()}>
              {t('risk.loadMore')}
            </button>
          </nav>
        )}
      </section>
      {starting && <StartTaskDialog customer={starting} onClose={() => setStarting(undefined)} />}
    </div>
  );
}
