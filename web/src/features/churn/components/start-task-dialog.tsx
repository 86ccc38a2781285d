import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../app/api-client.ts';
import { useAppT } from '../../../app/app-i18n.ts';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { FormError, TextArea, TextField } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { useStartTask, type RiskItem } from '../api/churn-api.ts';
import { useChurnT } from '../i18n.ts';
import { businessDate } from '../../../lib/date-format.ts';
import { TEXT_LIMITS } from '@shared/text-limits.ts';

/** The one click from the at-risk list: a retention task for the customer's account manager, due in a week. */
export function StartTaskDialog({ customer, onClose }: { customer: RiskItem; onClose: () => void }) {
  const { t } = useChurnT();
  const app = useAppT();
  const toast = useToast();
  const [offer, setOffer] = useState(t('risk.dialog.defaultOffer'));
  const [dueDate, setDueDate] = useState(businessDate(7));
  const start = useStartTask();
  const error = start.error instanceof ApiError ? start.error : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    start.mutate(
      { customerId: customer.customerId, offer, dueDate },
      {
        onSuccess: () => {
          toast(t('risk.dialog.created'));
          onClose();
        },
      },
    );
  }

  return (
    <Dialog title={t('risk.dialog.title', { name: customer.name })} onClose={onClose}>
      <form className="form-stack" onSubmit={submit} noValidate>
        <FormError message={error && error.code !== 'VALIDATION_FAILED' ? error.message : null} />
        <ul className="muted">
          {customer.factors.map((f) => (
            <li key={f.feature}>{f.text}</li>
          ))}
        </ul>
        <TextArea
          label={t('risk.dialog.offer')}
          maxLength={TEXT_LIMITS.churn.offer}
          value={offer}
          onChange={(e) => setOffer(e.target.value)}
          rows={3}
          required
          autoFocus
          error={error?.fields.offer}
        />
        <TextField
          label={t('risk.dialog.due')}
          type="date"
          value={dueDate}
          onChange={(e) => setDueDate(e.target.value)}
          error={error?.fields.dueDate}
        />
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {app.t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={start.isPending}>
            {t('risk.dialog.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
