import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../app/api-client.ts';
import { useAppT } from '../../../app/app-i18n.ts';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { FormError, TextField } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { useUpdateEmployee, type Employee } from '../api/system-api.ts';
import { useSystemT } from '../i18n.ts';

export const MIN_PASSWORD = 10; // the server's rule (platform/password-policy.ts)

/** An administrator sets a new password for an employee who forgot theirs. */
export function ResetPasswordDialog({ employee, onClose }: { employee: Employee; onClose: () => void }) {
  const { t } = useSystemT();
  const app = useAppT();
  const toast = useToast();
  const update = useUpdateEmployee();
  const [password, setPassword] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const error = update.error instanceof ApiError ? update.error : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    setTooShort(password.length < MIN_PASSWORD);
    if (password.length < MIN_PASSWORD) return;
    update.mutate(
      { id: employee.id, password },
      {
        onSuccess: () => {
          toast(t('employees.resetDone', { name: employee.name }));
          onClose();
        },
      },
    );
  }

  return (
    <Dialog title={t('employees.resetTitle', { name: employee.name })} onClose={onClose}>
      <form className="form-stack" onSubmit={submit}>
        <FormError message={error?.message} />
        <TextField
          label={t('employees.newPassword')}
          type="password"
          autoComplete="new-password"
          required
          autoFocus
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          hint={t('employees.passwordHint')}
          error={tooShort ? t('employees.tooShort') : error?.fields.password}
        />
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {app.t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={update.isPending}>
            {t('employees.resetPassword')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
