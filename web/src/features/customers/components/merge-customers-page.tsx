import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../app/api-client.ts';
import { useAppT } from '../../../app/app-i18n.ts';
import { FormError } from '../../../components/ui/fields.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { useCustomer, useMergeCustomers, type Customer } from '../api/customers-api.ts';
import { useCustomersT } from '../i18n.ts';
import { CustomerPicker } from './customer-picker.tsx';
import { useRegionName } from './region-options.ts';

/** The fields whose surviving value the user chooses (customers.schema.ts MERGEABLE_FIELDS). */
const FIELDS = [
  'name',
  'idCard',
  'phone',
  'email',
  'backupPhone',
  'address',
  'education',
  'job',
  'income',
  'category',
  'level',
  'lifecycle',
  'regionId',
  'accountManagerId',
] as const;
type Field = (typeof FIELDS)[number];
type Side = 'survivor' | 'merged';

/**
 * Merge two records of one customer: `a` is kept, `b` is merged into it. A radio per field picks whose value
 * survives; the server moves contacts and history over and retires `b`, pointing to `a`.
 */
export function MergeCustomersPage() {
  const { t } = useCustomersT();
  const app = useAppT();
  const navigate = useNavigate();
  const toast = useToast();
  const [params, setParams] = useSearchParams();
  const a = useCustomer(params.get('a') ?? undefined);
  const b = useCustomer(params.get('b') ?? undefined);
  const [choice, setChoice] = useState<Partial<Record<Field, Side>>>({});
  const [confirming, setConfirming] = useState(false);
  const merge = useMergeCustomers();
  const regionName = useRegionName();
  const error = merge.error instanceof ApiError ? merge.error : null;

  function pickSide(key: 'a' | 'b', id: string | undefined) {
    const next = new URLSearchParams(params);
    if (id) next.set(key, id);
    else next.delete(key);
    setParams(next, { replace: true });
    setChoice({});
    merge.reset();
  }

  function display(c: Customer, field: Field): string {
    switch (field) {
      case 'regionId':
        return regionName(c);
      case 'accountManagerId':
        return c.accountManagerName ?? '—';
      case 'category':
      case 'level':
      case 'lifecycle':
        return t(`${field}.${c[field]}`);
      case 'education':
        return c.education ? t(`education.${c.education}`) : '—';
      default:
        return c[field] ?? '—';
    }
  }

  function submit(survivor: Customer, merged: Customer) {
    const fields = Object.fromEntries(Object.entries(choice).filter(([, side]) => side === 'merged'));
    merge.mutate(
      { survivorId: survivor.id, mergedId: merged.id, fields },
      {
        onSuccess: (kept) => {
          toast(t('merge.done', { merged: merged.customerNo, survivor: kept.customerNo }));
          navigate(`/customers/${kept.id}?tab=history`);
        },
        onSettled: () => setConfirming(false),
      },
    );
  }

  const survivor = a.data;
  const merged = b.data;
  return (
    <div className="page">
      <div className="breadcrumb">
        <Link to="/customers">{t('view.back')}</Link> / {t('merge.title')}
      </div>
      <div className="page__header">
        <h1>{t('merge.title')}</h1>
      </div>
      <p className="muted">{t('merge.explain')}</p>
      <div className="merge-sides">
        {(['a', 'b'] as const).map((key) => {
          const customer = key === 'a' ? survivor : merged;
          const label = key === 'a' ? t('merge.pickA') : t('merge.pickB');
          return (
            <section key={key} className="card card__body" aria-label={label}>
              <h2>{label}</h2>
              {customer ? (
                <div className="merge-chosen">
                  <div>
                    <strong>{customer.name}</strong> <span className="mono muted">{customer.customerNo}</span>
                  </div>
                  <button type="button" className="link-button" onClick={() => pickSide(key, undefined)}>
                    {t('merge.change')}
                  </button>
                </div>
              ) : (
                <CustomerPicker
                  label={label}
                  onPick={(c) => pickSide(key, c.id)}
                  excludeId={key === 'a' ? merged?.id : survivor?.id}
                />
              )}
            </section>
          );
        })}
      </div>
      {survivor && merged && (
        <section className="card" aria-label={t('merge.title')}>
          <div className="card__body">
            {(survivor.status !== 'active' || merged.status !== 'active') && (
              <FormError message={t('merge.notActive')} />
            )}
            <FormError message={error?.message} />
            <table className="compare">
              <thead>
                <tr>
                  <th>{t('merge.field')}</th>
                  <th>
                    {t('merge.pickA')} · {survivor.customerNo}
                  </th>
                  <th>
                    {t('merge.pickB')} · {merged.customerNo}
                  </th>
                </tr>
              </thead>
              <tbody>
                {FIELDS.map((field) => {
                  const side = choice[field] ?? 'survivor';
                  const differs = display(survivor, field) !== display(merged, field);
                  return (
                    <tr key={field} className={differs ? 'compare--differs' : undefined}>
                      <th scope="row">{t(`field.${field}`)}</th>
                      {(['survivor', 'merged'] as const).map((s) => (
                        <td key={s}>
                          <label>
                            <input
                              type="radio"
                              name={`merge-${field}`}
                              value={s}
                              checked={side === s}
                              data-testid={`merge-${field}-${s}`}
                              onChange={() => setChoice({ ...choice, [field]: s })}
                            />
                            <span>{display(s === 'survivor' ? survivor : merged, field)}</span>
                          </label>
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <div className="form-actions">
              <button
                type="button"
                className="button"
                onClick={() => {
                  const next = new URLSearchParams();
                  next.set('a', merged.id);
                  next.set('b', survivor.id);
                  setParams(next, { replace: true });
                  setChoice({});
                }}
              >
                ⇄ {t('merge.swap')}
              </button>
              <button
                type="button"
                className="button button--primary"
                disabled={merge.isPending || survivor.status !== 'active' || merged.status !== 'active'}
                onClick={() => setConfirming(true)}
              >
                {t('merge.submit')}
              </button>
            </div>
          </div>
        </section>
      )}
      {confirming && survivor && merged && (
        <ConfirmDialog
          title={t('merge.title')}
          confirmLabel={app.t('common.confirm')}
          cancelLabel={app.t('common.cancel')}
          busy={merge.isPending}
          onClose={() => setConfirming(false)}
          onConfirm={() => submit(survivor, merged)}
        >
          {t('merge.confirm', {
            merged: `${merged.customerNo} ${merged.name}`,
            survivor: `${survivor.customerNo} ${survivor.name}`,
          })}
        </ConfirmDialog>
      )}
    </div>
  );
}
