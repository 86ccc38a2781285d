import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../../app/auth.tsx';
import { ShareRecordButton } from '../../../components/ui/record-shares-dialog.tsx';
import { useAppT } from '../../../app/app-i18n.ts';
import { NotFoundPage } from '../../../app/shell/not-found-page.tsx';
import { FormError } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import {
  useAddNote,
  useAttachments,
  useTimeline,
  useUploadAttachment,
  useWorkOrder,
  type WorkOrder,
} from '../api/work-orders-api.ts';
import { useWorkOrdersT } from '../i18n.ts';
import { TimeLeft } from './time-left.tsx';
import { TransitionPanel } from './transition-panel.tsx';
import { StatusBadge } from './work-order-table.tsx';
import './work-orders.css';
import { useDateFormat } from '../../../lib/date-format.ts';
import { TEXT_LIMITS } from '@shared/text-limits.ts';

function Facts({ w }: { w: WorkOrder }) {
  const { t } = useWorkOrdersT();
  const customer = `${w.customerName} · ${w.customerNo}`;
  const rows: [string, React.ReactNode][] = [
    // A maintenance handler may not open this customer: the name is then text, not a link to "Page not found".
    [t('field.customer'), w.customerVisible ? <Link to={`/customers/${w.customerId}`}>{customer}</Link> : customer],
    [t('field.type'), `${w.typeName}${w.subtypeName ? ` · ${w.subtypeName}` : ''}`],
    [t('field.businessType'), t(`business.${w.businessType}`)],
    [t('field.region'), w.regionName],
    [t('field.priority'), `${t(`priority.${w.priority}`)}${w.escalationLevel ? ` ↑${w.escalationLevel}` : ''}`],
    [t('field.contactPhone'), <span className="mono">{w.contactPhone}</span>],
    [t('field.department'), w.departmentName ?? '—'],
    [t('field.assignee'), w.assigneeName ?? '—'],
    [t('field.acceptedBy'), w.acceptedByName],
    [t('field.channel'), t(`channel.${w.channel}`)],
    [t('field.timeLeft'), <TimeLeft workOrder={w} />],
    ...(w.satisfaction
      ? [
          [
            t('field.satisfaction'),
            `${t(`satisfaction.${w.satisfaction}`)}${w.customerWords ? `：“${w.customerWords}”` : ''}`,
          ] as [string, React.ReactNode],
        ]
      : []),
  ];
  return (
    <dl className="wo-facts" data-testid="work-order-facts">
      {rows.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function Timeline({ id }: { id: string }) {
  const { dateTime } = useDateFormat();
  const { t } = useWorkOrdersT();
  const timeline = useTimeline(id);
  return (
    <ol className="wo-timeline" data-testid="timeline">
      {(timeline.data ?? []).map((e) => (
        <li key={e.id} className={e.action.endsWith('breach') ? 'wo-timeline--breach' : ''}>
          <strong>{t(`action.${e.action}`, { defaultValue: e.action })}</strong>
          {e.toStatus && <> → {t(`status.${e.toStatus}`)}</>}
          {e.departmentName && e.action !== 'note' && <> · {e.departmentName}</>}
          {e.note && <div>{e.note}</div>}
          <div className="wo-timeline__meta">
            {e.actorName} · {dateTime(e.at)}
          </div>
        </li>
      ))}
    </ol>
  );
}

function Attachments({ id }: { id: string }) {
  const { t } = useWorkOrdersT();
  const { me } = useAuth();
  const toast = useToast();
  const list = useAttachments(id);
  const upload = useUploadAttachment(id, me.csrfToken);
  return (
    <div>
      <h3>{t('field.attachments')}</h3>
      <ul>
        {(list.data ?? []).map((a) => (
          <li key={a.id}>
            <a href={`/api/work-orders/${id}/attachments/${a.id}`}>{a.fileName}</a>{' '}
            <span className="muted">
              {Math.ceil(a.sizeBytes / 1024)} KB · {a.uploadedByName}
            </span>
          </li>
        ))}
      </ul>
      <label className="field">
        <span>{t('upload')}</span>
        <input
          type="file"
          accept="image/png,image/jpeg,application/pdf"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) upload.mutate(file, { onSuccess: () => toast(t('uploaded')) });
            e.target.value = '';
          }}
        />
      </label>
      <FormError message={upload.error?.message} />
    </div>
  );
}

/** One work order: its facts, the next steps, notes, attachments and the full timeline. */
export function WorkOrderPage() {
  const { id = '' } = useParams();
  const { t } = useWorkOrdersT();
  const app = useAppT();
  const toast = useToast();
  const { can } = useAuth();
  const order = useWorkOrder(id);
  const addNote = useAddNote(id);
  const [note, setNote] = useState('');
  if (order.error && 'status' in order.error && order.error.status === 404) return <NotFoundPage />;
  const w = order.data;
  if (!w)
    return (
      <div className="page page--padded">
        <FormError message={order.error?.message} />
        {!order.error && <p className="muted">{app.t('common.loading')}</p>}
      </div>
    );
  return (
    <div className="page page--padded">
      <div className="breadcrumb">
        <Link to="/work-orders">{t('title')}</Link> / {w.orderNo}
      </div>
      <div className="page__header">
        <h1 data-testid="work-order-title">
          {w.orderNo} <StatusBadge status={w.status} />
        </h1>
        {can('work-orders:edit') && (
          <div className="page__actions">
            <ShareRecordButton basePath={`/api/work-orders/${w.id}`} name={w.orderNo} />
          </div>
        )}
      </div>
      <div className="wo-detail">
        <div>
          <section className="card">
            <p style={{ whiteSpace: 'pre-wrap' }}>{w.description}</p>
            <Facts w={w} />
          </section>
          <TransitionPanel workOrder={w} />
          <section className="card">
            <form
              className="toolbar__row"
              onSubmit={(e) => {
                e.preventDefault();
                if (note.trim())
                  addNote.mutate(note.trim(), {
                    onSuccess: () => {
                      setNote('');
                      toast(t('noteSaved'));
                    },
                  });
              }}
            >
              <input
                aria-label={t('addNote')}
                maxLength={TEXT_LIMITS.workOrders.note}
                placeholder={t('addNote')}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                style={{ flex: 1 }}
              />
              <button type="submit" className="button" disabled={addNote.isPending}>
                {t('addNote')}
              </button>
            </form>
            <FormError message={addNote.error?.message} />
            <Attachments id={id} />
          </section>
        </div>
        <section className="card" aria-label={t('timeline')}>
          <h2>{t('timeline')}</h2>
          <Timeline id={id} />
        </section>
      </div>
    </div>
  );
}
