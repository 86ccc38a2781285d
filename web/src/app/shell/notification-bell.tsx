import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { get, post } from '../api-client.ts';
import { registerTranslations } from '../i18n.ts';
import { useDateFormat } from '../../lib/date-format.ts';
import './notification-bell.css';

const useBellT = registerTranslations('bell', {
  'zh-CN': { title: '通知', unread: '{{n}} 条未读', none: '没有通知', markRead: '全部标为已读' },
  en: { title: 'Notifications', unread: '{{n}} unread', none: 'No notifications', markRead: 'Mark all read' },
});

interface BellItem {
  key: string;
  kind: string;
  message: string;
  link: string;
  read: boolean;
  createdAt: string;
}
const BELL = ['notifications-bell'];

/** Refetches the bell whenever the server says something new is addressed to me; reconnects after a drop. */
function useLiveBell() {
  const qc = useQueryClient();
  useEffect(() => {
    let socket: WebSocket | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    function connect() {
      const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
      socket = new WebSocket(`${scheme}://${location.host}/api/notifications/live`);
      socket.onmessage = () => void qc.invalidateQueries({ queryKey: BELL });
      socket.onclose = () => {
        if (!stopped) retry = setTimeout(connect, 10_000);
      };
    }
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      socket?.close();
    };
  }, [qc]);
}

/** The header's bell: everything addressed to me (work-order steps, SLA breaches, retention tasks), live. */
export function NotificationBell() {
  const { t } = useBellT();
  const { dateTime } = useDateFormat();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const bell = useQuery({
    queryKey: BELL,
    queryFn: () => get<{ items: BellItem[]; unread: number }>('/api/notifications'),
    refetchInterval: 5 * 60_000, // a safety net for a socket a proxy dropped silently
  });
  const markRead = useMutation({
    mutationFn: () => post('/api/notifications/read'),
    onSuccess: () => qc.invalidateQueries({ queryKey: BELL }),
  });
  useLiveBell();
  const unread = bell.data?.unread ?? 0;

  return (
    <div className="bell">
      <button
        type="button"
        className="bell__button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-label={`${t('title')}${unread ? `, ${t('unread', { n: unread })}` : ''}`}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
        data-testid="bell"
      >
        <span aria-hidden="true">🔔</span>
        {unread > 0 && (
          <span className="bell__count" data-testid="bell-count">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div
          className="bell__panel"
          role="dialog"
          aria-label={t('title')}
          data-testid="bell-panel"
          onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
        >
          <div className="bell__head">
            <strong>{t('title')}</strong>
            {unread > 0 && (
              <button type="button" className="link-button" onClick={() => markRead.mutate()}>
                {t('markRead')}
              </button>
            )}
          </div>
          {bell.data?.items.length ? (
            <ul>
              {bell.data.items.map((n) => (
                <li key={n.key} className={n.read ? undefined : 'bell__unread'}>
                  <Link to={n.link} onClick={() => setOpen(false)}>
                    {n.message}
                  </Link>
                  <span className="muted">{dateTime(n.createdAt)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted bell__empty">{t('none')}</p>
          )}
        </div>
      )}
    </div>
  );
}
