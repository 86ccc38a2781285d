import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { ApiError, post } from '../api-client.ts';
import { useAppT } from '../app-i18n.ts';
import { Dialog } from '../../components/ui/dialog.tsx';
import { FormError, TextField } from '../../components/ui/fields.tsx';
import { useToast } from '../../components/ui/toast.tsx';

const MIN_LENGTH = 10; // the server's rule (platform/password-policy.ts)

/** "My account": change one's own password (the current one is required). */
export function AccountDialog({ onClose }: { onClose: () => void }) {
  const { t } = useAppT();
  const toast = useToast();
  const [form, setForm] = useState({ oldPassword: '', newPassword: '', confirm: '' });
  const [local, setLocal] = useState<Record<string, string>>({});
  const change = useMutation({
    mutationFn: () => post('/api/auth/password', { oldPassword: form.oldPassword, newPassword: form.newPassword }),
    onSuccess: () => {
      toast(t('account.changed'));
      onClose();
    },
  });
  const server = change.error instanceof ApiError ? change.error : null;
  // The wrong old password comes back as a form error; show it at the field it is about.
  const fields: Record<string, string | undefined> = {
    ...server?.fields,
    ...(server?.code === 'WRONG_OLD_PASSWORD' ? { oldPassword: server.message } : {}),
    ...local,
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (form.newPassword.length < MIN_LENGTH) problems.newPassword = t('account.tooShort');
    else if (form.newPassword !== form.confirm) problems.confirm = t('account.mismatch');
    setLocal(problems);
    if (Object.keys(problems).length === 0) change.mutate();
  }

  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  return (
    <Dialog title={t('account.title')} onClose={onClose}>
      <form onSubmit={submit} className="form-stack">
        <FormError
          message={
            server &&
            !server.fields.oldPassword &&
            server.code !== 'WRONG_OLD_PASSWORD' &&
            server.code !== 'VALIDATION_FAILED'
              ? server.message
              : null
          }
        />
        <TextField
          label={t('account.oldPassword')}
          type="password"
          autoComplete="current-password"
          required
          autoFocus
          value={form.oldPassword}
          onChange={set('oldPassword')}
          error={fields.oldPassword}
        />
        <TextField
          label={t('account.newPassword')}
          type="password"
          autoComplete="new-password"
          required
          value={form.newPassword}
          onChange={set('newPassword')}
          error={fields.newPassword}
        />
        <TextField
          label={t('account.confirmPassword')}
          type="password"
          autoComplete="new-password"
          required
          value={form.confirm}
          onChange={set('confirm')}
          error={fields.confirm}
        />
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={change.isPending}>
            {change.isPending ? t('common.saving') : t('account.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
