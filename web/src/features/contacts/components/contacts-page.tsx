import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { useAuth } from '../../../app/auth.tsx';
import { useAppT } from '../../../app/app-i18n.ts';
import { DataTable, Pager } from '../../../components/ui/data-table.tsx';
import { FormError } from '../../../components/ui/fields.tsx';
import { ListTools, PAGE_SIZES } from '../../../components/ui/list-tools.tsx';
import { useContactSearch, type Contact } from '../api/contacts-api.ts';
import { useContactsT } from '../i18n.ts';
import { ContactDialog } from './contact-dialog.tsx';

/** Search contacts by name or phone; open one to edit it; each row links to the customers it belongs to. */
export function ContactsPage() {
  const { t } = useContactsT();
  const app = useAppT();
  const { can } = useAuth();
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
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const [pageSize, setPageSize] = useState<number>(PAGE_SIZES[0]);
  const list = useContactSearch(q, cursors[cursors.length - 1], true, pageSize);

  const columns = useMemo<ColumnDef<Contact>[]>(
    () => [
      { id: 'name', header: t('field.name'), cell: ({ row }) => <strong>{row.original.name}</strong> },
      {
        id: 'phone',
        header: t('field.phone'),
        cell: ({ row }) => <span className="mono">{row.original.phone ?? '—'}</span>,
      },
      { id: 'email', header: t('field.email'), cell: ({ row }) => row.original.email ?? '—' },
      { id: 'title', header: t('field.title'), cell: ({ row }) => row.original.title ?? '—' },
      {
        id: 'customers',
        header: t('field.customers'),
        cell: ({ row }) =>
          row.original.customers.map((c) => (
            <div key={c.customerId}>
              <Link to={`/customers/${c.customerId}`}>{c.customerName}</Link>{' '}
              <span className="muted">· {t(`role.${c.role}`)}</span>
            </div>
          )),
      },
    ],
    [t],
  );

  return (
    <div className="page">
      <div className="page__header">
        <h1>{t('title')}</h1>
        {can('contacts:create') && (
          <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
            ＋ {t('create')}
          </button>
        )}
      </div>
      <section className="card">
        <form
          className="toolbar"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            setQ(typed.trim());
            setCursors([]);
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
                autoFocus
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
              />
              <kbd aria-hidden="true">/</kbd>
            </div>
            <button type="submit" className="button button--primary">
              {app.t('common.search')}
            </button>
          </div>
        </form>
        <FormError message={list.error?.message} />
        <ListTools
          path="/api/contacts"
          filters={{ q: q || undefined }}
          pageSize={pageSize}
          onPageSize={(size) => {
            setPageSize(size);
            setCursors([]);
          }}
          canExport={can('contacts:export')}
        />
        <DataTable
          label={t('title')}
          testId="contact-table"
          columns={columns}
          data={list.data?.items ?? []}
          getRowId={(c) => c.id}
          empty={list.isLoading ? app.t('common.loading') : t('empty')}
          onOpen={can('contacts:edit') ? (c) => setEditing(c) : undefined}
        />
        <Pager
          labels={{ previous: app.t('common.previous'), next: app.t('common.next') }}
          info={t('pageInfo', { page: cursors.length + 1 })}
          canPrevious={cursors.length > 0}
          canNext={!!list.data?.nextCursor}
          onPrevious={() => setCursors(cursors.slice(0, -1))}
          onNext={() => list.data?.nextCursor && setCursors([...cursors, list.data.nextCursor])}
        />
      </section>
      {editing && <ContactDialog contact={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
