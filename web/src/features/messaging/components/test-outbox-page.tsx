import { FormError } from '../../../components/ui/fields.tsx';
import { useDateFormat } from '../../../lib/date-format.ts';
import { useMessagingStatus, useTestOutbox } from '../api/messaging-api.ts';
import { useMessagingT } from '../i18n.ts';

/** What the built-in SMTP and SMPP servers received; exists only while no real gateway is configured. */
export function TestOutboxPage() {
  const { t } = useMessagingT();
  const { dateTime } = useDateFormat();
  const status = useMessagingStatus();
  const outbox = useTestOutbox();
  if (status.data && !status.data.localSinks) return null;
  return (
    <div className="page">
      <h1>{t('outbox')}</h1>
      <p className="muted">{t('outboxNote')}</p>
      <FormError message={outbox.error?.message} />
      {outbox.data?.items.length === 0 && <p className="muted">{t('empty')}</p>}
      {outbox.data && outbox.data.items.length > 0 && (
        <table className="table" aria-label={t('outbox')}>
          <thead>
            <tr>
              <th>{t('field.at')}</th>
              <th>{t('field.channel')}</th>
              <th>{t('field.recipient')}</th>
              <th>{t('field.subject')}</th>
              <th>{t('field.body')}</th>
              <th>{t('field.parts')}</th>
            </tr>
          </thead>
          <tbody>
            {outbox.data.items.map((o) => (
              <tr key={o.id}>
                <td>{dateTime(o.receivedAt)}</td>
                <td>{t(`channel.${o.channel}`)}</td>
                <td className="mono">{o.recipient}</td>
                <td>{o.subject ?? '—'}</td>
                <td>{o.body}</td>
                <td>{o.parts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
