import ExcelJS from 'exceljs';
import type { WorkOrderStats } from './stats.ts';
import { SATISFACTION_LABELS } from '../../shared/work-order-enums.ts';

/** The statistics as a workbook: a summary sheet, one sheet per breakdown, and the time series. */
export async function statsWorkbook(stats: WorkOrderStats, en: boolean): Promise<Buffer> {
  const t = (zh: string, english: string) => (en ? english : zh);
  const book = new ExcelJS.Workbook();
  book.creator = 'Lianxi CRM';
  const summary = book.addWorksheet(t('汇总', 'Summary'));
  summary.columns = [{ width: 24 }, { width: 16 }];
  summary.addRows([
    [t('开始日期', 'From'), stats.from],
    [t('结束日期', 'To'), stats.to],
    [t('工单数', 'Work orders'), stats.totals.count],
    [t('平均响应时长（分钟）', 'Average response (min)'), stats.totals.avgResponseMinutes],
    [t('平均处理时长（分钟）', 'Average resolution (min)'), stats.totals.avgResolveMinutes],
    [t('超时率', 'SLA breach rate'), stats.totals.breachRate],
    [t('重派率', 'Reopen rate'), stats.totals.reopenRate],
    [t('已回访', 'Return visits'), stats.totals.visited],
    ...stats.satisfaction.map((s) => [
      `${t('满意度', 'Satisfaction')}: ${SATISFACTION_LABELS[s.key as keyof typeof SATISFACTION_LABELS]?.[en ? 'en' : 'zh'] ?? s.key}`,
      s.count,
    ]),
  ]);
  for (const row of [6, 7]) summary.getCell(`B${row}`).numFmt = '0.0%';
  const breakdowns: [string, WorkOrderStats['byType']][] = [
    [t('按类型', 'By type'), stats.byType],
    [t('按业务类型', 'By business type'), stats.byBusinessType],
    [t('按地区', 'By region'), stats.byRegion],
    [t('按处理部门', 'By department'), stats.byDepartment],
  ];
  for (const [name, rows] of breakdowns) {
    const sheet = book.addWorksheet(name);
    sheet.columns = [
      { header: name, width: 28 },
      { header: t('工单数', 'Work orders'), width: 14 },
    ];
    sheet.addRows(rows.map((r) => [r.label, r.count]));
  }
  const series = book.addWorksheet(t('趋势', 'Trend'));
  series.columns = [
    { header: t('周期', 'Period'), width: 14 },
    { header: t('受理', 'Accepted'), width: 12 },
    { header: t('已处理', 'Resolved'), width: 12 },
    { header: t('超时', 'Breached'), width: 12 },
  ];
  series.addRows(stats.series.map((s) => [s.period, s.created, s.resolved, s.breached]));
  return Buffer.from(await book.xlsx.writeBuffer());
}
