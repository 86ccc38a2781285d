import { useState, type FormEvent } from 'react';
import { FormError, TextField } from '../../../components/ui/fields.tsx';
import { useLogin, useResetPassword } from '../api/portal-api.ts';
import { usePortalT } from '../i18n.ts';

export function PortalLogin({ notice }: { notice?: string }) {
  const { t } = usePortalT();
  const login = useLogin();
  const [form, setForm] = useState({ phone: '', password: '' });
  function submit(e: FormEvent) {
    e.preventDefault();
    login.mutate(form);
  }
  return (
    <form className="portal__card" onSubmit={submit} aria-label={t('login')}>
      {notice && <p className="notice notice--info">{notice}</p>}
      <FormError message={login.error?.message} />
      <TextField
        label={t('phone')}
        inputMode="tel"
        autoComplete="username"
        value={form.phone}
        onChange={(e) => setForm({ ...form, phone: e.target.value })}
        required
      />
      <TextField
        label={t('password')}
        type="password"
        autoComplete="current-password"
        value={form.password}
        onChange={(e) => setForm({ ...form, password: e.target.value })}
        required
      />
      <button type="submit" className="button button--primary button--block" disabled={login.isPending}>
        {t('login')}
      </button>
    </form>
  );
}

/** The page a reset link opens: the customer chooses a password, then signs in. */
export function PortalReset({ token, onDone }: { token: string; onDone: () => void }) {
  const { t } = usePortalT();
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    reset.mutate({ token, password }, { onSuccess: onDone });
  }
  return (
    <form className="portal__card" onSubmit={submit} aria-label={t('reset.title')}>
      <h2>{t('reset.title')}</h2>
      <FormError message={reset.error?.message} />
      <TextField
        label={t('reset.password')}
        type="password"
        autoComplete="new-password"
        minLength={10}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        required
      />
      <button type="submit" className="button button--primary button--block" disabled={reset.isPending}>
        {t('reset.submit')}
      </button>
    </form>
  );
}
