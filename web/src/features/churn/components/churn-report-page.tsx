import { useMemo, useState, type FormEvent } from 'react';
import { useAppT } from '../../../app/app-i18n.ts';
import { FormError, SelectField, TextField } from '../../../components/ui/fields.tsx';
import { ReportActions, ReportPanel, type ReportColumn } from '../../../components/ui/report-panel.tsx';
import {
  churnReportXlsxHref,
  REPORT_GROUPS,
  useChurnReport,
  type ReportFilters,
  type ReportGroup,
  type ReportRow,
} from '../api/churn-api.ts';
import { useChurnT } from '../i18n.ts';
import { CUSTOMER_CATEGORY_LABELS, CUSTOMER_LEVEL_LABELS } from '@shared/customer-enums.ts';

const VALUE_LABELS: Record<string, { zh: string; en: string }> = {
  ...CUSTOMER_CATEGORY_LABELS,
  ...CUSTOMER_LEVEL_LABELS,
};

/** Churn rate by month, region, category, level or reason: chart and table, xlsx and print. */
export function ChurnReportPage() {
  const { t, i18n } = useChurnT();
  const app = useAppT();
  const [filters, setFilters] = useState<ReportFilters>({ groupBy: 'month' });
  const [form, setForm] = useState({ from: '', to: '' });
  const report = useChurnReport(filters);
  const rows = report.data?.rows ?? [];
  const label = (r: ReportRow) =>
    r.key === ''
      ? t('reports.none')
      : filters.groupBy === 'reason'
        ? t(`reason.${r.key}`, { defaultValue: r.label })
        : (VALUE_LABELS[r.key]?.[i18n.language === 'en' ? 'en' : 'zh'] ?? r.label);
  const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(2)}%`);

  function apply(e: FormEvent) {
    e.preventDefault();
    setFilters({ ...filters, from: form.from || undefined, to: form.to || undefined });
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: labels come from i18n, so the chart rebuilds when the language changes
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 60, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: rows.map(label) },
      yAxis: [{ type: 'value' }, { type: 'value', splitLine: { show: false }, axisLabel: { formatter: '{value}%' } }],
      series: [
        { name: t('reports.column.churned'), type: 'bar', data: rows.map((r) => r.churned) },
        {
          name: t('reports.column.rate'),
          type: 'line',
          yAxisIndex: 1,
          data: rows.map((r) => (r.rate === null ? null : Math.round(r.rate * 10000) / 100)),
        },
      ],
    }),
    [rows, i18n.language],
  );

  const columns: ReportColumn<ReportRow>[] = [
    { key: 'group', header: t('reports.column.group'), cell: label },
    { key: 'churned', header: t('reports.column.churned'), cell: (r) => r.churned.toLocaleString(), numeric: true },
    { key: 'base', header: t('reports.column.base'), cell: (r) => r.base.toLocaleString(), numeric: true },
    { key: 'rate', header: t('reports.column.rate'), cell: (r) => percent(r.rate), numeric: true },
  ];

  return (
    <div className="page">
      <div className="page__header">
        <h1>
          {t('reports.title')}
          {report.data && (
            <span className="muted">
              {' '}
              · {report.data.from} – {report.data.to}
            </span>
          )}
        </h1>
        <ReportActions
          xlsxHref={churnReportXlsxHref(filters)}
          exportLabel={t('reports.export')}
          printLabel={t('reports.print')}
        />
      </div>
      <section className="card">
        <form className="toolbar" onSubmit={apply} aria-label={t('reports.title')}>
          <div className="toolbar__row">
            <SelectField
              label={t('reports.groupBy')}
              value={filters.groupBy}
              onChange={(e) => setFilters({ ...filters, groupBy: e.target.value as ReportGroup })}
              options={REPORT_GROUPS.map((g) => ({ value: g, label: t(`reports.group.${g}`) }))}
            />
            <TextField
              label={t('reports.from')}
              type="date"
              value={form.from}
              onChange={(e) => setForm({ ...form, from: e.target.value })}
            />
            <TextField
              label={t('reports.to')}
              type="date"
              value={form.to}
              onChange={(e) => setForm({ ...form, to: e.target.value })}
            />
            <button type="submit" className="button button--primary">
              {t('reports.apply')}
            </button>
          </div>
        </form>
        <FormError message={report.error?.message} />
        <ReportPanel
          title={`${t('reports.title')} · ${t(`reports.group.${filters.groupBy}`)}`}
          option={option}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.key}
          empty={report.isLoading ? app.t('common.loading') : t('reports.empty')}
        />
      </section>
    </div>
  );
}
