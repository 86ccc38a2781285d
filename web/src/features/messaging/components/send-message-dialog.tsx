import { useState } from 'react';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { FormError, SelectField, TextArea, TextField } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { usePreview, useSendMessage, useTemplates, type Channel } from '../api/messaging-api.ts';
import { useMessagingT } from '../i18n.ts';

/** One message to this customer: the server fills in the number or address, so it is never shown here. */
export function SendMessageDialog({ customerId, onClose }: { customerId: string; onClose: () => void }) {
  const { t } = useMessagingT();
  const toast = useToast();
  const templates = useTemplates();
  const send = useSendMessage(customerId);
  const [channel, setChannel] = useState<Channel>('sms');
  const [templateId, setTemplateId] = useState('');
  const [text, setText] = useState('');
  const [subject, setSubject] = useState('');
  // One key per dialog: a double click or a retried request cannot send the message twice.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const preview = usePreview(templateId, customerId);
  const options = (templates.data?.items ?? []).filter((tpl) => tpl.channel === channel);
  const submit = () =>
    send.mutate(
      templateId
        ? { channel, templateId, idempotencyKey }
        : { channel, text, subject: subject || undefined, idempotencyKey },
      {
        onSuccess: () => {
          toast(t('sent'));
          onClose();
        },
      },
    );
  return (
    <Dialog
      title={t('send')}
      onClose={onClose}
      footer={
        <button
          type="button"
          className="button button--primary"
          onClick={submit}
          disabled={send.isPending || (!templateId && !text)}
        >
          {t('send')}
        </button>
      }
    >
      <FormError message={send.error?.message} />
      <SelectField
        label={t('field.channel')}
        value={channel}
        onChange={(e) => {
          setChannel(e.target.value as Channel);
          setTemplateId('');
        }}
        options={(['sms', 'email'] as const).map((c) => ({ value: c, label: t(`channel.${c}`) }))}
      />
      <SelectField
        label={t('field.template')}
        value={templateId}
        onChange={(e) => setTemplateId(e.target.value)}
        placeholder={t('noTemplate')}
        options={options.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
      />
      {templateId ? (
        preview.data && (
          <div className="card" data-testid="message-preview">
            {preview.data.subject && <strong>{preview.data.subject}</strong>}
            <p>{preview.data.body}</p>
            {channel === 'sms' && <p className="muted">{t('segments', { count: preview.data.segments })}</p>}
          </div>
        )
      ) : (
        <>
          {channel === 'email' && (
            <TextField label={t('field.subject')} value={subject} onChange={(e) => setSubject(e.target.value)} />
          )}
          <TextArea label={t('field.text')} value={text} onChange={(e) => setText(e.target.value)} rows={4} />
        </>
      )}
    </Dialog>
  );
}
