import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../../app/api-client.ts';
import { useAuth } from '../../../app/auth.tsx';
import { useAppT } from '../../../app/app-i18n.ts';
import { FormError } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { useOrgUnits } from '../../../lib/org-units.ts';
import { findPossibleDuplicates, useOpenAccount, type Customer } from '../api/customers-api.ts';
import { useCustomersT } from '../i18n.ts';
import { CustomerFormFields } from './customer-form-fields.tsx';
import { EMPTY_FORM, inputFromForm, type CustomerFormState } from './customer-form.ts';
import { homeRegionId } from './region-options.ts';

/** Customers sharing a phone, found before saving; `confirmed` once the clerk chose to open the account anyway. */
interface DuplicateCheck {
  phone: string;
  items: Customer[];
  confirmed: boolean;
}

export function OpenAccountPage() {
  const { t } = useCustomersT();
  const app = useAppT();
  const { me } = useAuth();
  const navigate = useNavigate();
  const toast = useToast();
  const [form, setForm] = useState<CustomerFormState>({ ...EMPTY_FORM, accountManagerId: me.employee.id });
  const [duplicates, setDuplicates] = useState<DuplicateCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const open = useOpenAccount();
  const units = useOrgUnits();
  // Start in the clerk's own region; they change it for the odd customer from elsewhere.
  const home = homeRegionId(units.data, me.employee.orgUnitId);
  useEffect(() => {
    if (home) setForm((f) => (f.regionId ? f : { ...f, regionId: home }));
  }, [home]);
  const error = open.error instanceof ApiError ? open.error : null;

  // The phone's blur starts the check and the 开户 click that caused the blur awaits the same one: the button is never
  // disabled or relabelled under the pointer, so the first click is never lost.
  const inFlight = useRef<{ phone: string; check: Promise<DuplicateCheck | null> } | null>(null);
  function checkDuplicates(phone: string): Promise<DuplicateCheck | null> {
    if (phone.replace(/\D/g, '').length < 7) return Promise.resolve(null);
    if (duplicates?.phone === phone) return Promise.resolve(duplicates);
    if (inFlight.current?.phone === phone) return inFlight.current.check;
    setChecking(true);
    const check = findPossibleDuplicates(phone)
      .then((items) => {
        const found = { phone, items, confirmed: false };
        setDuplicates(found);
        return found;
      })
      .catch(() => null) // an invalid phone is the save's to report, beside the field
      .finally(() => {
        setChecking(false);
        if (inFlight.current?.phone === phone) inFlight.current = null;
      });
    inFlight.current = { phone, check };
    return check;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const phone = form.phone.trim();
    const check = await checkDuplicates(phone);
    if (check && check.items.length > 0 && !check.confirmed) return;
    save();
  }

  function save() {
    open.mutate(inputFromForm(form), {
      onSuccess: (customer) => {
        toast(t('open.created', { customerNo: customer.customerNo }));
        navigate(`/customers/${customer.id}`);
      },
    });
  }

  const needsConfirmation =
    duplicates && duplicates.phone === form.phone.trim() && duplicates.items.length > 0 && !duplicates.confirmed;
  const existingId = error?.code === 'DUPLICATE_ID_CARD' ? String(error.details.customerId ?? '') : '';
  // A refusal about one field (the ID card already has an account) shows at that field, in the user's language.
  const fieldErrors = existingId && error ? { ...error.fields, idCard: error.message } : (error?.fields ?? {});

  return (
    <div className="page">
      <div className="breadcrumb">
        <Link to="/customers">{t('view.back')}</Link> / {t('open.title')}
      </div>
      <div className="page__header">
        <div>
          <h1>{t('open.title')}</h1>
          <p className="muted">{t('open.subtitle')}</p>
        </div>
      </div>
      <form className="card card__body" onSubmit={submit} noValidate aria-label={t('open.title')}>
        <FormError message={error && error.code !== 'VALIDATION_FAILED' ? error.message : null}>
          {existingId && (
            <>
              {' '}
              <Link to={`/customers/${existingId}`}>
                {t('open.existing', { customerNo: String(error?.details.customerNo ?? '') })}
              </Link>
            </>
          )}
        </FormError>
        <CustomerFormFields
          form={form}
          onChange={setForm}
          errors={fieldErrors}
          onPhoneBlur={() => void checkDuplicates(form.phone.trim())}
        />
        {duplicates && duplicates.phone === form.phone.trim() && duplicates.items.length > 0 && (
          <div className="notice" role="status" data-testid="possible-duplicates">
            {t('open.duplicatesTitle')}
            <ul>
              {duplicates.items.map((c) => (
                <li key={c.id}>
                  <Link to={`/customers/${c.id}`}>
                    {c.customerNo} · {c.name}
                  </Link>{' '}
                  <span className="muted">
                    {c.phone} · {c.regionName}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="form-actions">
          <Link className="button" to="/customers">
            {app.t('common.cancel')}
          </Link>
          {needsConfirmation ? (
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                setDuplicates({ ...duplicates, confirmed: true });
                save();
              }}
            >
              {t('open.continueAnyway')}
            </button>
          ) : (
            <button type="submit" className="button button--primary" disabled={open.isPending} aria-busy={checking}>
              {open.isPending ? t('open.submitting') : t('open.submit')}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
