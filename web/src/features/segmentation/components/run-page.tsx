import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useAppT } from '../../../app/app-i18n.ts';
import { useAuth } from '../../../app/auth.tsx';
import { pick } from '../../../app/i18n.ts';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { FormError } from '../../../components/ui/fields.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { usePublishRun, useRenameClusters, useRun, useVariables, type RunDetail } from '../api/segmentation-api.ts';
import { useSegmentationT } from '../i18n.ts';
import { CLUSTER_COLOURS, ElbowChart, ProjectionChart } from './run-charts.tsx';
import './segmentation.css';
import { useDateFormat } from '../../../lib/date-format.ts';
import { RunExports } from './run-exports.tsx';

/** One run: progress while it works; then sizes, names to edit, the profile table, the PCA scatter and the elbow, and publishing. */
export function RunPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useSegmentationT();
  const app = useAppT();
  const run = useRun(id);
  const r = run.data;
  return (
    <div className="page seg-page">
      <div className="page__header">
        <h1>{t('run.title', { id })}</h1>
        <Link to="/segmentation">{t('run.back')}</Link>
      </div>
      {!r && <div className="card card__body">{run.error ? run.error.message : app.t('common.loading')}</div>}
      {r && (r.status === 'queued' || r.status === 'running') && (
        <section className="card card__body">
          <label className="seg-progress">
            {t('run.progress')}{' '}
            <progress max={100} value={r.progress}>
              {r.progress}%
            </progress>{' '}
            {r.progress}%
          </label>
          <p className="muted">{t(`status.${r.status}`)}</p>
        </section>
      )}
      {r?.status === 'failed' && (
        <section className="card card__body">
          <FormError message={t('run.failed', { error: r.error ?? '' })} />
        </section>
      )}
      {r?.status === 'done' && <RunResult run={r} lang={i18n.language} />}
    </div>
  );
}

function RunResult({ run, lang }: { run: RunDetail; lang: string }) {
  const { dateTime } = useDateFormat();
  const { t } = useSegmentationT();
  const app = useAppT();
  const toast = useToast();
  const { can } = useAuth();
  const variables = useVariables();
  const rename = useRenameClusters(run.id);
  const publish = usePublishRun(run.id);
  const [names, setNames] = useState<string[]>(run.clusterNames ?? []);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => setNames(run.clusterNames ?? []), [run.clusterNames]);
  const editable = can('segmentation:edit');
  // "Local minutes (min)"; a label that already names its unit ("Busy-hour traffic (GB)") keeps it once.
  const variableLabel = (key: string) => {
    const meta = variables.data?.find((v) => v.key === key);
    if (!meta) return key;
    const label = pick(meta, lang);
    const unit = t(`unit.${meta.unit}`);
    return label.includes(unit) ? label : `${label} (${unit})`;
  };
  const total = run.customerCount ?? 0;

  return (
    <>
      <section className="card card__body">
        <h2>{t('run.sizes')}</h2>
        <p className="muted">
          {t('run.customers', { n: total.toLocaleString(lang) })} · K={run.kUsed} ·{' '}
          {t('run.iterations', { n: run.iterations })} ({run.converged ? t('run.converged') : t('run.notConverged')}) ·{' '}
          {t('run.silhouette')} {run.silhouette?.toFixed(3)}
          {run.publishedAt && (
            <>
              {' '}
              · <span className="badge seg-published">{t('run.publishedAt', { at: dateTime(run.publishedAt) })}</span>
            </>
          )}
        </p>
        <form
          className="seg-clusters"
          aria-label={t('run.name')}
          onSubmit={(e) => {
            e.preventDefault();
            rename.mutate(names, { onSuccess: () => toast(t('run.renamed')) });
          }}
        >
          {names.map((name, j) => (
            <div key={j} className="seg-cluster" style={{ borderColor: CLUSTER_COLOURS[j % CLUSTER_COLOURS.length] }}>
              <label>
                <span className="seg-cluster__size">
                  {(run.sizes?.[j] ?? 0).toLocaleString(lang)} (
                  {(((run.sizes?.[j] ?? 0) / Math.max(1, total)) * 100).toFixed(1)}%)
                </span>
                <input
                  aria-label={`${t('run.name')} ${j + 1}`}
                  value={name}
                  maxLength={30}
                  readOnly={!editable}
                  onChange={(e) => setNames(names.map((n, i) => (i === j ? e.target.value : n)))}
                />
              </label>
              {run.suggestedNames?.[j] && (
                <div className="muted">{t('run.suggested', { name: pick(run.suggestedNames[j], lang) })}</div>
              )}
              {run.publishedAt && (
                <Link to={`/customers?segment=${encodeURIComponent(run.clusterNames?.[j] ?? '')}`}>
                  {t('run.viewCustomers')}
                </Link>
              )}
            </div>
          ))}
          <FormError message={(rename.error ?? publish.error)?.message} />
          {editable && (
            <div className="seg-actions">
              <button type="submit" className="button" disabled={rename.isPending}>
                {t('run.rename')}
              </button>
              <button type="button" className="button button--primary" onClick={() => setConfirming(true)}>
                {t('run.publish')}
              </button>
            </div>
          )}
        </form>
      </section>
      <section className="card card__body">
        <h2>{t('run.profile')}</h2>
        <RunExports runId={run.id} />
        <div className="table-wrap">
          <table className="table" aria-label={t('run.profile')} data-testid="segmentation-profile">
            <thead>
              <tr>
                <th>{t('run.variable')}</th>
                {names.map((name, j) => (
                  <th key={j} className="numeric" style={{ color: CLUSTER_COLOURS[j % CLUSTER_COLOURS.length] }}>
                    {name}
                  </th>
                ))}
                <th className="numeric">{t('run.overall')}</th>
              </tr>
            </thead>
            <tbody>
              {run.variables.map((key, v) => {
                return (
                  <tr key={key}>
                    <td>{variableLabel(key)}</td>
                    {(run.profiles ?? []).map((p, j) => (
                      <td key={j} className="numeric">
                        {p[v].toLocaleString(lang, { maximumFractionDigits: 1 })}
                      </td>
                    ))}
                    <td className="numeric muted">
                      {run.overall?.[v].toLocaleString(lang, { maximumFractionDigits: 1 })}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      <div className="seg-charts">
        <section className="card card__body">
          <h2>{t('run.scatter')}</h2>
          <p className="muted">
            {t('run.explained', {
              share: (((run.projection?.explained[0] ?? 0) + (run.projection?.explained[1] ?? 0)) * 100).toFixed(0),
            })}
          </p>
          <ProjectionChart run={run} names={names} />
        </section>
        <section className="card card__body">
          <h2>{t('run.elbow', { n: (run.elbowSampleSize ?? 0).toLocaleString(lang) })}</h2>
          <ElbowChart run={run} />
        </section>
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('run.publish')}
          confirmLabel={t('run.publish')}
          cancelLabel={app.t('common.cancel')}
          busy={publish.isPending}
          error={publish.error?.message}
          onClose={() => setConfirming(false)}
          onConfirm={() =>
            publish.mutate(undefined, {
              onSuccess: (out) => {
                setConfirming(false);
                toast(t('run.published', { count: out.customersUpdated }));
              },
            })
          }
        >
          {t('run.publishConfirm')}
        </ConfirmDialog>
      )}
    </>
  );
}
