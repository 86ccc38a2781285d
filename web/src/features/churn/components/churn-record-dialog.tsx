import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../app/api-client.ts';
import { useAppT } from '../../../app/app-i18n.ts';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { FormError, SelectField, TextArea, TextField } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import {
  findCustomerByNo,
  REASONS,
  useRecordChurn,
  useUpdateChurnRecord,
  type ChurnRecord,
  type Reason,
} from '../api/churn-api.ts';
import { useChurnT } from '../i18n.ts';
import { businessDate } from '../../../lib/date-format.ts';
import { TEXT_LIMITS } from '@shared/text-limits.ts';

/** Record a churned customer (service staff), or correct a record's reason, competitor and notes. */
export function ChurnRecordDialog({ record, onClose }: { record?: ChurnRecord; onClose: () => void }) {
  const { t } = useChurnT();
  const app = useAppT();
  const toast = useToast();
  const [form, setForm] = useState({
    customerNo: record?.customerNo ?? '',
    churnedOn: record?.churnedOn ?? businessDate(),
    reasonCategory: (record?.reasonCategory ?? 'price') as Reason,
    competitor: record?.competitor ?? '',
    notes: record?.notes ?? '',
  });
  const [customerError, setCustomerError] = useState<string>();
  const create = useRecordChurn();
  const update = useUpdateChurnRecord(record?.id ?? '');
  const save = record ? update : create;
  const error = save.error instanceof ApiError ? save.error : null;
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const details = {
      reasonCategory: form.reasonCategory,
      competitor: form.competitor.trim() || null,
      notes: form.notes.trim() || null,
    };
    const done = {
      onSuccess: () => {
        toast(t('form.saved'));
        onClose();
      },
    };
    if (record) return update.mutate(details, done);
    const customer = await findCustomerByNo(form.customerNo.trim());
    setCustomerError(customer ? undefined : t('form.noCustomer'));
    if (customer) create.mutate({ customerId: customer.id, churnedOn: form.churnedOn, ...details }, done);
  }

  return (
    <Dialog title={record ? t('form.titleEdit') : t('form.titleNew')} onClose={onClose}>
      <form className="form-stack" onSubmit={submit} noValidate>
        <FormError message={error && error.code !== 'VALIDATION_FAILED' ? error.message : null} />
        <TextField
          label={t('form.customerNo')}
          maxLength={TEXT_LIMITS.churn.customerNo}
          value={form.customerNo}
          onChange={set('customerNo')}
          disabled={!!record}
          required
          autoFocus={!record}
          error={customerError ?? error?.fields.customerId}
          placeholder="C000000001"
        />
        <TextField
          label={t('form.churnedOn')}
          type="date"
          value={form.churnedOn}
          onChange={set('churnedOn')}
          disabled={!!record}
          required
          error={error?.fields.churnedOn}
        />
        <SelectField
          label={t('form.reason')}
          value={form.reasonCategory}
          onChange={set('reasonCategory')}
          required
          options={REASONS.map((r) => ({ value: r, label: t(`reason.${r}`) }))}
          error={error?.fields.reasonCategory}
        />
        <TextField
          label={t('form.competitor')}
          maxLength={TEXT_LIMITS.churn.competitor}
          value={form.competitor}
          onChange={set('competitor')}
          list="churn-competitors"
          error={error?.fields.competitor}
        />
        <datalist id="churn-competitors">
          <option value="中国移动" />
          <option value="中国电信" />
          <option value="中国广电" />
        </datalist>
        <TextArea
          label={t('form.notes')}
          maxLength={TEXT_LIMITS.churn.notes}
          value={form.notes}
          onChange={set('notes')}
          rows={3}
          error={error?.fields.notes}
        />
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {app.t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? app.t('common.saving') : app.t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
