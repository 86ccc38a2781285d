import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../app/api-client.ts';
import { useAppT } from '../../../app/app-i18n.ts';
import { pick } from '../../../app/i18n.ts';
import { FormError, SelectField, TextField } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { KINDS, useCategories, useSaveArticle, type Article } from '../api/knowledge-api.ts';
import { useKnowledgeT } from '../i18n.ts';
import { Markdown } from './markdown.tsx';
import { TEXT_LIMITS } from '@shared/text-limits.ts';

/** Writing or editing an article: a plain text area with buttons that insert the Markdown marks, and a live preview. */
export function ArticleEditor({ article, onDone }: { article?: Article; onDone?: () => void }) {
  const { t, i18n } = useKnowledgeT();
  const app = useAppT();
  const toast = useToast();
  const navigate = useNavigate();
  const categories = useCategories();
  const save = useSaveArticle();
  const body = useRef<HTMLTextAreaElement>(null);
  const [form, setForm] = useState({
    categoryId: article?.categoryId ?? '',
    kind: article?.kind ?? 'faq',
    title: article?.title ?? '',
    tags: article?.tags.join('，') ?? '',
    body: article?.body ?? '',
  });
  const categoryId = form.categoryId || categories.data?.[0]?.id || '';
  const fields = save.error instanceof ApiError ? save.error.fields : {};

  function mark(prefix: string, suffix = '') {
    const el = body.current!;
    const { selectionStart: s, selectionEnd: e } = el;
    const next = form.body.slice(0, s) + prefix + form.body.slice(s, e) + suffix + form.body.slice(e);
    setForm({ ...form, body: next });
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(s + prefix.length, e + prefix.length);
    });
  }
  function submit(status: 'draft' | 'published', e?: FormEvent) {
    e?.preventDefault();
    save.mutate(
      {
        id: article?.id,
        version: article?.version,
        categoryId,
        kind: form.kind,
        title: form.title,
        body: form.body,
        status,
        tags: form.tags
          .split(/[,，、\s]+/)
          .map((x) => x.trim())
          .filter(Boolean),
      },
      {
        onSuccess: (saved) => {
          toast(t('editor.saved'));
          if (onDone) onDone();
          else navigate(`/knowledge/articles/${saved.id}`);
        },
      },
    );
  }

  return (
    <div className="page page--padded">
      <div className="page__header">
        <h1>{article ? t('editor.edit') : t('editor.new')}</h1>
      </div>
      <form className="card form-grid" onSubmit={(e) => submit('published', e)}>
        <SelectField
          label={t('field.category')}
          value={categoryId}
          onChange={(e) => setForm({ ...form, categoryId: e.target.value })}
          error={fields.categoryId}
          options={(categories.data ?? []).map((c) => ({
            value: c.id,
            label: pick({ zh: c.name, en: c.nameEn }, i18n.language),
          }))}
        />
        <SelectField
          label={t('field.kind')}
          value={form.kind}
          onChange={(e) => setForm({ ...form, kind: e.target.value })}
          options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        />
        <TextField
          className="span-2"
          label={t('field.title')}
          maxLength={TEXT_LIMITS.knowledge.title}
          value={form.title}
          onChange={(e) => setForm({ ...form, title: e.target.value })}
          error={fields.title}
          required
        />
        <TextField
          className="span-2"
          label={t('field.tags')}
          value={form.tags}
          onChange={(e) => setForm({ ...form, tags: e.target.value })}
          error={fields.tags}
        />
        <div className="field span-2">
          <label htmlFor="kb-body">{t('field.body')}</label>
          <div className="kb-toolbar">
            <button type="button" className="button button--small" onClick={() => mark('**', '**')}>
              {t('editor.bold')}
            </button>
            <button type="button" className="button button--small" onClick={() => mark('\n## ')}>
              {t('editor.heading')}
            </button>
            <button type="button" className="button button--small" onClick={() => mark('\n- ')}>
              {t('editor.list')}
            </button>
            <span className="muted">{t('editor.hint')}</span>
          </div>
          <textarea
            id="kb-body"
            ref={body}
            rows={14}
            maxLength={TEXT_LIMITS.knowledge.body}
            value={form.body}
            onChange={(e) => setForm({ ...form, body: e.target.value })}
          />
          {fields.body && (
            <div className="field__error" role="alert">
              {fields.body}
            </div>
          )}
        </div>
        <div className="span-2">
          <h3>{t('editor.preview')}</h3>
          <Markdown text={form.body} />
        </div>
        <FormError message={save.error && !Object.keys(fields).length ? save.error.message : undefined} />
        <div className="form-actions span-2">
          {onDone && (
            <button type="button" className="button" onClick={onDone}>
              {app.t('common.cancel')}
            </button>
          )}
          <button type="button" className="button" disabled={save.isPending} onClick={() => submit('draft')}>
            {t('editor.saveDraft')}
          </button>
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {t('editor.publish')}
          </button>
        </div>
      </form>
    </div>
  );
}
