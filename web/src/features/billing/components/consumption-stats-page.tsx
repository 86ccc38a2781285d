import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { TextField } from '../../../components/ui/fields.tsx';
import { ReportActions, ReportPanel } from '../../../components/ui/report-panel.tsx';
import { statsXlsxHref, useStats, type Stats } from '../api/billing-api.ts';
import { useBillingT } from '../i18n.ts';

function monthsAgo(n: number): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

const bar = (names: string[], series: { name: string; data: number[]; type?: string; yAxisIndex?: number }[]) => ({
  tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 60, right: 60, top: 40, bottom: 40 },
  xAxis: { type: 'category', data: names }, yAxis: [{ type: 'value' }, { type: 'value', splitLine: { show: false } }],
  series: series.map((s) => ({ type: 'bar', ...s })),
});

/** Revenue by month (with ARPU), product and region, and the top spenders, for the months chosen; exportable as xlsx. */
export function ConsumptionStatsPage() {
  const { t } = useBillingT();
  const [range, setRange] = useState({ from: monthsAgo(6), to: monthsAgo(1) });
  const [form, setForm] = useState(range);
  const stats = useStats(range.from, range.to);
  const s: Stats | undefined = stats.data;

  const byMonth = useMemo(() => bar((s?.byMonth ?? []).map((r) => r.month), [
    { name: t('stats.revenue'), data: (s?.byMonth ?? []).map((r) => Number(r.revenue)) },
    { name: t('stats.arpu'), type: 'line', yAxisIndex: 1, data: (s?.byMonth ?? []).map((r) => Number(r.arpu)) },
  ]), [s, t]);
  const byProduct = useMemo(() => bar((s?.byProduct ?? []).map((r) => r.product), [{ name: t('stats.revenue'), data: (s?.byProduct ?? []).map((r) => Number(r.revenue)) }]), [s, t]);
  const byRegion = useMemo(() => bar((s?.byRegion ?? []).map((r) => r.region), [
    { name: t('stats.revenue'), data: (s?.byRegion ?? []).map((r) => Number(r.revenue)) },
    { name: t('stats.arpu'), type: 'line', yAxisIndex: 1, data: (s?.byRegion ?? []).map((r) => Number(r.arpu)) },
  ]), [s, t]);

  function apply(e: FormEvent) {
    e.preventDefault();
    setRange(form);
  }
  const money = (v: string) => `¥${Number(v).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

  return (
    <div className="page">
      <div className="page__header">
        <h1>{t('stats.title')}</h1>
        <ReportActions xlsxHref={statsXlsxHref(range.from, range.to)} exportLabel={t('stats.export')} printLabel={t('stats.print')} />
      </div>
      <section className="card"><div className="card__body">
        <form className="toolbar__row" onSubmit={apply} aria-label={t('stats.title')}>
          <TextField label={t('stats.from')} type="month" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} required />
          <TextField label={t('stats.to')} type="month" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} required />
          <button type="submit" className="button button--primary" style={{ alignSelf: 'flex-end' }}>{t('stats.apply')}</button>
        </form>
      </div></section>
      <section className="card" style={{ marginTop: 16 }}><div className="card__body">
        <h2>{t('stats.byMonth')}</h2>
        <ReportPanel title={t('stats.byMonth')} option={byMonth} rows={s?.byMonth ?? []} rowKey={(r) => r.month} empty={t('stats.empty')} columns={[
          { key: 'month', header: t('stats.month'), cell: (r) => r.month },
          { key: 'revenue', header: t('stats.revenue'), cell: (r) => money(r.revenue), numeric: true },
          { key: 'customers', header: t('stats.customers'), cell: (r) => r.customers, numeric: true },
          { key: 'arpu', header: t('stats.arpu'), cell: (r) => money(r.arpu), numeric: true },
        ]} />
      </div></section>
      <section className="card" style={{ marginTop: 16 }}><div className="card__body">
        <h2>{t('stats.byProduct')}</h2>
        <ReportPanel title={t('stats.byProduct')} option={byProduct} rows={s?.byProduct ?? []} rowKey={(r) => r.product} empty={t('stats.empty')} columns={[
          { key: 'product', header: t('stats.product'), cell: (r) => r.product },
          { key: 'revenue', header: t('stats.revenue'), cell: (r) => money(r.revenue), numeric: true },
          { key: 'customers', header: t('stats.customers'), cell: (r) => r.customers, numeric: true },
        ]} />
      </div></section>
      <section className="card" style={{ marginTop: 16 }}><div className="card__body">
        <h2>{t('stats.byRegion')}</h2>
        <ReportPanel title={t('stats.byRegion')} option={byRegion} rows={s?.byRegion ?? []} rowKey={(r) => r.region} empty={t('stats.empty')} columns={[
          { key: 'region', header: t('stats.region'), cell: (r) => r.region },
          { key: 'revenue', header: t('stats.revenue'), cell: (r) => money(r.revenue), numeric: true },
          { key: 'customers', header: t('stats.customers'), cell: (r) => r.customers, numeric: true },
          { key: 'arpu', header: t('stats.arpu'), cell: (r) => money(r.arpu), numeric: true },
        ]} />
      </div></section>
      <section className="card" style={{ marginTop: 16 }}><div className="card__body">
        <h2>{t('stats.top')}</h2>
        <table className="table" aria-label={t('stats.top')}>
          <thead><tr><th>#</th><th>{t('stats.customer')}</th><th className="num">{t('stats.spend')}</th></tr></thead>
          <tbody>{(s?.topSpenders ?? []).map((c, i) => (
            <tr key={c.customerId}><td>{i + 1}</td><td><Link to={`/customers/${c.customerId}`}>{c.name}</Link> <span className="muted mono">{c.customerNo}</span></td><td className="num">{money(c.total)}</td></tr>
          ))}</tbody>
        </table>
      </div></section>
    </div>
  );
}
