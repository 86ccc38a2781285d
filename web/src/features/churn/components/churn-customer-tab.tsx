import { useState } from 'react';
import { useAppT } from '../../../app/app-i18n.ts';
import { useAuth } from '../../../app/auth.tsx';
import { FormError } from '../../../components/ui/fields.tsx';
import { useAtRisk, useChurnRecords, useTasks } from '../api/churn-api.ts';
import { useChurnT } from '../i18n.ts';
import { StartTaskDialog } from './start-task-dialog.tsx';
import './churn.css';
import { useDateFormat } from '../../../lib/date-format.ts';

/** On the customer 360° page: the churn-risk score with its reasons, retention tasks and any churn records. */
export function ChurnCustomerTab({ customerId }: { customerId: string }) {
  const { date } = useDateFormat();
  const { t } = useChurnT();
  const app = useAppT();
  const { can } = useAuth();
  const [starting, setStarting] = useState(false);
  const risk = useAtRisk({ customerId, sort: 'score', order: 'desc' });
  const tasks = useTasks({ customerId });
  const records = useChurnRecords({ customerId });
  const score = risk.data?.pages[0]?.items[0];
  const churned = records.data?.pages.flatMap((p) => p.items) ?? [];
  const taskRows = tasks.data?.items ?? [];

  return (
    <div className="form-stack" data-testid="churn-tab">
      <FormError message={risk.error?.message ?? tasks.error?.message ?? records.error?.message} />
      <section>
        <h3>{t('tab.risk')}</h3>
        {score ? (
          <div>
            <p>
              <span className="badge">{score.score}</span>{' '}
              <span className="muted">
                {t(`risk.model.${score.model}`)} · {date(score.scoredAt)}
              </span>
            </p>
            <ol className="factors">
              {score.factors.map((f) => (
                <li key={f.feature}>{f.text}</li>
              ))}
            </ol>
            {!score.openTaskId && can('churn:create') && (
              <button type="button" className="button button--primary button--small" onClick={() => setStarting(true)}>
                {t('risk.start')}
              </button>
            )}
          </div>
        ) : (
          <p className="muted">{risk.isLoading ? app.t('common.loading') : t('tab.notScored')}</p>
        )}
      </section>
      <section>
        <h3>{t('tab.tasks')}</h3>
        {taskRows.length === 0 ? (
          <p className="muted">{tasks.isLoading ? app.t('common.loading') : t('tab.noTasks')}</p>
        ) : (
          <table className="table" aria-label={t('tab.tasks')}>
            <tbody>
              {taskRows.map((task) => (
                <tr key={task.id}>
                  <td className="mono">{task.dueDate}</td>
                  <td>{task.offer}</td>
                  <td>{task.assigneeName}</td>
                  <td>
                    {task.outcome ? t(`outcome.${task.outcome}`) : <span className="muted">{t('retention.open')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {churned.length > 0 && (
        <section>
          <h3>{t('tab.records')}</h3>
          <ul>
            {churned.map((r) => (
              <li key={r.id}>
                <span className="mono">{r.churnedOn}</span> · {t(`reason.${r.reasonCategory}`)}
                {r.competitor ? ` · ${r.competitor}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      {starting && score && <StartTaskDialog customer={score} onClose={() => setStarting(false)} />}
    </div>
  );
}
