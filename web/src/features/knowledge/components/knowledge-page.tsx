import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../../../app/auth.tsx';
import { useAppT } from '../../../app/app-i18n.ts';
import { pick } from '../../../app/i18n.ts';
import { FormError } from '../../../components/ui/fields.tsx';
import { Highlighted } from '../../../components/ui/highlighted.tsx';
import { useArticles, useCategories, useSearch } from '../api/knowledge-api.ts';
import { useKnowledgeT } from '../i18n.ts';
import './knowledge.css';
import { useDateFormat } from '../../../lib/date-format.ts';

/** Search first (the answer to "宽带无法上网" is what people come for); browsing by category below. */
export function KnowledgePage() {
  const { date } = useDateFormat();
  const { t, i18n } = useKnowledgeT();
  const app = useAppT();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const categoryId = params.get('category') ?? undefined;
  const [typed, setTyped] = useState(q);
  const search = useSearch(q);
  const categories = useCategories();
  const latest = useArticles({ categoryId });
  const set = (next: Record<string, string | undefined>) =>
    setParams(
      new URLSearchParams(
        Object.entries({ q: q || undefined, category: categoryId, ...next }).filter(([, v]) => v) as [string, string][],
      ),
      { replace: true },
    );

  return (
    <div className="page page--padded">
      <div className="page__header">
        <h1>{t('title')}</h1>
        <div className="page__actions">
          <Link className="button" to="/knowledge/questions">
            {t('questions')}
          </Link>
          {can('knowledge:create') && (
            <Link className="button button--primary" to="/knowledge/new">
              ＋ {t('write')}
            </Link>
          )}
        </div>
      </div>
      <section className="card">
        <form
          className="toolbar"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            set({ q: typed.trim() || undefined });
          }}
        >
          <div className="toolbar__row">
            <div className="search" style={{ flex: 1 }}>
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
        <FormError message={search.error?.message} />
        {q && search.data && (
          <div data-testid="kb-results">
            <p className="muted">{search.data.length ? t('results', { count: search.data.length }) : t('noResults')}</p>
            <ol className="kb-hits">
              {search.data.map((h) => (
                <li key={h.id} className="kb-hit">
                  <Link to={`/knowledge/articles/${h.id}`}>
                    <strong>{h.title}</strong>
                  </Link>{' '}
                  <span className="muted">
                    · {h.categoryName}
                    {/* A script filed under 营销话术 would read "营销话术 · 营销话术": say it once. */}
                    {t(`kind.${h.kind}`) !== h.categoryName && <> · {t(`kind.${h.kind}`)}</>}
                  </span>
                  <div>
                    <Highlighted html={h.snippet} />
                  </div>
                </li>
              ))}
            </ol>
          </div>
        )}
      </section>
      <section className="card">
        <div className="wo-queues kb-categories">
          <button
            type="button"
            className="button"
            aria-pressed={!categoryId}
            onClick={() => set({ category: undefined })}
          >
            {t('allCategories')}
          </button>
          {(categories.data ?? []).map((c) => (
            <button
              key={c.id}
              type="button"
              className="button"
              aria-pressed={c.id === categoryId}
              onClick={() => set({ category: c.id })}
            >
              {pick({ zh: c.name, en: c.nameEn }, i18n.language)}
            </button>
          ))}
        </div>
        <h2>{t('latest')}</h2>
        <ul className="kb-list">
          {(latest.data?.items ?? []).map((a) => (
            <li key={a.id}>
              <Link to={`/knowledge/articles/${a.id}`}>{a.title}</Link>{' '}
              {a.status === 'draft' && <span className="badge">{t('status.draft')}</span>}
              <span className="muted">
                {' '}
                · {a.categoryName} · {a.authorName} · {date(a.updatedAt)}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
