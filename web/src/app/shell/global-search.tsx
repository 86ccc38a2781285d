import { useEffect, useId, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ApiError, get } from '../api-client.ts';
import { useGlobalSearchT } from './global-search-i18n.ts';
import './global-search.css';

type SearchType = 'customer' | 'contact' | 'workOrder' | 'article' | 'product' | 'employee';
interface Hit {
  type: SearchType;
  id: string;
  title: string;
  detail: string;
  customerId: string | null;
}
interface SearchResult {
  groups: { type: SearchType; items: Hit[] }[];
}

/** Where a hit opens: the record's own page, or the list that shows it when a type has no page of its own. */
function hrefOf(hit: Hit): string {
  switch (hit.type) {
    case 'customer':
      return `/customers/${hit.id}`;
    case 'contact':
      return hit.customerId
        ? `/customers/${hit.customerId}?tab=contacts`
        : `/contacts?q=${encodeURIComponent(hit.title)}`;
    case 'workOrder':
      return `/work-orders/${hit.id}`;
    case 'article':
      return `/knowledge/articles/${hit.id}`;
    case 'product':
      return `/products?open=${hit.id}`;
    case 'employee':
      return `/system/employees?q=${encodeURIComponent(hit.title)}`;
  }
}

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * The header's one search box (focused by Ctrl+K, and by "/" where the page has no search of its own): results
 * grouped by type, ↑/↓ to move, Enter to open, Esc to close.
 */
export function GlobalSearch() {
  const { t } = useGlobalSearchT();
  const navigate = useNavigate();
  const listId = useId();
  const box = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDebounced(typed.trim(), 150);
  const result = useQuery({
    queryKey: ['global-search', q],
    queryFn: () => get<SearchResult>('/api/search', { q }),
    enabled: q.length > 0,
    retry: false,
    placeholderData: (previous) => previous,
  });
  const hits = q ? (result.data?.groups.flatMap((g) => g.items) ?? []) : [];
  const current = Math.min(active, Math.max(hits.length - 1, 0));

  function close() {
    setOpen(false);
    box.current?.blur();
  }
  function openHit(hit: Hit) {
    setOpen(false);
    setTyped('');
    box.current?.blur();
    navigate(hrefOf(hit));
  }
  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (hits.length) setActive((current + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
    } else if (e.key === 'Enter' && hits[current]) {
      e.preventDefault();
      openHit(hits[current]);
    }
  }

  const error = result.error instanceof ApiError ? (result.error.fields.q ?? result.error.message) : null;
  const showPanel = open && q.length > 0;
  let index = -1;
  return (
    <div className="global-search">
      <input
        ref={box}
        type="search"
        role="combobox"
        aria-label={t('label')}
        aria-expanded={showPanel}
        aria-controls={listId}
        aria-activedescendant={showPanel && hits.length ? `${listId}-${current}` : undefined}
        aria-autocomplete="list"
        placeholder={t('placeholder')}
        value={typed}
        maxLength={50}
        onChange={(e) => {
          setTyped(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        // A click on a result lands before the blur closes the panel: mousedown there prevents the blur.
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        data-testid="global-search"
        data-global-search
      />
      {showPanel && (
        <div className="global-search__panel" id={listId} role="listbox" data-testid="global-search-results">
          {error ? (
            <div className="global-search__note">{error}</div>
          ) : result.isFetching && !result.data ? (
            <div className="global-search__note">{t('searching')}</div>
          ) : hits.length === 0 ? (
            <div className="global-search__note">{result.isFetching ? t('searching') : t('none')}</div>
          ) : (
            result.data?.groups.map((g) => (
              <div key={g.type} role="group" aria-label={t(`type.${g.type}`)}>
                <div className="global-search__group">{t(`type.${g.type}`)}</div>
                {g.items.map((hit) => {
                  index += 1;
                  const i = index;
                  return (
                    <div
                      key={`${hit.type}-${hit.id}`}
                      id={`${listId}-${i}`}
                      role="option"
                      tabIndex={-1}
                      aria-selected={i === current}
                      className="global-search__item"
                      onMouseDown={(e) => e.preventDefault()}
                      onMouseEnter={() => setActive(i)}
                      onClick={() => openHit(hit)}
                    >
                      <span>{hit.title}</span>
                      <span className="global-search__detail">{hit.detail}</span>
                    </div>
                  );
                })}
              </div>
            ))
          )}
        </div>
      )}
    </div>
  );
}
