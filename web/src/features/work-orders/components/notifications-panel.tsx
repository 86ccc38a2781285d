import { Link } from 'react-router';
import { useMarkNotificationsRead, useNotifications } from '../api/work-orders-api.ts';
import { useWorkOrdersT } from '../i18n.ts';
import { useDateFormat } from '../../../lib/date-format.ts';

/** The service desk's in-app notifications: new orders for my department, SLA breaches, escalations, orders to visit. */
export function NotificationsPanel() {
  const { dateTime } = useDateFormat();
  const { t } = useWorkOrdersT();
  const list = useNotifications();
  const markRead = useMarkNotificationsRead();
  const items = list.data?.items ?? [];
  return (
    <details className="card wo-notes" open={!!list.data?.unread} data-testid="notifications">
      <summary>
        <strong>{t('notifications')}</strong>{' '}
        {list.data?.unread ? <span className="badge">{t('unread', { count: list.data.unread })}</span> : null}
      </summary>
      {items.length === 0 ? (
        <p className="muted">{t('noNotifications')}</p>
      ) : (
        <>
          <ul>
            {items.slice(0, 10).map((n) => (
              <li key={n.id} className={n.read ? '' : 'unread'}>
                <Link to={`/work-orders/${n.workOrderId}`}>{n.message}</Link>{' '}
                <span className="muted">{dateTime(n.createdAt)}</span>
              </li>
            ))}
          </ul>
          {!!list.data?.unread && (
            <button type="button" className="button button--small" onClick={() => markRead.mutate()}>
              {t('markRead')}
            </button>
          )}
        </>
      )}
    </details>
  );
}
