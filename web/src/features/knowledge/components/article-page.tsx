import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../../app/auth.tsx';
import { useAppT } from '../../../app/app-i18n.ts';
import { NotFoundPage } from '../../../app/shell/not-found-page.tsx';
import { FormError } from '../../../components/ui/fields.tsx';
import { useArticle, useVersions } from '../api/knowledge-api.ts';
import { useKnowledgeT } from '../i18n.ts';
import { ArticleEditor } from './article-editor.tsx';
import { Markdown } from './markdown.tsx';
import './knowledge.css';
import { useDateFormat } from '../../../lib/date-format.ts';

/** An article as staff read it, with who wrote it, its tags, and every earlier version a click away. */
export function ArticlePage() {
  const { dateTime } = useDateFormat();
  const { id = '' } = useParams();
  const { t } = useKnowledgeT();
  const app = useAppT();
  const { me, can } = useAuth();
  const article = useArticle(id);
  const [editing, setEditing] = useState(false);
  const [showVersions, setShowVersions] = useState(false);
  const versions = useVersions(id, showVersions);
  if (article.error && 'status' in article.error && article.error.status === 404) return <NotFoundPage />;
  const a = article.data;
  if (!a)
    return (
      <div className="page page--padded">
        <FormError message={article.error?.message} />
        {!article.error && <p className="muted">{app.t('common.loading')}</p>}
      </div>
    );
  if (editing) return <ArticleEditor article={a} onDone={() => setEditing(false)} />;
  const mayEdit = a.authorId === me.employee.id || can('knowledge:edit');
  return (
    <div className="page page--padded">
      <div className="breadcrumb">
        <Link to="/knowledge">{t('title')}</Link> / {a.categoryName}
      </div>
      <div className="page__header">
        <h1 data-testid="article-title">{a.title}</h1>
        {mayEdit && (
          <button type="button" className="button" onClick={() => setEditing(true)}>
            {app.t('common.edit')}
          </button>
        )}
      </div>
      <section className="card">
        <p className="muted">
          {t(`kind.${a.kind}`)} · {t(`status.${a.status}`)} · {t('field.author')} {a.authorName} · {t('field.version')}{' '}
          {a.version} · {dateTime(a.updatedAt)}
          {a.tags.map((tag) => (
            <span key={tag} className="badge" style={{ marginLeft: 6 }}>
              {tag}
            </span>
          ))}
        </p>
        <Markdown text={a.body} />
      </section>
      <section className="card">
        {!showVersions ? (
          <button type="button" className="link-button" onClick={() => setShowVersions(true)}>
            {t('showVersions')}
          </button>
        ) : (
          <>
            <h2>{t('versions')}</h2>
            <ol reversed>
              {(versions.data ?? []).map((v) => (
                <li key={v.version}>
                  <details>
                    <summary>
                      v{v.version} · {v.title} · {t('edited', { name: v.editorName, at: dateTime(v.editedAt) })}
                    </summary>
                    <Markdown text={v.body} />
                  </details>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
    </div>
  );
}
