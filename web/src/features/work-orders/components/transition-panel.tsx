import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../app/api-client.ts';
import { useAppT } from '../../../app/app-i18n.ts';
import { pick } from '../../../app/i18n.ts';
import { FormError, SelectField, TextArea } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { useOrgUnits } from '../../../lib/org-units.ts';
import { SATISFACTION, useTransition, type TransitionBody, type WorkOrder } from '../api/work-orders-api.ts';
import { useWorkOrdersT } from '../i18n.ts';
import { TEXT_LIMITS } from '@shared/text-limits.ts';

type Step = TransitionBody['action'];

/** The steps this user may take next (the server says which) as small forms: one button each, with its fields. */
export function TransitionPanel({ workOrder }: { workOrder: WorkOrder }) {
  const { t, i18n } = useWorkOrdersT();
  const app = useAppT();
  const toast = useToast();
  const transition = useTransition(workOrder.id);
  const units = useOrgUnits();
  const [step, setStep] = useState<Step | null>(null);
  const [form, setForm] = useState({
    departmentId: '',
    reason: '',
    note: '',
    satisfaction: 'satisfied',
    customerWords: '',
  });
  const departments = (units.data ?? []).filter((u) => u.kind === 'department' && u.id !== workOrder.departmentId);
  const fields = transition.error instanceof ApiError ? transition.error.fields : {};
  const steps = workOrder.nextSteps;
  if (steps.length === 0) return null;

  function body(s: Step): TransitionBody {
    switch (s) {
      case 'dispatch':
        return { action: s, departmentId: form.departmentId, reason: form.reason || undefined };
      case 'transfer':
        return { action: s, departmentId: form.departmentId, reason: form.reason };
      case 'start':
        return { action: s, note: form.note || undefined };
      case 'resolve':
        return { action: s, note: form.note };
      case 'return-visit':
        return { action: s, satisfaction: form.satisfaction, customerWords: form.customerWords };
      case 'reopen':
        return { action: s, reason: form.reason };
      case 'archive':
        return { action: s, note: form.note || undefined };
    }
  }
  function run(s: Step, e?: FormEvent) {
    e?.preventDefault();
    transition.mutate(body(s), {
      onSuccess: () => {
        toast(`${t(`action.${s}`)} ✓`);
        setStep(null);
        setForm({ ...form, reason: '', note: '', customerWords: '' });
      },
    });
  }
  // Steps without fields run at once; the others open their small form.
  const immediate = (s: Step) => s === 'start' || s === 'archive';

  return (
    <section className="card" aria-label={app.t('common.confirm')} data-testid="transition-panel">
      <div className="page__actions">
        {steps.map((s) => (
          <button
            key={s}
            type="button"
            className={`button${s === steps[0] ? ' button--primary' : ''}`}
            disabled={transition.isPending}
            onClick={() => (immediate(s) ? run(s) : setStep(s))}
          >
            {t(`action.${s}`)}
          </button>
        ))}
      </div>
      {step && (
        <form className="form-stack" onSubmit={(e) => run(step, e)} aria-label={t(`action.${step}`)}>
          {(step === 'dispatch' || step === 'transfer') && (
            <SelectField
              label={t('field.department')}
              value={form.departmentId}
              required
              placeholder="—"
              error={fields.departmentId}
              onChange={(e) => setForm({ ...form, departmentId: e.target.value })}
              options={departments.map((u) => ({
                value: u.id,
                label: pick({ zh: u.name, en: u.nameEn }, i18n.language),
              }))}
            />
          )}
          {(step === 'dispatch' || step === 'transfer' || step === 'reopen') && (
            <TextArea
              label={t('field.reason')}
              maxLength={TEXT_LIMITS.workOrders.reason}
              value={form.reason}
              rows={2}
              error={fields.reason}
              required={step !== 'dispatch' || workOrder.status !== 'new'}
              onChange={(e) => setForm({ ...form, reason: e.target.value })}
            />
          )}
          {step === 'resolve' && (
            <TextArea
              label={t('field.note')}
              maxLength={TEXT_LIMITS.workOrders.reason}
              value={form.note}
              rows={3}
              required
              error={fields.note}
              onChange={(e) => setForm({ ...form, note: e.target.value })}
            />
          )}
          {step === 'return-visit' && (
            <>
              <SelectField
                label={t('field.satisfaction')}
                value={form.satisfaction}
                onChange={(e) => setForm({ ...form, satisfaction: e.target.value })}
                options={SATISFACTION.map((s) => ({ value: s, label: t(`satisfaction.${s}`) }))}
              />
              <TextArea
                label={t('field.customerWords')}
                maxLength={TEXT_LIMITS.workOrders.customerWords}
                value={form.customerWords}
                rows={2}
                onChange={(e) => setForm({ ...form, customerWords: e.target.value })}
              />
            </>
          )}
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setStep(null)}>
              {app.t('common.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={transition.isPending}>
              {app.t('common.confirm')}
            </button>
          </div>
        </form>
      )}
      <FormError message={transition.error && !Object.keys(fields).length ? transition.error.message : undefined} />
    </section>
  );
}
