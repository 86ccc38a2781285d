import { useState } from 'react';
import { Link } from 'react-router';
import { useAppT } from '../../../app/app-i18n.ts';
import { useAuth } from '../../../app/auth.tsx';
import { FormError } from '../../../components/ui/fields.tsx';
import { Tabs } from '../../../components/ui/tabs.tsx';
import { OUTCOMES, usePlans, useRecordOutcome, useTasks } from '../api/churn-api.ts';
import { useChurnT } from '../i18n.ts';
import { CreatePlanDialog } from './create-plan-dialog.tsx';

/** Retention and win-back: my open tasks with their outcome buttons, and every plan with its success rate. */
export function RetentionPage() {
  const { t } = useChurnT();
  const { can } = useAuth();
  const [tab, setTab] = useState('tasks');
  const [creating, setCreating] = useState(false);
  return (
    <div className="page">
      <div className="page__header">
        <h1>{t('retention.title')}</h1>
        {can('churn:create') && (
          <div className="page__actions">
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              {t('retention.newPlan')}
            </button>
          </div>
        )}
      </div>
      <section className="card">
        <Tabs
          tabs={[
            { key: 'tasks', label: t('retention.tasks'), render: () => <MyTasks /> },
            { key: 'plans', label: t('retention.plans'), render: () => <Plans /> },
          ]}
          active={tab}
          onChange={setTab}
        />
      </section>
      {creating && <CreatePlanDialog onClose={() => setCreating(false)} />}
    </div>
  );
}

function MyTasks() {
  const { t } = useChurnT();
  const app = useAppT();
  const tasks = useTasks({ mine: true, status: 'open' });
  const outcome = useRecordOutcome();
  const rows = tasks.data?.items ?? [];
  return (
    <>
      <FormError message={tasks.error?.message ?? outcome.error?.message} />
      <table className="table" aria-label={t('retention.tasks')} data-testid="retention-tasks">
        <thead>
          <tr>
            <th>{t('retention.column.customer')}</th>
            <th>{t('retention.column.phone')}</th>
            <th>{t('retention.column.score')}</th>
            <th>{t('retention.column.offer')}</th>
            <th>{t('retention.column.due')}</th>
            <th>{t('retention.column.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((task) => (
            <tr key={task.id} data-row-id={task.id}>
              <td>
                <Link to={`/customers/${task.customerId}`}>
                  <span className="mono">{task.customerNo}</span> {task.customerName}
                </Link>
                {task.planName && <div className="muted">{task.planName}</div>}
              </td>
              <td className="mono">{task.phone}</td>
              <td>{task.riskScore ?? '—'}</td>
              <td>{task.offer}</td>
              <td className="mono">{task.dueDate}</td>
              <td className="page__actions">
                {OUTCOMES.map((o) => (
                  <button
                    key={o}
                    type="button"
                    className={`button button--small${o === 'won_back' ? ' button--primary' : ''}`}
                    disabled={outcome.isPending}
                    onClick={() => outcome.mutate({ id: task.id, outcome: o, note: null })}
                    aria-label={`${t(`outcome.${o}`)} ${task.customerNo}`}
                  >
                    {t(`outcome.${o}`)}
                  </button>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && (
        <div className="table__empty">{tasks.isLoading ? app.t('common.loading') : t('retention.noTasks')}</div>
      )}
    </>
  );
}

function Plans() {
  const { t } = useChurnT();
  const app = useAppT();
  const plans = usePlans();
  const rows = plans.data?.items ?? [];
  return (
    <>
      <FormError message={plans.error?.message} />
      <table className="table" aria-label={t('retention.plans')} data-testid="retention-plans">
        <thead>
          <tr>
            <th>{t('retention.column.name')}</th>
            <th>{t('retention.column.offer')}</th>
            <th>{t('retention.column.owner')}</th>
            <th>{t('retention.column.due')}</th>
            <th>{t('retention.column.tasks')}</th>
            <th>{t('retention.column.done')}</th>
            <th>{t('retention.column.rate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id} data-row-id={p.id}>
              <td>{p.name}</td>
              <td>{p.offer}</td>
              <td>{p.ownerName}</td>
              <td className="mono">{p.dueDate}</td>
              <td>{p.tasks}</td>
              <td
                title={`${t('outcome.won_back')} ${p.wonBack} · ${t('outcome.refused')} ${p.refused} · ${t('outcome.unreachable')} ${p.unreachable}`}
              >
                {p.done}
              </td>
              <td>{p.successRate === null ? '—' : `${Math.round(p.successRate * 100)}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && (
        <div className="table__empty">{plans.isLoading ? app.t('common.loading') : t('retention.empty')}</div>
      )}
    </>
  );
}
