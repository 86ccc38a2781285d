import { useState } from 'react';
import { useAppT } from '../../../app/app-i18n.ts';
import { useCustomers, type Customer } from '../api/customers-api.ts';
import { useCustomersT } from '../i18n.ts';

/** Find one active customer by number, name or phone and choose it. */
export function CustomerPicker({
  label,
  onPick,
  excludeId,
}: {
  label: string;
  onPick: (customer: Customer) => void;
  excludeId?: string;
}) {
  const { t } = useCustomersT();
  const app = useAppT();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const results = useCustomers({ q: q || undefined, status: 'active', limit: 8 });
  const items = q ? (results.data?.items ?? []).filter((c) => c.id !== excludeId) : [];

  return (
    <div className="picker">
      <form
        className="picker__search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQ(typed.trim());
        }}
      >
        <input
          className="search-input"
          type="search"
          aria-label={label}
          placeholder={t('merge.pickHint')}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        <button type="submit" className="button">
          {t('merge.search')}
        </button>
      </form>
      {q && (
        <ul className="picker__results" aria-label={label}>
          {items.length === 0 && (
            <li className="muted">{results.isFetching ? app.t('common.loading') : t('list.empty')}</li>
          )}
          {items.map((c) => (
            <li key={c.id}>
              <span>
                <span className="mono">{c.customerNo}</span> · {c.name} · <span className="mono">{c.phone}</span> ·{' '}
                {c.regionName}
              </span>
              <button
                type="button"
                className="button button--small"
                onClick={() => onPick(c)}
                aria-label={`${t('merge.choose')} ${c.customerNo}`}
              >
                {t('merge.choose')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
