import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../../../app/auth.tsx';
import { useAppT } from '../../../app/app-i18n.ts';
import { Pager } from '../../../components/ui/data-table.tsx';
import { FormError, SelectField } from '../../../components/ui/fields.tsx';
import { ListTools, PAGE_SIZES } from '../../../components/ui/list-tools.tsx';
import {
  BUSINESS_TYPES,
  PRIORITIES,
  QUEUES,
  STATUSES,
  useWorkOrders,
  type Filters,
  type Queue,
} from '../api/work-orders-api.ts';
import { useWorkOrdersT } from '../i18n.ts';
import { CreateWorkOrderDialog } from './create-work-order-dialog.tsx';
import { NotificationsPanel } from './notifications-panel.tsx';
import { WorkOrderTable } from './work-order-table.tsx';
import { SharedWithMe } from '../../../components/ui/shared-with-me.tsx';

/** The queues after-sales staff live in: mine, my department's, awaiting my return visit, overdue, all; with filters and search in the URL. */
export function WorkOrderListPage() {
  const { t } = useWorkOrdersT();
  const app = useAppT();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const queue = (QUEUES as readonly string[]).includes(params.get('queue') ?? '')
    ? (params.get('queue') as Queue)
    : 'mine';
  const filters: Filters = {
    queue,
    q: params.get('q') ?? undefined,
    status: params.get('status') ?? undefined,
    businessType: params.get('businessType') ?? undefined,
    priority: params.get('priority') ?? undefined,
  };
  const [typed, setTyped] = useState(filters.q ?? '');
  const [cursors, setCursors] = useState<string[]>([]);
  const [pageSize, setPageSize] = useState<number>(PAGE_SIZES[0]);
  const [creating, setCreating] = useState(false);
  const list = useWorkOrders(filters, cursors[cursors.length - 1], pageSize);

  function update(next: Partial<Filters>) {
    const merged = { ...filters, ...next };
    setParams(new URLSearchParams(Object.entries(merged).filter(([, v]) => v) as [string, string][]), {
      replace: true,
    });
    setCursors([]);
  }

  return (
    <div className="page">
      <div className="page__header">
        <h1>{t('title')}</h1>
        <div className="page__actions">
          {can('work-orders:view') && (
            <Link className="button" to="/work-orders/stats">
              {t('stats.title')}
            </Link>
          )}
          {can('work-orders:admin') && (
            <Link className="button" to="/work-orders/settings">
              {t('settings.title')}
            </Link>
          )}
          {can('work-orders:create') && (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              ＋ {t('create')}
            </button>
          )}
        </div>
      </div>
      <NotificationsPanel />
      <SharedWithMe endpoint="/api/work-orders/shared-with-me" linkTo={(id) => `/work-orders/${id}`} />
      <section className="card">
        <div className="wo-queues" role="group" aria-label={t('title')}>
          {QUEUES.map((q) => (
            <button
              key={q}
              type="button"
              className="button"
              aria-pressed={q === queue}
              onClick={() => update({ queue: q })}
            >
              {t(`queue.${q}`)}
            </button>
          ))}
        </div>
        <form
          className="toolbar"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            update({ q: typed.trim() || undefined });
          }}
        >
          <div className="toolbar__row">
            <div className="search">
              <input
                className="search-input"
                type="search"
                aria-label={t('searchLabel')}
                placeholder={t('search')}
                data-hotkey="search"
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
              />
              <kbd aria-hidden="true">/</kbd>
            </div>
            <button type="submit" className="button button--primary">
              {app.t('common.search')}
            </button>
          </div>
          <div className="toolbar__row toolbar__filters">
            <SelectField
              label={t('field.status')}
              value={filters.status ?? ''}
              placeholder={app.t('common.all')}
              onChange={(e) => update({ status: e.target.value || undefined })}
              options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            />
            <SelectField
              label={t('field.businessType')}
              value={filters.businessType ?? ''}
              placeholder={app.t('common.all')}
              onChange={(e) => update({ businessType: e.target.value || undefined })}
              options={BUSINESS_TYPES.map((b) => ({ value: b, label: t(`business.${b}`) }))}
            />
            <SelectField
              label={t('field.priority')}
              value={filters.priority ?? ''}
              placeholder={app.t('common.all')}
              onChange={(e) => update({ priority: e.target.value || undefined })}
              options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
            />
          </div>
        </form>
        <FormError message={list.error?.message} />
        <ListTools
          path="/api/work-orders"
          filters={{ ...filters }}
          pageSize={pageSize}
          onPageSize={(size) => {
            setPageSize(size);
            setCursors([]);
          }}
          canExport={can('work-orders:export')}
        />
        <WorkOrderTable rows={list.data?.items ?? []} empty={list.isLoading ? app.t('common.loading') : t('empty')} />
        <Pager
          labels={{ previous: app.t('common.previous'), next: app.t('common.next') }}
          info={t('pageInfo', { page: cursors.length + 1 })}
          canPrevious={cursors.length > 0}
          canNext={!!list.data?.nextCursor}
          onPrevious={() => setCursors(cursors.slice(0, -1))}
          onNext={() => list.data?.nextCursor && setCursors([...cursors, list.data.nextCursor])}
        />
      </section>
      {creating && <CreateWorkOrderDialog onClose={() => setCreating(false)} />}
    </div>
  );
}
