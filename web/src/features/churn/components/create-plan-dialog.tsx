import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../app/api-client.ts';
import { useAppT } from '../../../app/app-i18n.ts';
import { useAuth } from '../../../app/auth.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { FormError, TextArea, TextField } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { useAtRisk, useCreatePlan } from '../api/churn-api.ts';
import { useChurnT } from '../i18n.ts';
import { businessDate } from '../../../lib/date-format.ts';
import { TEXT_LIMITS } from '@shared/text-limits.ts';

/** A plan for every customer in scope at or above a risk score; it becomes one task per customer for their account manager. */
export function CreatePlanDialog({ onClose }: { onClose: () => void }) {
  const { t } = useChurnT();
  const app = useAppT();
  const toast = useToast();
  const { me } = useAuth();
  const [form, setForm] = useState({ name: '', offer: '', dueDate: businessDate(30), minScore: '60' });
  const targets = useAtRisk({ minScore: Number(form.minScore) || 0, sort: 'score', order: 'desc' });
  const customerIds = (targets.data?.pages[0]?.items ?? []).filter((r) => !r.openTaskId).map((r) => r.customerId);
  const create = useCreatePlan();
  const error = create.error instanceof ApiError ? create.error : null;
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(
      { name: form.name, offer: form.offer, ownerId: me.employee.id, dueDate: form.dueDate, customerIds },
      {
        onSuccess: (done) => {
          toast(t('retention.form.created', { count: done.plan.tasks }));
          onClose();
        },
      },
    );
  }

  return (
    <Dialog title={t('retention.newPlan')} onClose={onClose}>
      <form className="form-stack" onSubmit={submit} noValidate>
        <FormError message={error && error.code !== 'VALIDATION_FAILED' ? error.message : null} />
        <TextField
          label={t('retention.form.name')}
          maxLength={TEXT_LIMITS.churn.planName}
          value={form.name}
          onChange={set('name')}
          required
          autoFocus
          error={error?.fields.name}
        />
        <TextArea
          label={t('retention.form.offer')}
          maxLength={TEXT_LIMITS.churn.offer}
          value={form.offer}
          onChange={set('offer')}
          rows={2}
          required
          error={error?.fields.offer}
        />
        <TextField
          label={t('retention.form.due')}
          type="date"
          value={form.dueDate}
          onChange={set('dueDate')}
          required
          error={error?.fields.dueDate}
        />
        <TextField
          label={t('retention.form.minScore')}
          type="number"
          min={0}
          max={100}
          value={form.minScore}
          onChange={set('minScore')}
          hint={t('retention.form.targets', { count: customerIds.length })}
          error={error?.fields.customerIds}
        />
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {app.t('common.cancel')}
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={create.isPending || customerIds.length === 0}
          >
            {t('retention.form.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
