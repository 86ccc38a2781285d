import { Link } from 'react-router';
import { useAppT } from '../app-i18n.ts';

/** Shown for unknown paths, pages the user may not open, and records outside their scope (the server's 404). */
export function NotFoundPage({ message }: { message?: string }) {
  const { t } = useAppT();
  return (
    <div className="page page--center" data-testid="not-found">
      <h1>{t('errors.notFound')}</h1>
      {message && <p className="muted">{message}</p>}
      <Link className="button" to="/">
        {t('errors.back')}
      </Link>
    </div>
  );
}
