import './home-page.css';
import { Link } from 'react-router';
import type { ReactNode } from 'react';
import { useHome, type Home } from '../api/home-api.ts';
import { useHomeT } from '../i18n.ts';

function Panel({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section className="card home__panel" data-testid={testId} aria-label={title}>
      <div className="card__body">
        <h2 className="home__title">{title}</h2>
        {children}
      </div>
    </section>
  );
}

function DueToday({ home }: { home: Home }) {
  const { t } = useHomeT();
  const tasks = home.retentionTasks ?? [];
  const steps = home.workOrderSteps ?? [];
  if (tasks.length + steps.length === 0) return <p className="muted">{t('tasks.empty')}</p>;
  return (
    <ul className="home__list">
      {steps.map((s) => (
        <li key={`w${s.id}`}>
          <Link to={`/work-orders/${s.id}`}>{s.orderNo}</Link> · {t(`step.${s.step}`)}
          {s.breached && <span className="badge badge--danger">{t('breached')}</span>}
        </li>
      ))}
      {tasks.map((r) => (
        <li key={`r${r.id}`}>
          <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link> · {t('tasks.retention')} · {r.offer}
          {r.overdue ? (
            <span className="badge badge--danger">{t('tasks.overdue')}</span>
          ) : (
            <span className="muted"> {t('tasks.due', { date: r.dueDate })}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

export function HomePage() {
  const { t } = useHomeT();
  const { data: home } = useHome();
  if (!home) return <div className="page" aria-busy="true" />;
  const showTasks = home.retentionTasks !== null || home.workOrderSteps !== null;
  return (
    <div className="page">
      <div className="page__header">
        <h1>{t('title')}</h1>
        <span className="muted">{t('today', { date: home.today })}</span>
      </div>
      <div className="home__grid">
        {home.keyFigures && (
          <Panel title={t('figures.title')} testId="home-figures">
            <dl className="home__figures">
              {(['active', 'new', 'cancelled', 'churned'] as const).map((k) => (
                <div key={k}>
                  <dt>{t(`figures.${k}`)}</dt>
                  <dd>{home.keyFigures![k].toLocaleString()}</dd>
                </div>
              ))}
            </dl>
          </Panel>
        )}
        {showTasks && (
          <Panel title={t('tasks.title')} testId="home-due">
            <DueToday home={home} />
          </Panel>
        )}
        {home.queues && (
          <Panel title={t('queues.title')} testId="home-queues">
            <ul className="home__list">
              {home.queues.map((q) => (
                <li key={q.queue}>
                  <Link to={`/work-orders?queue=${q.queue}`}>{t(`queues.${q.queue}`)}</Link> ·{' '}
                  {t('queues.open', { count: q.open })}
                  {q.breached > 0 && (
                    <span className="badge badge--danger">{t('queues.breached', { count: q.breached })}</span>
                  )}
                </li>
              ))}
            </ul>
          </Panel>
        )}
        {home.atRisk && (
          <Panel title={t('risk.title')} testId="home-risk">
            {home.atRisk.length === 0 ? (
              <p className="muted">{t('risk.empty')}</p>
            ) : (
              <ul className="home__list">
                {home.atRisk.map((c) => (
                  <li key={c.customerId}>
                    <Link to={`/customers/${c.customerId}`}>{c.name}</Link> · {t('risk.score', { score: c.score })}
                    {c.reason && <span className="muted"> · {c.reason}</span>}
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        )}
      </div>
    </div>
  );
}
