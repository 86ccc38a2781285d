import { Fragment, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useAppT } from '../../../app/app-i18n.ts';
import { FormError, TextField } from '../../../components/ui/fields.tsx';
import { useAuditLog, type AuditFilters } from '../api/audit-api.ts';
import { useAuditT } from '../i18n.ts';
import { AuditChanges } from './audit-changes.tsx';
import { useDateFormat } from '../../../lib/date-format.ts';
import { useAuditLabels } from '../../../lib/audit-labels.ts';

const FILTERS = ['entity', 'entityId', 'actor', 'action', 'from', 'to'] as const;

/** The audit log, newest first: filters kept in the URL, "load more" through the keyset cursor, each row expandable to its changes. */
export function AuditLogPage() {
  const { dateTime } = useDateFormat();
  const { t } = useAuditT();
  const labels = useAuditLabels();
  const app = useAppT();
  const [params, setParams] = useSearchParams();
  const filters: AuditFilters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? undefined]));
  const [form, setForm] = useState<Record<string, string>>(
    Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])),
  );
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const log = useAuditLog(filters);
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];

  function apply(e: FormEvent) {
    e.preventDefault();
    const next = new URLSearchParams();
    // The filter takes the words the table shows (客户, Work order) as well as the codes.
    for (const f of FILTERS)
      if (form[f]?.trim()) next.set(f, f === 'entity' || f === 'action' ? labels.codeFor(f, form[f]) : form[f].trim());
    setParams(next, { replace: true });
  }
  /** The PII access log: who saw which customer's whole numbers; narrow it by employee, customer id and dates. */
  function unmaskedViews() {
    const next: Record<string, string> = { ...form, entity: 'customer', action: 'view_unmasked' };
    setForm(next);
    const params = new URLSearchParams();
    for (const f of FILTERS) if (next[f]?.trim()) params.set(f, next[f].trim());
    setParams(params, { replace: true });
  }
  const exportHref = (format: 'xlsx' | 'csv') => {
    const q = new URLSearchParams({ format });
    for (const f of FILTERS) if (filters[f]) q.set(f, filters[f]);
    return `/api/audit/export?${q}`;
  };
  function clear() {
    setForm(Object.fromEntries(FILTERS.map((f) => [f, ''])));
    setParams(new URLSearchParams(), { replace: true });
  }
  function toggle(id: string) {
    const next = new Set(expanded);
    if (!next.delete(id)) next.add(id);
    setExpanded(next);
  }
  const set = (key: string) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const label = labels.label;

  return (
    <div className="page">
      <div className="page__header">
        <h1>{t('title')}</h1>
      </div>
      <section className="card">
        <form className="toolbar" role="search" aria-label={t('title')} onSubmit={apply}>
          <div className="toolbar__row toolbar__filters">
            <TextField label={t('filter.entity')} list="audit-entities" value={form.entity} onChange={set('entity')} />
            <TextField
              label={t('filter.entityId')}
              inputMode="numeric"
              value={form.entityId}
              onChange={set('entityId')}
            />
            <TextField
              label={t('filter.actor')}
              placeholder={t('filter.actorHint')}
              value={form.actor}
              onChange={set('actor')}
            />
            <TextField label={t('filter.action')} list="audit-actions" value={form.action} onChange={set('action')} />
            <TextField label={t('filter.from')} type="date" value={form.from} onChange={set('from')} />
            <TextField label={t('filter.to')} type="date" value={form.to} onChange={set('to')} />
            <button type="submit" className="button button--primary">
              {t('filter.apply')}
            </button>
            <button type="button" className="button" onClick={clear}>
              {t('filter.clear')}
            </button>
          </div>
          <div className="toolbar__row">
            <button
              type="button"
              className="button"
              aria-pressed={filters.action === 'view_unmasked'}
              onClick={unmaskedViews}
            >
              {t('unmaskedViews')}
            </button>
            <a className="button" href={exportHref('xlsx')} download>
              {t('exportXlsx')}
            </a>
            <a className="button" href={exportHref('csv')} download>
              {t('exportCsv')}
            </a>
          </div>
          <datalist id="audit-entities">
            {labels.codes('entity').map((v) => (
              <option key={v} value={label('entity', v)} />
            ))}
          </datalist>
          <datalist id="audit-actions">
            {labels.codes('action').map((v) => (
              <option key={v} value={label('action', v)} />
            ))}
          </datalist>
        </form>
        <FormError message={log.error?.message} />
        <div className="table-wrap">
          <table className="table" aria-label={t('title')} data-testid="audit-table">
            <thead>
              <tr>
                <th style={{ width: 36 }}>
                  <span className="visually-hidden">{t('column.details')}</span>
                </th>
                <th>{t('column.at')}</th>
                <th>{t('column.actor')}</th>
                <th>{t('column.action')}</th>
                <th>{t('column.entity')}</th>
                <th>{t('column.entityId')}</th>
                <th>{t('column.ip')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const open = expanded.has(r.id);
                return (
                  <Fragment key={r.id}>
                    <tr data-row-id={r.id} className="table__row--link" onClick={() => toggle(r.id)}>
                      <td>
                        <button
                          type="button"
                          className="icon-button"
                          aria-expanded={open}
                          aria-label={t('expand', { id: r.id })}
                          onClick={(e) => {
                            e.stopPropagation();
                            toggle(r.id);
                          }}
                        >
                          {open ? '▾' : '▸'}
                        </button>
                      </td>
                      <td className="mono">{dateTime(r.at)}</td>
                      <td>{label('actor', r.actorName)}</td>
                      <td>
                        <span className={`badge${r.action === 'login_failed' ? ' badge--merged' : ''}`}>
                          {label('action', r.action)}
                        </span>
                      </td>
                      <td>{label('entity', r.entity)}</td>
                      <td className="mono">{r.entityId ?? '—'}</td>
                      <td className="mono">{r.ip ?? '—'}</td>
                    </tr>
                    {open && (
                      <tr className="audit__details">
                        <td />
                        <td colSpan={6}>
                          <AuditChanges changes={r.changes} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
          {rows.length === 0 && (
            <div className="table__empty">{log.isLoading ? app.t('common.loading') : t('empty')}</div>
          )}
        </div>
        <nav className="pager" aria-label="pagination">
          <span className="pager__info">{t('shown', { count: rows.length })}</span>
          {log.hasNextPage ? (
            <button
              type="button"
              className="button"
              disabled={log.isFetchingNextPage}
              onClick={() => void log.fetchNextPage()}
            >
              {log.isFetchingNextPage ? t('loadingMore') : t('loadMore')}
            </button>
          ) : (
            rows.length > 0 && <span className="muted">{t('end')}</span>
          )}
        </nav>
      </section>
    </div>
  );
}
