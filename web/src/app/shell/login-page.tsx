import { useState, type FormEvent } from 'react';
import { ApiError } from '../api-client.ts';
import { useAppT } from '../app-i18n.ts';
import { TextField, FormError } from '../../components/ui/fields.tsx';
import { LanguageSwitch } from './language-switch.tsx';

/** Sign-in: a wrong password shows the server's message and leaves both fields as typed. */
export function LoginPage({ login }: { login: (username: string, password: string) => Promise<void> }) {
  const { t } = useAppT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username, password);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'UNKNOWN', String(err)));
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <div className="login__brand">
        <div className="login__logo" aria-hidden="true">
          联
        </div>
        <h1>{t('productName')}</h1>
        <p>{t('tagline')}</p>
      </div>
      <form className="login__card" onSubmit={submit} aria-labelledby="login-title">
        <div className="login__head">
          <h2 id="login-title">{t('login.title')}</h2>
          <LanguageSwitch />
        </div>
        <FormError
          message={error ? (error.status === 429 ? `${t('login.locked')}：${error.message}` : error.message) : null}
        />
        <TextField
          label={t('login.username')}
          name="username"
          autoComplete="username"
          autoFocus
          required
          value={username}
          error={error?.fields.username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <TextField
          label={t('login.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          error={error?.fields.password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
