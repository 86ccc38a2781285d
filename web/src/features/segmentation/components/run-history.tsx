import { Link } from 'react-router';
import { useRuns, type RunSummary } from '../api/segmentation-api.ts';
import { useSegmentationT } from '../i18n.ts';
import { useDateFormat } from '../../../lib/date-format.ts';

/** Every run, newest first: who, when, parameters, quality, and a live progress bar while one runs. */
export function RunHistory() {
  const { dateTime } = useDateFormat();
  const { t, i18n } = useSegmentationT();
  const runs = useRuns();
  const items = runs.data?.items ?? [];
  const params = (r: RunSummary) =>
    `${r.month}${r.months > 1 ? ` ×${r.months}` : ''} · K=${r.k === 'auto' ? `${t('form.auto')}${r.kUsed ? ` → ${r.kUsed}` : ''}` : r.k} · ${r.variables.length} · ${t('form.seed')} ${r.seed}`;
  return (
    <section className="card card__body">
      <h2>{t('history.title')}</h2>
      <div className="table-wrap">
        <table className="table" aria-label={t('history.title')} data-testid="segmentation-runs">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('history.when')}</th>
              <th>{t('history.who')}</th>
              <th>{t('history.params')}</th>
              <th>{t('history.status')}</th>
              <th className="numeric">{t('history.customers')}</th>
              <th className="numeric">{t('history.quality')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <td className="mono">{r.id}</td>
                <td>{dateTime(r.createdAt)}</td>
                <td>{r.createdByName}</td>
                <td>{params(r)}</td>
                <td>
                  {r.status === 'running' || r.status === 'queued' ? (
                    <progress max={100} value={r.progress} aria-label={t('run.progress')}>
                      {r.progress}%
                    </progress>
                  ) : (
                    <span className={r.status === 'failed' ? 'badge badge--merged' : 'badge'}>
                      {t(`status.${r.status}`)}
                    </span>
                  )}
                  {r.publishedAt && <span className="badge seg-published">{t('history.published')}</span>}
                </td>
                <td className="numeric">{r.customerCount?.toLocaleString(i18n.language) ?? '—'}</td>
                <td className="numeric">{r.silhouette?.toFixed(3) ?? '—'}</td>
                <td>
                  <Link to={`/segmentation/runs/${r.id}`}>{t('history.open')}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {items.length === 0 && !runs.isLoading && <div className="table__empty">{t('history.empty')}</div>}
      </div>
    </section>
  );
}
