import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnDef, RowSelectionState } from '@tanstack/react-table';
import { useAuth } from '../../../app/auth.tsx';
import { DataTable, Pager } from '../../../components/ui/data-table.tsx';
import { ListTools, PAGE_SIZES } from '../../../components/ui/list-tools.tsx';
import { SelectField, TextField } from '../../../components/ui/fields.tsx';
import { FormError } from '../../../components/ui/fields.tsx';
import { useAppT } from '../../../app/app-i18n.ts';
import {
  CATEGORIES,
  LEVELS,
  LIFECYCLES,
  STATUSES,
  useColleagues,
  useCustomers,
  type Customer,
  type CustomerFilters,
} from '../api/customers-api.ts';
import { useCustomersT } from '../i18n.ts';
import { LevelBadge, LifecycleBadge, StatusBadge } from './customer-badges.tsx';
import { useOrgUnits } from '../../../lib/org-units.ts';
import { regionOptions, useRegionName } from './region-options.ts';
import { useDateFormat } from '../../../lib/date-format.ts';
import { useCustomerImportT } from '../import-i18n.ts';
import { SharedWithMe } from '../../../components/ui/shared-with-me.tsx';

const FILTERS = ['region', 'category', 'level', 'lifecycle', 'status', 'accountManager', 'segment'] as const;

/** Find customers: one search box, filters, server-sorted keyset pages. Filters live in the URL so Back and links keep them. */
export function CustomerListPage() {
  const { date } = useDateFormat();
  const { t } = useCustomersT();
  const { t: importT } = useCustomerImportT();
  const app = useAppT();
  const { i18n } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [cursors, setCursors] = useState<string[]>([]); // the cursors of the pages before this one
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [typed, setTyped] = useState(params.get('q') ?? '');
  const [pageSize, setPageSize] = useState<number>(PAGE_SIZES[0]);
  const regions = useOrgUnits();
  const colleagues = useColleagues();
  const regionName = useRegionName();

  const listFilters = {
    q: params.get('q') ?? undefined,
    ...Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? undefined])),
  };
  const filters: CustomerFilters = {
    ...listFilters,
    sort: (params.get('sort') as CustomerFilters['sort']) ?? 'createdAt',
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
    cursor: cursors[cursors.length - 1],
    limit: pageSize,
  };
  const list = useCustomers(filters);

  function setFilter(key: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    setCursors([]);
  }

  const columns = useMemo<ColumnDef<Customer>[]>(
    () => [
      {
        id: 'select',
        size: 36,
        header: () => <span className="visually-hidden">{t('list.select')}</span>,
        cell: ({ row }) => (
          <input
            type="checkbox"
            aria-label={`${t('list.select')} ${row.original.customerNo}`}
            checked={row.getIsSelected()}
            disabled={row.original.status !== 'active'}
            onChange={row.getToggleSelectedHandler()}
          />
        ),
      },
      {
        id: 'customerNo',
        header: t('field.customerNo'),
        enableSorting: true,
        cell: ({ row }) => (
          <Link to={`/customers/${row.original.id}`} className="mono">
            {row.original.customerNo}
          </Link>
        ),
      },
      { id: 'name', header: t('field.name'), enableSorting: true, cell: ({ row }) => row.original.name },
      {
        id: 'phone',
        header: t('field.phone'),
        cell: ({ row }) => (
          <span className="mono" data-testid="phone">
            {row.original.phone}
          </span>
        ),
      },
      { id: 'category', header: t('field.category'), cell: ({ row }) => t(`category.${row.original.category}`) },
      { id: 'level', header: t('field.level'), cell: ({ row }) => <LevelBadge level={row.original.level} /> },
      {
        id: 'lifecycle',
        header: t('field.lifecycle'),
        cell: ({ row }) => <LifecycleBadge lifecycle={row.original.lifecycle} />,
      },
      { id: 'segment', header: t('field.segment'), cell: ({ row }) => row.original.segment ?? '—' },
      { id: 'region', header: t('field.region'), cell: ({ row }) => regionName(row.original) },
      {
        id: 'accountManager',
        header: t('field.accountManager'),
        cell: ({ row }) => row.original.accountManagerName ?? '—',
      },
      { id: 'status', header: t('field.status'), cell: ({ row }) => <StatusBadge status={row.original.status} /> },
      {
        id: 'createdAt',
        header: t('field.createdAt'),
        enableSorting: true,
        cell: ({ row }) => date(row.original.createdAt),
      },
    ],
    [t, regionName, date],
  );

  const selected = Object.keys(selection).filter((id) => selection[id]);
  const enumOptions = (group: string, values: readonly string[]) =>
    values.map((v) => ({ value: v, label: t(`${group}.${v}`) }));

  return (
    <div className="page">
      <div className="page__header">
        <h1>{t('list.title')}</h1>
        <div className="page__actions">
          {can('customers:admin') && (
            <Link className="button" to="/customers/merge">
              {t('nav.merge')}
            </Link>
          )}
          {can('customers:create') && (
            <Link className="button" to="/customers/import">
              {importT('open')}
            </Link>
          )}
          {can('customers:create') && (
            <Link className="button button--primary" to="/customers/new">
              ＋ {t('list.open')}
            </Link>
          )}
        </div>
      </div>
      <SharedWithMe endpoint="/api/customers/shared-with-me" linkTo={(id) => `/customers/${id}`} />
      <section className="card">
        <form
          className="toolbar"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            setFilter('q', typed.trim());
          }}
        >
          <div className="toolbar__row">
            <div className="search">
              <input
                className="search-input"
                type="search"
                aria-label={t('list.searchLabel')}
                placeholder={t('list.search')}
                data-hotkey="search"
                autoFocus
                value={typed}
                onChange={(e) => {
                  setTyped(e.target.value);
                  if (!e.target.value) setFilter('q', '');
                }}
              />
              <kbd aria-hidden="true">/</kbd>
            </div>
            <button type="submit" className="button button--primary">
              {app.t('common.search')}
            </button>
          </div>
          <div className="toolbar__row toolbar__filters">
            <SelectField
              label={t('field.region')}
              value={filters.region ?? ''}
              placeholder={t('list.anyRegion')}
              options={regionOptions(regions.data, i18n.language)}
              onChange={(e) => setFilter('region', e.target.value)}
            />
            <SelectField
              label={t('field.category')}
              value={filters.category ?? ''}
              placeholder={t('list.any')}
              options={enumOptions('category', CATEGORIES)}
              onChange={(e) => setFilter('category', e.target.value)}
            />
            <SelectField
              label={t('field.level')}
              value={filters.level ?? ''}
              placeholder={t('list.any')}
              options={enumOptions('level', LEVELS)}
              onChange={(e) => setFilter('level', e.target.value)}
            />
            <SelectField
              label={t('field.lifecycle')}
              value={filters.lifecycle ?? ''}
              placeholder={t('list.any')}
              options={enumOptions('lifecycle', LIFECYCLES)}
              onChange={(e) => setFilter('lifecycle', e.target.value)}
            />
            <SelectField
              label={t('field.status')}
              value={filters.status ?? ''}
              placeholder={t('list.any')}
              options={enumOptions('status', STATUSES)}
              onChange={(e) => setFilter('status', e.target.value)}
            />
            <SelectField
              label={t('field.accountManager')}
              value={filters.accountManager ?? ''}
              placeholder={t('list.anyManager')}
              options={(colleagues.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              onChange={(e) => setFilter('accountManager', e.target.value)}
            />
            {/* The published segment (客户细分); applied on Enter or leaving the box, so typing with an IME does not search each keystroke. */}
            <TextField
              key={filters.segment ?? ''}
              label={t('field.segment')}
              defaultValue={filters.segment ?? ''}
              placeholder={t('list.any')}
              onBlur={(e) => setFilter('segment', e.target.value.trim())}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  setFilter('segment', e.currentTarget.value.trim());
                }
              }}
            />
          </div>
        </form>
        {can('customers:admin') && (
          <div className="selection-bar">
            <span>{selected.length ? t('list.selected', { count: selected.length }) : t('list.mergeHint')}</span>
            <button
              type="button"
              className="button button--small"
              disabled={selected.length !== 2}
              onClick={() => navigate(`/customers/merge?a=${selected[0]}&b=${selected[1]}`)}
            >
              {t('list.merge')}
            </button>
          </div>
        )}
        <FormError message={list.error?.message} />
        <ListTools
          path="/api/customers"
          filters={{ ...listFilters, sort: filters.sort, order: filters.order }}
          pageSize={pageSize}
          onPageSize={(size) => {
            setPageSize(size);
            setCursors([]);
          }}
          canExport={can('customers:export')}
        />
        <DataTable
          label={t('list.title')}
          testId="customer-table"
          columns={can('customers:admin') ? columns : columns.slice(1)}
          data={list.data?.items ?? []}
          getRowId={(c) => c.id}
          empty={list.isLoading ? app.t('common.loading') : t('list.empty')}
          sort={{ id: filters.sort!, desc: filters.order === 'desc' }}
          onSortChange={(s) => {
            const next = new URLSearchParams(params);
            next.set('sort', s.id);
            next.set('order', s.desc ? 'desc' : 'asc');
            setParams(next, { replace: true });
            setCursors([]);
          }}
          onOpen={(c) => navigate(`/customers/${c.id}`)}
          selection={selection}
          onSelectionChange={can('customers:admin') ? setSelection : undefined}
        />
        <Pager
          labels={{ previous: app.t('common.previous'), next: app.t('common.next') }}
          info={t('list.pageInfo', { page: cursors.length + 1 })}
          canPrevious={cursors.length > 0}
          canNext={!!list.data?.nextCursor}
          onPrevious={() => setCursors(cursors.slice(0, -1))}
          onNext={() => list.data?.nextCursor && setCursors([...cursors, list.data.nextCursor])}
        />
      </section>
    </div>
  );
}
