import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../app/api-client.ts';
import { useAuth } from '../../../app/auth.tsx';
import { useAppT } from '../../../app/app-i18n.ts';
import { FormError } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { useUpdateCustomer, type Customer } from '../api/customers-api.ts';
import { useCustomersT } from '../i18n.ts';
import { CustomerFormFields } from './customer-form-fields.tsx';
import { useRegionName } from './region-options.ts';
import { changedFields, formFromCustomer, type CustomerFormState } from './customer-form.ts';
import { useDateFormat } from '../../../lib/date-format.ts';

/** All of the customer's fields; "Edit" (with customers:edit, while active) turns them into a form that saves only what changed. */
export function CustomerDetailsTab({ customer }: { customer: Customer }) {
  const { dateTime } = useDateFormat();
  const { t } = useCustomersT();
  const app = useAppT();
  const { can } = useAuth();
  const [editing, setEditing] = useState(false);
  const regionName = useRegionName();

  if (editing) return <EditCustomerForm customer={customer} onDone={() => setEditing(false)} />;
  const rows: [string, string][] = [
    [t('field.customerNo'), customer.customerNo],
    [t('field.name'), customer.name],
    [t('field.gender'), customer.gender ? t(`gender.${customer.gender}`) : '—'],
    [t('field.birthDate'), customer.birthDate ?? '—'],
    [t('field.idCard'), customer.idCard ?? '—'],
    [t('field.phone'), customer.phone],
    [t('field.backupPhone'), customer.backupPhone ?? '—'],
    [t('field.email'), customer.email ?? '—'],
    [t('field.address'), customer.address ?? '—'],
    [t('field.education'), customer.education ? t(`education.${customer.education}`) : '—'],
    [t('field.job'), customer.job ?? '—'],
    [t('field.income'), customer.income ?? '—'],
    [t('field.category'), t(`category.${customer.category}`)],
    [t('field.level'), t(`level.${customer.level}`)],
    [t('field.lifecycle'), t(`lifecycle.${customer.lifecycle}`)],
    [t('field.region'), regionName(customer)],
    [t('field.accountManager'), customer.accountManagerName ?? '—'],
    [t('field.createdAt'), dateTime(customer.createdAt)],
  ];
  return (
    <div>
      <dl className="details" data-testid="customer-details">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {can('customers:edit') && customer.status === 'active' && (
        <div className="form-actions">
          <button type="button" className="button button--primary" onClick={() => setEditing(true)}>
            {app.t('common.edit')}
          </button>
        </div>
      )}
    </div>
  );
}

function EditCustomerForm({ customer, onDone }: { customer: Customer; onDone: () => void }) {
  const { t } = useCustomersT();
  const app = useAppT();
  const toast = useToast();
  const [before] = useState(() => formFromCustomer(customer));
  const [form, setForm] = useState<CustomerFormState>(before);
  const update = useUpdateCustomer(customer.id);
  const error = update.error instanceof ApiError ? update.error : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    const changes = changedFields(before, form);
    if (Object.keys(changes).length === 0) {
      toast(t('view.noChanges'), 'info');
      onDone();
      return;
    }
    // The version we loaded: if someone else saved in between, the server refuses instead of overwriting.
    update.mutate(
      { ...changes, version: customer.version },
      {
        onSuccess: () => {
          toast(t('view.saved'));
          onDone();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('view.edit')}>
      <FormError message={error && error.code !== 'VALIDATION_FAILED' ? error.message : null} />
      <CustomerFormFields
        form={form}
        onChange={setForm}
        errors={error?.fields ?? {}}
        idCardReadOnly={customer.idCard?.includes('*')}
      />
      <div className="form-actions">
        <button type="button" className="button" onClick={onDone}>
          {app.t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? app.t('common.saving') : app.t('common.save')}
        </button>
      </div>
    </form>
  );
}
