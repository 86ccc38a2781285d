import { useState, type FormEvent } from 'react';
import { FormError, SelectField, TextArea, TextField } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { useAuth } from '../../../app/auth.tsx';
import { useCreateTemplate, useTemplates, type Channel, type Purpose } from '../api/messaging-api.ts';
import { useMessagingT } from '../i18n.ts';

export const VARIABLES = '{{name}} {{package}} {{amount}} {{dueDate}}';

/** Templates with variables, per channel and language; marketing managers write them, everyone sending reads them. */
export function TemplatesPage() {
  const { t } = useMessagingT();
  const { can } = useAuth();
  const toast = useToast();
  const templates = useTemplates();
  const create = useCreateTemplate();
  const [draft, setDraft] = useState({
    name: '',
    channel: 'sms' as Channel,
    purpose: 'service' as Purpose,
    locale: 'zh' as 'zh' | 'en',
    subject: '',
    body: '',
  });
  const set = (k: keyof typeof draft) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { ...draft, subject: draft.channel === 'email' ? draft.subject : null },
      {
        onSuccess: () => {
          toast(t('saved'));
          setDraft({ ...draft, name: '', subject: '', body: '' });
        },
      },
    );
  };
  return (
    <div className="page">
      <h1>{t('templates')}</h1>
      {can('messaging:edit') && (
        <form className="card" onSubmit={submit} aria-label={t('newTemplate')}>
          <h2>{t('newTemplate')}</h2>
          <FormError message={create.error?.message} />
          <TextField label={t('field.name')} value={draft.name} onChange={set('name')} required maxLength={100} />
          <SelectField
            label={t('field.channel')}
            value={draft.channel}
            onChange={set('channel')}
            options={(['sms', 'email'] as const).map((c) => ({ value: c, label: t(`channel.${c}`) }))}
          />
          <SelectField
            label={t('field.purpose')}
            value={draft.purpose}
            onChange={set('purpose')}
            options={(['service', 'marketing'] as const).map((p) => ({ value: p, label: t(`purpose.${p}`) }))}
          />
          <SelectField
            label={t('field.locale')}
            value={draft.locale}
            onChange={set('locale')}
            options={[
              { value: 'zh', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
          />
          {draft.channel === 'email' && (
            <TextField label={t('field.subject')} value={draft.subject} onChange={set('subject')} maxLength={200} />
          )}
          <TextArea
            label={t('field.body')}
            value={draft.body}
            onChange={set('body')}
            required
            rows={4}
            hint={t('variables', { vars: VARIABLES, interpolation: { escapeValue: false } })}
          />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={create.isPending}>
              {t('newTemplate')}
            </button>
          </div>
        </form>
      )}
      <FormError message={templates.error?.message} />
      {templates.data?.items.length === 0 && <p className="muted">{t('empty')}</p>}
      {templates.data && templates.data.items.length > 0 && (
        <table className="table" aria-label={t('templates')}>
          <thead>
            <tr>
              <th>{t('field.name')}</th>
              <th>{t('field.channel')}</th>
              <th>{t('field.purpose')}</th>
              <th>{t('field.locale')}</th>
              <th>{t('field.body')}</th>
            </tr>
          </thead>
          <tbody>
            {templates.data.items.map((tpl) => (
              <tr key={tpl.id}>
                <td>{tpl.name}</td>
                <td>{t(`channel.${tpl.channel}`)}</td>
                <td>{t(`purpose.${tpl.purpose}`)}</td>
                <td>{tpl.locale}</td>
                <td>{tpl.subject ? `${tpl.subject} — ${tpl.body}` : tpl.body}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
