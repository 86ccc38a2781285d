import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../app/api-client.ts';
import { FormError, TextField } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { useBills, usePayments, useUpdateDetails, type PortalHome } from '../api/portal-api.ts';
import { usePortalT } from '../i18n.ts';
import { useDateFormat } from '../../../lib/date-format.ts';

function Meter({ label, used, total, unit }: { label: string; used: number; total: number; unit: string }) {
  const { t } = usePortalT();
  const share = total > 0 ? Math.min(100, (used / total) * 100) : 0;
  return (
    <div className="portal__meter">
      <div className="portal__meter-head">
        <span>{label}</span>
        <span>{t('home.usedOf', { used: `${used} ${unit}`, total: `${total} ${unit}` })}</span>
      </div>
      <div className="portal__bar" role="progressbar" aria-label={label} aria-valuenow={used} aria-valuemax={total}>
        <div style={{ width: `${share}%` }} />
      </div>
    </div>
  );
}

export function PortalHomeView({ home }: { home: PortalHome }) {
  const { t } = usePortalT();
  const owes = Number(home.customer.arrears) > 0;
  return (
    <>
      {owes && (
        <p className="form-error" role="alert">
          {t('home.arrears', { amount: home.customer.arrears })}
        </p>
      )}
      <section className="portal__card">
        <h2>{t('home.package')}</h2>
        {home.package ? (
          <>
            <p className="portal__big" data-testid="portal-package">
              {home.package.name}
            </p>
            <p className="muted">
              {t('home.monthly', { fee: home.package.monthlyFee })} · {t('home.since', { date: home.package.since })}
            </p>
            {home.nextPackage && (
              <p className="notice notice--info">
                {t('home.next', { name: home.nextPackage.name, date: home.nextPackage.startsOn })}
              </p>
            )}
            <Meter
              label={t('home.minutes')}
              used={home.usage.minutesUsed}
              total={home.package.includedMinutes}
              unit={t('home.minuteUnit')}
            />
            <Meter
              label={t('home.data')}
              used={home.usage.dataGbUsed}
              total={Number(home.package.includedDataGb)}
              unit="GB"
            />
            <p className="muted">
              {t('home.sms', { count: home.usage.smsUsed })}
              {home.services.length > 0 && ` · ${t('home.services')}: ${home.services.join('、')}`}
            </p>
          </>
        ) : (
          <p className="muted">{t('home.none')}</p>
        )}
      </section>
      <section className="portal__card">
        <h2>{t('home.balance')}</h2>
        <p
          className="portal__big"
          data-testid="portal-balance"
          style={{ color: Number(home.balance) < 0 ? 'var(--danger)' : undefined }}
        >
          ¥{home.balance}
        </p>
      </section>
    </>
  );
}

export function PortalBills() {
  const { t } = usePortalT();
  const bills = useBills();
  const [open, setOpen] = useState<string | null>(null);
  const items = bills.data?.items ?? [];
  if (bills.data && items.length === 0) return <p className="portal__card muted">{t('bills.empty')}</p>;
  return (
    <div data-testid="portal-bills">
      <FormError message={bills.error?.message} />
      {items.map((b) => (
        <section key={b.id} className="portal__card">
          <button
            type="button"
            className="portal__row"
            aria-expanded={open === b.id}
            onClick={() => setOpen(open === b.id ? null : b.id)}
          >
            <span>{b.month}</span>
            <strong>¥{b.total}</strong>
          </button>
          {open === b.id && (
            <table className="table" aria-label={b.month}>
              <tbody>
                {b.items.map((i) => (
                  <tr key={i.line}>
                    <td>
                      {t(`code.${i.code}`)}
                      <div className="muted">{i.productName}</div>
                    </td>
                    <td className="num">¥{i.amount}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th>{t('bills.total')}</th>
                  <th className="num">¥{b.total}</th>
                </tr>
              </tfoot>
            </table>
          )}
        </section>
      ))}
    </div>
  );
}

export function PortalPayments() {
  const { t } = usePortalT();
  const { dateTime } = useDateFormat();
  const payments = usePayments();
  const items = payments.data?.items ?? [];
  if (payments.data && items.length === 0) return <p className="portal__card muted">{t('payments.empty')}</p>;
  return (
    <section className="portal__card">
      <table className="table" aria-label={t('tab.payments')}>
        <tbody>
          {items.map((p) => (
            <tr key={p.id}>
              <td>
                {dateTime(p.paidAt)}
                <div className="muted">
                  {p.place} · {p.method}
                </div>
              </td>
              <td className="num">¥{p.amount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function PortalProfile({ home }: { home: PortalHome }) {
  const { t } = usePortalT();
  const toast = useToast();
  const update = useUpdateDetails();
  const [form, setForm] = useState({
    address: home.customer.address ?? '',
    email: home.customer.email ?? '',
    backupPhone: home.customer.backupPhone ?? '',
  });
  const fields = update.error instanceof ApiError ? update.error.fields : {};
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  function submit(e: FormEvent) {
    e.preventDefault();
    const text = (v: string) => v.trim() || null;
    update.mutate(
      { address: text(form.address), email: text(form.email), backupPhone: text(form.backupPhone) },
      { onSuccess: () => toast(t('profile.saved')) },
    );
  }
  return (
    <form className="portal__card" onSubmit={submit} aria-label={t('tab.profile')} noValidate>
      <p className="muted">
        {t('profile.customerNo')}：{home.customer.customerNo}
      </p>
      <FormError message={update.error && Object.keys(fields).length === 0 ? update.error.message : null} />
      <TextField
        label={t('profile.loginPhone')}
        value={home.customer.phone}
        readOnly
        hint={t('profile.loginPhoneHint')}
      />
      <TextField
        label={t('profile.address')}
        value={form.address}
        onChange={set('address')}
        maxLength={200}
        error={fields.address}
      />
      <TextField
        label={t('profile.email')}
        type="email"
        value={form.email}
        onChange={set('email')}
        maxLength={100}
        error={fields.email}
      />
      <TextField
        label={t('profile.backupPhone')}
        type="tel"
        inputMode="tel"
        value={form.backupPhone}
        onChange={set('backupPhone')}
        maxLength={20}
        error={fields.backupPhone}
      />
      <button type="submit" className="button button--primary button--block" disabled={update.isPending}>
        {t('profile.save')}
      </button>
    </form>
  );
}
