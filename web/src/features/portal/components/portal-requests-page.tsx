import { useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../../app/auth.tsx';
import { FormError, SelectField } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { useAnswerRequest, usePortalRequests, type StaffPortalRequest } from '../api/portal-requests-api.ts';
import { usePortalT } from '../i18n.ts';

const STATUSES = ['open', 'in_progress', 'resolved', 'closed'] as const;

function Answer({ request }: { request: StaffPortalRequest }) {
  const { t } = usePortalT();
  const toast = useToast();
  const answer = useAnswerRequest();
  const [status, setStatus] = useState(request.status);
  const [reply, setReply] = useState(request.reply ?? '');
  return (
    <form className="toolbar__row" aria-label={t('staff.answer')} onSubmit={(e) => { e.preventDefault(); answer.mutate({ id: request.id, status, reply: reply || undefined }, { onSuccess: () => toast(t('staff.answered')) }); }}>
      <select aria-label={t('staff.status')} value={status} onChange={(e) => setStatus(e.target.value as StaffPortalRequest['status'])}>
        {STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
      </select>
      <input aria-label={t('requests.reply')} value={reply} maxLength={2000} onChange={(e) => setReply(e.target.value)} style={{ flex: 1 }} />
      <button type="submit" className="button button--small button--primary" disabled={answer.isPending}>{t('staff.answer')}</button>
      <FormError message={answer.error?.message} />
    </form>
  );
}

/** Faults and complaints customers filed in the portal, for staff to answer; the customer follows the status there. */
export function PortalRequestsPage() {
  const { t } = usePortalT();
  const { can } = useAuth();
  const [status, setStatus] = useState('open');
  const requests = usePortalRequests(status || undefined);
  return (
    <div className="page">
      <div className="page__header"><h1>{t('staff.title')}</h1></div>
      <section className="card">
        <div className="card__body toolbar__row">
          <SelectField label={t('staff.status')} value={status} onChange={(e) => setStatus(e.target.value)} placeholder={t('staff.all')}
            options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        </div>
        <FormError message={requests.error?.message} />
        <table className="table" aria-label={t('staff.title')} data-testid="portal-requests-staff">
          <thead><tr><th>{t('staff.at')}</th><th>{t('staff.customer')}</th><th>{t('requests.kind')}</th><th>{t('requests.subject')}</th><th>{t('staff.status')}</th></tr></thead>
          <tbody>
            {(requests.data?.items ?? []).map((r) => (
              <tr key={r.id}>
                <td>{new Date(r.createdAt).toLocaleString()}</td>
                <td><Link to={`/customers/${r.customerId}`}>{r.customerName}</Link> <span className="muted mono">{r.customerNo}</span></td>
                <td>{t(`requests.${r.kind}`)}</td>
                <td><strong>{r.subject}</strong><div className="muted">{r.description}</div>{can('customers:edit') && <Answer request={r} />}</td>
                <td>{t(`status.${r.status}`)}{r.handledBy && <div className="muted">{r.handledBy}</div>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {requests.data?.items.length === 0 && <p className="table__empty">{t('requests.empty')}</p>}
      </section>
    </div>
  );
}
