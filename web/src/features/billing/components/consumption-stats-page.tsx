import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { TextField } from '../../../components/ui/fields.tsx';
import { ReportActions } from '../../../components/ui/report-panel.tsx';
import { statsXlsxHref, useStats, type Stats } from '../api/billing-api.ts';
import { useBillingT } from '../i18n.ts';
import { money, RevenueReport } from './revenue-report.tsx';
import { businessMonth } from '../../../lib/date-format.ts';

/** Rows while loading: one array, so the reports' charts are not rebuilt on every render. */
const NO_ROWS: never[] = [];

/** Revenue by month (with ARPU), product and region, and the top spenders, for the months chosen; exportable as xlsx. */
export function ConsumptionStatsPage() {
  const { t } = useBillingT();
  const [range, setRange] = useState({ from: businessMonth(-6), to: businessMonth(-1) });
  const [form, setForm] = useState(range);
  const stats = useStats(range.from, range.to);
  const s: Stats | undefined = stats.data;

  function apply(e: FormEvent) {
    e.preventDefault();
    setRange(form);
  }

  return (
    <div className="page">
      <div className="page__header">
        <h1>{t('stats.title')}</h1>
        <ReportActions
          xlsxHref={statsXlsxHref(range.from, range.to)}
          exportLabel={t('stats.export')}
          printLabel={t('stats.print')}
        />
      </div>
      <section className="card">
        <div className="card__body">
          <form className="toolbar__row" onSubmit={apply} aria-label={t('stats.title')}>
            <TextField
              label={t('stats.from')}
              type="month"
              value={form.from}
              onChange={(e) => setForm({ ...form, from: e.target.value })}
              required
            />
            <TextField
              label={t('stats.to')}
              type="month"
              value={form.to}
              onChange={(e) => setForm({ ...form, to: e.target.value })}
              required
            />
            <button type="submit" className="button button--primary" style={{ alignSelf: 'flex-end' }}>
              {t('stats.apply')}
            </button>
          </form>
        </div>
      </section>
      <RevenueReport
        title={t('stats.byMonth')}
        rows={s?.byMonth ?? NO_ROWS}
        label="month"
        labelHeader={t('stats.month')}
        arpu
      />
      <RevenueReport
        title={t('stats.byProduct')}
        rows={s?.byProduct ?? NO_ROWS}
        label="product"
        labelHeader={t('stats.product')}
      />
      <RevenueReport
        title={t('stats.byRegion')}
        rows={s?.byRegion ?? NO_ROWS}
        label="region"
        labelHeader={t('stats.region')}
        arpu
      />
      <section className="card" style={{ marginTop: 16 }}>
        <div className="card__body">
          <h2>{t('stats.top')}</h2>
          <table className="table" aria-label={t('stats.top')}>
            <thead>
              <tr>
                <th>#</th>
                <th>{t('stats.customer')}</th>
                <th className="num">{t('stats.spend')}</th>
              </tr>
            </thead>
            <tbody>
              {(s?.topSpenders ?? []).map((c, i) => (
                <tr key={c.customerId}>
                  <td>{i + 1}</td>
                  <td>
                    <Link to={`/customers/${c.customerId}`}>{c.name}</Link>{' '}
                    <span className="muted mono">{c.customerNo}</span>
                  </td>
                  <td className="num">{money(c.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
