import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useAppT } from '../../../app/app-i18n.ts';
import { pick } from '../../../app/i18n.ts';
import { FormError, SelectField, TextField } from '../../../components/ui/fields.tsx';
import { ReportActions, ReportPanel, type ReportColumn } from '../../../components/ui/report-panel.tsx';
import { useRegions } from '../../../lib/org-units.ts';
import {
  STATS_GROUPS,
  statsXlsxHref,
  useCustomerStats,
  type StatsFilters,
  type StatsGroup,
  type StatsRow,
} from '../api/stats-api.ts';
import { useStatsT } from '../i18n.ts';

/** Customers by region, category, level, lifecycle or month, as a chart with the table beside it; filters live in the URL. */
export function StatsDashboardPage() {
  const { t, i18n } = useStatsT();
  const app = useAppT();
  const [params, setParams] = useSearchParams();
  const filters: StatsFilters = {
    groupBy: (STATS_GROUPS as readonly string[]).includes(params.get('groupBy') ?? '')
      ? (params.get('groupBy') as StatsGroup)
      : 'region',
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    region: params.get('region') ?? undefined,
  };
  const [form, setForm] = useState({ from: filters.from ?? '', to: filters.to ?? '', region: filters.region ?? '' });
  const stats = useCustomerStats(filters);
  // The fields show the range the report covers (the server's default when none was chosen), as the title does.
  const shown = stats.data;
  useEffect(() => {
    if (shown) setForm((f) => ({ ...f, from: f.from || shown.from, to: f.to || shown.to }));
  }, [shown]);
  const regions = useRegions();
  const rows = stats.data?.rows ?? [];
  const label = (r: StatsRow) =>
    r.key === 'total' ? t('total') : r.key === '' ? t('none') : t(`value.${r.label}`, { defaultValue: r.label });

  function update(next: Partial<StatsFilters>) {
    const merged = { ...filters, ...next };
    setParams(new URLSearchParams(Object.entries(merged).filter(([, v]) => v) as [string, string][]), {
      replace: true,
    });
  }
  function apply(e: FormEvent) {
    e.preventDefault();
    update({ from: form.from || undefined, to: form.to || undefined, region: form.region || undefined });
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: labels come from i18n, so the chart rebuilds when the language changes
  const option = useMemo(() => {
    const names = rows.map(label);
    const series =
      filters.groupBy === 'month'
        ? [
            { name: t('column.new'), type: 'bar', data: rows.map((r) => r.new) },
            { name: t('column.cancelled'), type: 'bar', data: rows.map((r) => r.cancelled) },
            { name: t('column.churned'), type: 'bar', data: rows.map((r) => r.churned) },
            { name: t('column.active'), type: 'line', yAxisIndex: 1, data: rows.map((r) => r.active) },
          ]
        : [
            { name: t('column.active'), type: 'bar', data: rows.map((r) => r.active) },
            ...(rows.some((r) => r.arpu !== null)
              ? [{ name: t('column.arpu'), type: 'line', yAxisIndex: 1, data: rows.map((r) => Number(r.arpu ?? 0)) }]
              : []),
          ];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 50, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: names },
      yAxis: [{ type: 'value' }, { type: 'value', splitLine: { show: false } }],
      series,
    };
  }, [rows, filters.groupBy, i18n.language]);

  const columns: ReportColumn<StatsRow>[] = [
    { key: 'group', header: t('column.group'), cell: label },
    { key: 'active', header: t('column.active'), cell: (r) => r.active.toLocaleString(), numeric: true },
    { key: 'new', header: t('column.new'), cell: (r) => r.new.toLocaleString(), numeric: true },
    { key: 'cancelled', header: t('column.cancelled'), cell: (r) => r.cancelled.toLocaleString(), numeric: true },
    { key: 'churned', header: t('column.churned'), cell: (r) => r.churned.toLocaleString(), numeric: true },
    ...(rows.some((r) => r.revenue !== null)
      ? [
          { key: 'revenue', header: t('column.revenue'), cell: (r: StatsRow) => r.revenue ?? '—', numeric: true },
          { key: 'arpu', header: t('column.arpu'), cell: (r: StatsRow) => r.arpu ?? '—', numeric: true },
        ]
      : []),
  ];

  return (
    <div className="page">
      <div className="page__header">
        <h1>
          {t('title')}
          {stats.data && (
            <span className="muted">
              {' '}
              · {stats.data.from} – {stats.data.to}
            </span>
          )}
        </h1>
        <ReportActions xlsxHref={statsXlsxHref(filters)} exportLabel={t('export')} printLabel={t('print')} />
      </div>
      <section className="card">
        <form className="toolbar" onSubmit={apply} aria-label={t('title')}>
          <div className="toolbar__row">
            <SelectField
              label={t('filter.groupBy')}
              value={filters.groupBy}
              onChange={(e) => update({ groupBy: e.target.value as StatsGroup })}
              options={STATS_GROUPS.map((g) => ({ value: g, label: t(`groupBy.${g}`) }))}
            />
            <TextField
              label={t('filter.from')}
              type="date"
              value={form.from}
              onChange={(e) => setForm({ ...form, from: e.target.value })}
            />
            <TextField
              label={t('filter.to')}
              type="date"
              value={form.to}
              onChange={(e) => setForm({ ...form, to: e.target.value })}
            />
            <SelectField
              label={t('filter.region')}
              value={form.region}
              onChange={(e) => setForm({ ...form, region: e.target.value })}
              placeholder={t('filter.allRegions')}
              options={(regions.data ?? []).map((u) => ({
                value: u.id,
                label: pick({ zh: u.name, en: u.nameEn }, i18n.language),
              }))}
            />
            <button type="submit" className="button button--primary">
              {t('filter.apply')}
            </button>
          </div>
        </form>
        <FormError message={stats.error?.message} />
        <ReportPanel
          title={`${t('title')} · ${t(`groupBy.${filters.groupBy}`)}`}
          option={option}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.key}
          footer={stats.data?.totals}
          empty={stats.isLoading ? app.t('common.loading') : t('empty')}
        />
      </section>
    </div>
  );
}
