import { useEffect, useMemo, useState } from 'react';
import { useAppT } from '../../../app/app-i18n.ts';
import { FormError, SelectField, TextField } from '../../../components/ui/fields.tsx';
import { ReportActions, ReportPanel } from '../../../components/ui/report-panel.tsx';
import { statsXlsxHref, useStats, type Breakdown } from '../api/work-orders-api.ts';
import { useWorkOrdersT } from '../i18n.ts';
import './work-orders.css';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** Counts by type, business, region and department, the trend, SLA and satisfaction figures; exportable to xlsx. */
export function WorkOrderStatsPage() {
  const { t } = useWorkOrdersT();
  const app = useAppT();
  const [form, setForm] = useState({ from: '', to: '', granularity: 'day' });
  const [filters, setFilters] = useState({ granularity: 'day' } as { from?: string; to?: string; granularity: string });
  const stats = useStats(filters);
  const s = stats.data;
  // The date fields show the range the figures cover (the server's default when none was chosen).
  useEffect(() => {
    if (s) setForm((f) => ({ ...f, from: f.from || s.from, to: f.to || s.to }));
  }, [s]);

  const trend = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: {},
      grid: { left: 40, right: 16, bottom: 30 },
      xAxis: { type: 'category', data: s?.series.map((p) => p.period) ?? [] },
      yAxis: { type: 'value' },
      series: [
        { name: t('stats.created'), type: 'line', data: s?.series.map((p) => p.created) ?? [] },
        { name: t('stats.resolved'), type: 'line', data: s?.series.map((p) => p.resolved) ?? [] },
        { name: t('stats.breached'), type: 'bar', data: s?.series.map((p) => p.breached) ?? [] },
      ],
    }),
    [s, t],
  );
  const bars = (rows: Breakdown[], label: (r: Breakdown) => string) => ({
    tooltip: {},
    grid: { left: 40, right: 16, bottom: 60 },
    xAxis: { type: 'category', data: rows.map(label), axisLabel: { rotate: 30 } },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', name: t('stats.count'), data: rows.map((r) => r.count) }],
  });
  const breakdown = (title: string, rows: Breakdown[], label: (r: Breakdown) => string = (r) => r.label) => (
    <section className="card" key={title}>
      <h2>{title}</h2>
      <ReportPanel
        title={title}
        option={bars(rows, label)}
        rows={rows}
        rowKey={(r) => r.key}
        empty={app.t('common.empty')}
        columns={[
          { key: 'label', header: title, cell: label },
          { key: 'count', header: t('stats.count'), numeric: true, cell: (r) => r.count },
        ]}
      />
    </section>
  );

  return (
    <div className="page page--padded">
      <div className="page__header">
        <h1>{t('stats.title')}</h1>
        <ReportActions
          xlsxHref={statsXlsxHref(filters)}
          exportLabel={t('stats.export')}
          printLabel={t('stats.print')}
        />
      </div>
      <form
        className="toolbar card"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters({ from: form.from || undefined, to: form.to || undefined, granularity: form.granularity });
        }}
      >
        <div className="toolbar__row toolbar__filters">
          <TextField
            label={t('stats.from')}
            type="date"
            value={form.from}
            onChange={(e) => setForm({ ...form, from: e.target.value })}
          />
          <TextField
            label={t('stats.to')}
            type="date"
            value={form.to}
            onChange={(e) => setForm({ ...form, to: e.target.value })}
          />
          <SelectField
            label={t('stats.granularity')}
            value={form.granularity}
            onChange={(e) => setForm({ ...form, granularity: e.target.value })}
            options={['day', 'week', 'month'].map((g) => ({ value: g, label: t(`stats.${g}`) }))}
          />
          <button type="submit" className="button button--primary">
            {t('stats.apply')}
          </button>
        </div>
      </form>
      <FormError message={stats.error?.message} />
      {s && (
        <>
          <div className="wo-kpis" data-testid="work-order-kpis">
            <div>
              {t('stats.count')}
              <strong>{s.totals.count}</strong>
            </div>
            <div>
              {t('stats.avgResponse')}
              <strong>{s.totals.avgResponseMinutes ?? '—'}</strong>
            </div>
            <div>
              {t('stats.avgResolve')}
              <strong>{s.totals.avgResolveMinutes ?? '—'}</strong>
            </div>
            <div>
              {t('stats.breachRate')}
              <strong>{pct(s.totals.breachRate)}</strong>
            </div>
            <div>
              {t('stats.reopenRate')}
              <strong>{pct(s.totals.reopenRate)}</strong>
            </div>
            <div>
              {t('stats.satisfaction')}
              <strong>
                {s.satisfaction.map((x) => `${t(`satisfaction.${x.key}`)} ${x.count}`).join(' · ') || '—'}
              </strong>
            </div>
          </div>
          <section className="card">
            <h2>{t('stats.trend')}</h2>
            <ReportPanel
              title={t('stats.trend')}
              option={trend}
              rows={s.series}
              rowKey={(r) => r.period}
              empty={app.t('common.empty')}
              columns={[
                { key: 'period', header: t('stats.granularity'), cell: (r) => r.period },
                { key: 'created', header: t('stats.created'), numeric: true, cell: (r) => r.created },
                { key: 'resolved', header: t('stats.resolved'), numeric: true, cell: (r) => r.resolved },
                { key: 'breached', header: t('stats.breached'), numeric: true, cell: (r) => r.breached },
              ]}
            />
          </section>
          {breakdown(t('stats.byType'), s.byType)}
          {breakdown(t('stats.byBusinessType'), s.byBusinessType, (r) => t(`business.${r.key}`))}
          {breakdown(t('stats.byRegion'), s.byRegion)}
          {breakdown(t('stats.byDepartment'), s.byDepartment)}
        </>
      )}
    </div>
  );
}
