import { useMemo } from 'react';
import { ReportPanel } from '../../../components/ui/report-panel.tsx';
import { useBillingT } from '../i18n.ts';

export interface RevenueRow {
  revenue: string;
  customers: number;
  arpu?: string;
}

export const money = (v: string) =>
  `¥${Number(v).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/**
 * One section of the consumption statistics: revenue (and ARPU, when the rows carry it) by month, product or region,
 * as a bar chart with the same figures in a table.
 */
export function RevenueReport<T extends RevenueRow>({
  title,
  rows,
  label,
  labelHeader,
  arpu,
}: {
  title: string;
  rows: T[];
  label: keyof T & string;
  labelHeader: string;
  arpu?: boolean;
}) {
  const { t } = useBillingT();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 60, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: rows.map((r) => String(r[label])) },
      yAxis: [{ type: 'value' }, { type: 'value', splitLine: { show: false } }],
      series: [
        { type: 'bar', name: t('stats.revenue'), data: rows.map((r) => Number(r.revenue)) },
        ...(arpu
          ? [{ type: 'line', name: t('stats.arpu'), yAxisIndex: 1, data: rows.map((r) => Number(r.arpu)) }]
          : []),
      ],
    }),
    [rows, label, arpu, t],
  );
  return (
    <section className="card" style={{ marginTop: 16 }}>
      <div className="card__body">
        <h2>{title}</h2>
        <ReportPanel
          title={title}
          option={option}
          rows={rows}
          rowKey={(r) => String(r[label])}
          empty={t('stats.empty')}
          columns={[
            { key: label, header: labelHeader, cell: (r) => String(r[label]) },
            { key: 'revenue', header: t('stats.revenue'), cell: (r) => money(r.revenue), numeric: true },
            { key: 'customers', header: t('stats.customers'), cell: (r) => r.customers, numeric: true },
            ...(arpu
              ? [{ key: 'arpu', header: t('stats.arpu'), cell: (r: T) => money(r.arpu ?? '0'), numeric: true }]
              : []),
          ]}
        />
      </div>
    </section>
  );
}
