import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { get } from '../../app/api-client.ts';
import { registerTranslations } from '../../app/i18n.ts';
import { useDateFormat } from '../../lib/date-format.ts';

const useSharedT = registerTranslations('sharedWithMe', {
  'zh-CN': { title: '与我共享', until: '至 {{when}}', by: '由 {{name}} 共享' },
  en: { title: 'Shared with me', until: 'until {{when}}', by: 'shared by {{name}}' },
});

interface SharedItem {
  id: string;
  recordId: string;
  label: string;
  expiresAt: string;
  createdByName: string | null;
}

/**
 * Records shared with the signed-in user beyond their role's scope (`GET {endpoint}`), each a link to the record
 * with its expiry; nothing is shown while there are none.
 */
export function SharedWithMe({ endpoint, linkTo }: { endpoint: string; linkTo: (recordId: string) => string }) {
  const { t } = useSharedT();
  const { dateTime } = useDateFormat();
  const shared = useQuery({
    queryKey: ['shared-with-me', endpoint],
    queryFn: () => get<{ items: SharedItem[] }>(endpoint).then((r) => r.items),
  });
  if (!shared.data?.length) return null;
  return (
    <section className="card" aria-label={t('title')} data-testid="shared-with-me">
      <h2 style={{ marginTop: 0 }}>{t('title')}</h2>
      <ul>
        {shared.data.map((s) => (
          <li key={s.id}>
            <Link to={linkTo(s.recordId)}>{s.label}</Link>{' '}
            <span className="muted">
              {t('until', { when: dateTime(s.expiresAt) })}
              {s.createdByName && ` · ${t('by', { name: s.createdByName })}`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
