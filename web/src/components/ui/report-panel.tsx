import type { ReactNode } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { EChart } from './echart.tsx';
import './report-panel.css';

export interface ReportColumn<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
}

/** A report as the dashboards show it: the chart, the same figures as a table beside it; prints without the app's chrome. */
export function ReportPanel<T>({
  title,
  option,
  columns,
  rows,
  rowKey,
  footer,
  empty,
}: {
  title: string;
  option: EChartsCoreOption;
  columns: ReportColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  footer?: T;
  empty: ReactNode;
}) {
  return (
    <div className="report">
      <EChart option={option} label={title} />
      <div className="report__table">
        <table className="table" aria-label={title}>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} className={c.numeric ? 'num' : undefined}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={rowKey(r)}>
                {columns.map((c) => (
                  <td key={c.key} className={c.numeric ? 'num' : undefined}>
                    {c.cell(r)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {footer && rows.length > 0 && (
            <tfoot>
              <tr>
                {columns.map((c) => (
                  <th key={c.key} className={c.numeric ? 'num' : undefined}>
                    {c.cell(footer)}
                  </th>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
        {rows.length === 0 && <div className="table__empty">{empty}</div>}
      </div>
    </div>
  );
}

/** Export and print buttons for a report page: the xlsx comes from the server with the same filters. */
export function ReportActions({
  xlsxHref,
  exportLabel,
  printLabel,
}: {
  xlsxHref?: string;
  exportLabel: string;
  printLabel: string;
}) {
  return (
    <div className="page__actions">
      {xlsxHref && (
        <a className="button" href={xlsxHref} download>
          {exportLabel}
        </a>
      )}
      <button type="button" className="button" onClick={() => window.print()}>
        {printLabel}
      </button>
    </div>
  );
}
