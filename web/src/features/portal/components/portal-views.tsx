import { useState, type FormEvent } from 'react';
import { FormError, SelectField, TextArea, TextField } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { useBills, useFileRequest, usePayments, useRequests, useUpdateAddress, type PortalHome } from '../api/portal-api.ts';
import { usePortalT } from '../i18n.ts';

function Meter({ label, used, total, unit }: { label: string; used: number; total: number; unit: string }) {
  const { t } = usePortalT();
  const share = total > 0 ? Math.min(100, (used / total) * 100) : 0;
  return (
    <div className="portal__meter">
      <div className="portal__meter-head"><span>{label}</span><span>{t('home.usedOf', { used: `${used} ${unit}`, total: `${total} ${unit}` })}</span></div>
      <div className="portal__bar" role="progressbar" aria-label={label} aria-valuenow={used} aria-valuemax={total}><div style={{ width: `${share}%` }} /></div>
    </div>
  );
}

export function PortalHomeView({ home }: { home: PortalHome }) {
  const { t } = usePortalT();
  const owes = Number(home.customer.arrears) > 0;
  return (
    <>
      {owes && <p className="form-error" role="alert">{t('home.arrears', { amount: home.customer.arrears })}</p>}
      <section className="portal__card">
        <h2>{t('home.package')}</h2>
        {home.package ? (
          <>
            <p className="portal__big" data-testid="portal-package">{home.package.name}</p>
            <p className="muted">{t('home.monthly', { fee: home.package.monthlyFee })} · {t('home.since', { date: home.package.since })}</p>
            {home.nextPackage && <p className="notice notice--info">{t('home.next', { name: home.nextPackage.name, date: home.nextPackage.startsOn })}</p>}
            <Meter label={t('home.minutes')} used={home.usage.minutesUsed} total={home.package.includedMinutes} unit="min" />
            <Meter label={t('home.data')} used={home.usage.dataGbUsed} total={Number(home.package.includedDataGb)} unit="GB" />
            <p className="muted">{t('home.sms', { count: home.usage.smsUsed })}{home.services.length > 0 && ` · ${t('home.services')}: ${home.services.join('、')}`}</p>
          </>
        ) : <p className="muted">{t('home.none')}</p>}
      </section>
      <section className="portal__card">
        <h2>{t('home.balance')}</h2>
        <p className="portal__big" data-testid="portal-balance" style={{ color: Number(home.balance) < 0 ? 'var(--danger)' : undefined }}>¥{home.balance}</p>
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
          <button type="button" className="portal__row" aria-expanded={open === b.id} onClick={() => setOpen(open === b.id ? null : b.id)}>
            <span>{b.month}</span><strong>¥{b.total}</strong>
          </button>
          {open === b.id && (
            <table className="table" aria-label={b.month}>
              <tbody>{b.items.map((i) => <tr key={i.line}><td>{t(`code.${i.code}`)}<div className="muted">{i.productName}</div></td><td className="num">¥{i.amount}</td></tr>)}</tbody>
              <tfoot><tr><th>{t('bills.total')}</th><th className="num">¥{b.total}</th></tr></tfoot>
            </table>
          )}
        </section>
      ))}
    </div>
  );
}

export function PortalPayments() {
  const { t } = usePortalT();
  const payments = usePayments();
  const items = payments.data?.items ?? [];
  if (payments.data && items.length === 0) return <p className="portal__card muted">{t('payments.empty')}</p>;
  return (
    <section className="portal__card">
      <table className="table" aria-label={t('tab.payments')}>
        <tbody>{items.map((p) => <tr key={p.id}><td>{p.paidAt}<div className="muted">{p.place} · {p.method}</div></td><td className="num">¥{p.amount}</td></tr>)}</tbody>
      </table>
    </section>
  );
}

export function PortalRequests() {
  const { t } = usePortalT();
  const toast = useToast();
  const requests = useRequests();
  const file = useFileRequest();
  const [form, setForm] = useState({ kind: 'fault' as 'fault' | 'complaint', subject: '', description: '' });
  function submit(e: FormEvent) {
    e.preventDefault();
    file.mutate(form, { onSuccess: () => { toast(t('requests.filed')); setForm({ kind: form.kind, subject: '', description: '' }); } });
  }
  return (
    <>
      <form className="portal__card" onSubmit={submit} aria-label={t('requests.new')}>
        <h2>{t('requests.new')}</h2>
        <FormError message={file.error?.message} />
        <SelectField label={t('requests.kind')} value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as 'fault' | 'complaint' })}
          options={[{ value: 'fault', label: t('requests.fault') }, { value: 'complaint', label: t('requests.complaint') }]} />
        <TextField label={t('requests.subject')} value={form.subject} maxLength={100} onChange={(e) => setForm({ ...form, subject: e.target.value })} required />
        <TextArea label={t('requests.description')} value={form.description} maxLength={2000} onChange={(e) => setForm({ ...form, description: e.target.value })} required />
        <button type="submit" className="button button--primary button--block" disabled={file.isPending}>{t('requests.submit')}</button>
      </form>
      <div data-testid="portal-requests">
        {(requests.data?.items ?? []).map((r) => (
          <section key={r.id} className="portal__card">
            <div className="portal__row"><strong>{r.subject}</strong><span className="portal__status">{t(`status.${r.status}`)}</span></div>
            <p className="muted">{t(`requests.${r.kind}`)} · {new Date(r.createdAt).toLocaleString()}</p>
            <p>{r.description}</p>
            {r.reply && <p className="notice notice--info">{t('requests.reply')}：{r.reply}</p>}
          </section>
        ))}
        {requests.data?.items.length === 0 && <p className="muted">{t('requests.empty')}</p>}
      </div>
    </>
  );
}

export function PortalProfile({ home }: { home: PortalHome }) {
  const { t } = usePortalT();
  const toast = useToast();
  const update = useUpdateAddress();
  const [address, setAddress] = useState(home.customer.address ?? '');
  function submit(e: FormEvent) {
    e.preventDefault();
    update.mutate(address, { onSuccess: () => toast(t('profile.saved')) });
  }
  return (
    <form className="portal__card" onSubmit={submit} aria-label={t('tab.profile')}>
      <p className="muted">{t('profile.customerNo')}：{home.customer.customerNo} · {home.customer.phone}</p>
      <FormError message={update.error?.message} />
      <TextField label={t('profile.address')} value={address} onChange={(e) => setAddress(e.target.value)} required minLength={2} maxLength={200}
        error={update.error && 'fields' in update.error ? (update.error as { fields: Record<string, string> }).fields.address : undefined} />
      <button type="submit" className="button button--primary button--block" disabled={update.isPending}>{t('profile.save')}</button>
    </form>
  );
}
