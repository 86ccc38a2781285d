import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../../app/auth.tsx';
import { useAppT } from '../../../app/app-i18n.ts';
import { pick } from '../../../app/i18n.ts';
import { FormError, SelectField, TextArea, TextField } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import {
  useAnswer,
  useAsk,
  useBestAnswer,
  useCategories,
  usePromote,
  useQuestion,
  useQuestions,
} from '../api/knowledge-api.ts';
import { useKnowledgeT } from '../i18n.ts';
import './knowledge.css';
import { useDateFormat } from '../../../lib/date-format.ts';
import { TEXT_LIMITS } from '@shared/text-limits.ts';

/** The Q&A board: hard questions staff could not find in the articles, newest first, with an "ask" form. */
export function QuestionsPage() {
  const { t } = useKnowledgeT();
  const app = useAppT();
  const { can } = useAuth();
  const questions = useQuestions();
  const ask = useAsk();
  const [form, setForm] = useState({ title: '', body: '' });
  return (
    <div className="page page--padded">
      <div className="breadcrumb">
        <Link to="/knowledge">{t('title')}</Link> / {t('qa.title')}
      </div>
      <div className="page__header">
        <h1>{t('qa.title')}</h1>
      </div>
      {can('knowledge:create') && (
        <form
          className="card form-stack"
          onSubmit={(e) => {
            e.preventDefault();
            ask.mutate(form, { onSuccess: () => setForm({ title: '', body: '' }) });
          }}
        >
          <TextField
            label={t('qa.askTitle')}
            maxLength={TEXT_LIMITS.knowledge.title}
            value={form.title}
            required
            onChange={(e) => setForm({ ...form, title: e.target.value })}
          />
          <TextArea
            label={t('qa.askBody')}
            maxLength={TEXT_LIMITS.knowledge.questionBody}
            value={form.body}
            rows={2}
            onChange={(e) => setForm({ ...form, body: e.target.value })}
          />
          <FormError message={ask.error?.message} />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={ask.isPending}>
              {t('qa.ask')}
            </button>
          </div>
        </form>
      )}
      <section className="card">
        {questions.data?.length === 0 && <p className="muted">{t('qa.empty')}</p>}
        <ul className="kb-list">
          {(questions.data ?? []).map((q) => (
            <li key={q.id}>
              <Link to={`/knowledge/questions/${q.id}`}>{q.title}</Link>{' '}
              <span className="badge">{q.bestAnswerId ? t('qa.solved') : t('qa.open')}</span>
              <span className="muted">
                {' '}
                · {t('qa.answers', { count: q.answerCount })} · {q.askerName}
              </span>
            </li>
          ))}
        </ul>
        {questions.isLoading && <p className="muted">{app.t('common.loading')}</p>}
      </section>
    </div>
  );
}

/** One question: answers, the asker picks the best, an editor turns it into an article. */
export function QuestionPage() {
  const { dateTime } = useDateFormat();
  const { id = '' } = useParams();
  const { t, i18n } = useKnowledgeT();
  const { me, can } = useAuth();
  const toast = useToast();
  const question = useQuestion(id);
  const answer = useAnswer(id);
  const best = useBestAnswer(id);
  const promote = usePromote(id);
  const categories = useCategories();
  const [text, setText] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const q = question.data;
  if (!q)
    return (
      <div className="page page--padded">
        <FormError message={question.error?.message} />
      </div>
    );
  const isAsker = q.askerId === me.employee.id;
  return (
    <div className="page page--padded">
      <div className="breadcrumb">
        <Link to="/knowledge/questions">{t('qa.title')}</Link> / {q.title}
      </div>
      <div className="page__header">
        <h1>{q.title}</h1>
      </div>
      <section className="card">
        <p style={{ whiteSpace: 'pre-wrap' }}>{q.body}</p>
        <p className="muted">{t('qa.asked', { name: q.askerName, at: dateTime(q.createdAt) })}</p>
        {q.answers.map((a) => (
          <div key={a.id} className={`kb-answer${a.best ? ' kb-answer--best' : ''}`} data-testid="kb-answer">
            {a.best && <strong>✓ {t('qa.best')} </strong>}
            <p style={{ whiteSpace: 'pre-wrap' }}>{a.body}</p>
            <span className="muted">
              {a.authorName} · {dateTime(a.createdAt)}
            </span>
            {isAsker && !a.best && (
              <button
                type="button"
                className="button button--small"
                style={{ marginLeft: 8 }}
                onClick={() => best.mutate(a.id)}
              >
                {t('qa.chooseBest')}
              </button>
            )}
          </div>
        ))}
        <FormError message={(best.error ?? promote.error)?.message} />
      </section>
      {q.articleId ? (
        <p>
          <Link to={`/knowledge/articles/${q.articleId}`}>{t('qa.promoted')} →</Link>
        </p>
      ) : (
        q.bestAnswerId &&
        can('knowledge:edit') && (
          <section className="card toolbar__row">
            <SelectField
              label={t('field.category')}
              value={categoryId || categories.data?.[0]?.id || ''}
              onChange={(e) => setCategoryId(e.target.value)}
              options={(categories.data ?? []).map((c) => ({
                value: c.id,
                label: pick({ zh: c.name, en: c.nameEn }, i18n.language),
              }))}
            />
            <button
              type="button"
              className="button button--primary"
              disabled={promote.isPending}
              onClick={() =>
                promote.mutate(
                  { categoryId: categoryId || categories.data![0].id },
                  { onSuccess: () => toast(t('qa.promoted')) },
                )
              }
            >
              {t('qa.promote')}
            </button>
          </section>
        )
      )}
      {can('knowledge:create') && (
        <form
          className="card form-stack"
          onSubmit={(e) => {
            e.preventDefault();
            answer.mutate(text, { onSuccess: () => setText('') });
          }}
        >
          <TextArea
            label={t('qa.yourAnswer')}
            maxLength={TEXT_LIMITS.knowledge.answer}
            value={text}
            rows={3}
            required
            onChange={(e) => setText(e.target.value)}
          />
          <FormError message={answer.error?.message} />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={answer.isPending}>
              {t('qa.answer')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
