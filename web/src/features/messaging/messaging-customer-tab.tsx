import { useState } from 'react';
import type { CustomerTab } from '../../app/feature-types.ts';
import { useAuth } from '../../app/auth.tsx';
import { FormError } from '../../components/ui/fields.tsx';
import { useDateFormat } from '../../lib/date-format.ts';
import { useCustomerMessages } from './api/messaging-api.ts';
import { SendMessageDialog } from './components/send-message-dialog.tsx';
import { useMessagingT } from './i18n.ts';

/** Every email and SMS sent to the customer, with its delivery status, and a send button. */
function CustomerCommunications({ customerId }: { customerId: string }) {
  const { t } = useMessagingT();
  const { can } = useAuth();
  const { dateTime } = useDateFormat();
  const messages = useCustomerMessages(customerId);
  const [sending, setSending] = useState(false);
  return (
    <div>
      <FormError message={messages.error?.message} />
      {can('messaging:create') && (
        <div className="form-actions" style={{ marginTop: 0, marginBottom: 12 }}>
          <button type="button" className="button button--primary" onClick={() => setSending(true)}>
            {t('send')}
          </button>
        </div>
      )}
      {messages.data?.items.length === 0 && <p className="muted">{t('empty')}</p>}
      {messages.data && messages.data.items.length > 0 && (
        <table className="table" aria-label={t('send')} data-testid="customer-messages">
          <thead>
            <tr>
              <th>{t('field.at')}</th>
              <th>{t('field.channel')}</th>
              <th>{t('field.purpose')}</th>
              <th>{t('field.body')}</th>
              <th>{t('field.status')}</th>
              <th>{t('field.sentBy')}</th>
            </tr>
          </thead>
          <tbody>
            {messages.data.items.map((m) => (
              <tr key={m.id}>
                <td>{dateTime(m.createdAt)}</td>
                <td>
                  {t(`channel.${m.channel}`)}
                  {m.channel === 'sms' && m.segments > 1 ? ` ×${m.segments}` : ''}
                </td>
                <td>{t(`purpose.${m.purpose}`)}</td>
                <td>{m.subject ? `${m.subject} — ${m.body}` : m.body}</td>
                <td title={m.statusReason ?? undefined}>{t(`status.${m.status}`)}</td>
                <td>{m.sentByName ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {sending && <SendMessageDialog customerId={customerId} onClose={() => setSending(false)} />}
    </div>
  );
}

export const messagingCustomerTab: CustomerTab = {
  key: 'communications',
  label: { zh: '沟通记录', en: 'Communications' },
  permission: 'messaging:view',
  component: CustomerCommunications,
};
