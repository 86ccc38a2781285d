import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../app/api-client.ts';
import { useAppT } from '../../../app/app-i18n.ts';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { FormError, TextArea } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { useCancelAccount, type Customer } from '../api/customers-api.ts';
import { useCustomersT } from '../i18n.ts';

/** Cancelling needs a reason; the server refuses while the customer owes money, and that message shows here. */
export function CancelAccountDialog({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const { t } = useCustomersT();
  const app = useAppT();
  const toast = useToast();
  const [reason, setReason] = useState('');
  const cancel = useCancelAccount(customer.id);
  const error = cancel.error instanceof ApiError ? cancel.error : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    cancel.mutate(reason, {
      onSuccess: () => {
        toast(t('cancel.done'));
        onClose();
      },
    });
  }

  return (
    <Dialog title={`${t('cancel.title')} · ${customer.name}`} onClose={onClose}>
      <form className="form-stack" onSubmit={submit} noValidate>
        <p className="muted">{t('cancel.warning')}</p>
        <FormError message={error && !error.fields.reason ? error.message : null} />
        <TextArea
          label={t('cancel.reason')}
          required
          autoFocus
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={error?.fields.reason}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
        />
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {app.t('common.cancel')}
          </button>
          <button type="submit" className="button button--danger-solid" disabled={cancel.isPending}>
            {t('cancel.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
