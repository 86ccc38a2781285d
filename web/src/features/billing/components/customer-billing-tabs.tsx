import { useMemo, useState } from 'react';
import { EChart } from '../../../components/ui/echart.tsx';
import { FormError } from '../../../components/ui/fields.tsx';
import {
  useCustomerBalance,
  useCustomerBills,
  useCustomerPayments,
  useCustomerUsage,
  type BillItem,
} from '../api/billing-api.ts';
import { useBillingT } from '../i18n.ts';
import { useDateFormat } from '../../../lib/date-format.ts';

const GB = 1048576;

/** A bill line's usage in the unit people read: data in GB, the rest as counted. */
function useQuantity() {
  const { t } = useBillingT();
  return (i: Pick<BillItem, 'unit'>, value: string) =>
    i.unit === 'KB' ? `${(Number(value) / GB).toFixed(3)} GB` : `${Number(value)} ${t(`unit.${i.unit}`)}`;
}

export function BillsTab({ customerId }: { customerId: string }) {
  const { t } = useBillingT();
  const bills = useCustomerBills(customerId);
  const quantity = useQuantity();
  const [open, setOpen] = useState<string | null>(null);
  const items = bills.data?.items ?? [];
  const shown = open ?? items[0]?.id;
  return (
    <div>
      <FormError message={bills.error?.message} />
      {bills.data && items.length === 0 && <p className="muted">{t('tab.noBills')}</p>}
      {items.length > 0 && (
        <table className="table" aria-label={t('tab.bills')} data-testid="customer-bills">
          <thead>
            <tr>
              <th>{t('tab.month')}</th>
              <th className="num">{t('tab.total')}</th>
              <th className="num">{t('tab.revision')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((b) => (
              <tr key={b.id} aria-selected={b.id === shown} onClick={() => setOpen(b.id)} style={{ cursor: 'pointer' }}>
                <td>
                  <button type="button" className="link-button" onClick={() => setOpen(b.id)}>
                    {b.month}
                  </button>
                </td>
                <td className="num">¥{b.total}</td>
                <td className="num">{b.revision}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {items
        .filter((b) => b.id === shown)
        .map((b) => (
          <table key={b.id} className="table" aria-label={`${t('tab.bills')} ${b.month}`} style={{ marginTop: 16 }}>
            <thead>
              <tr>
                <th>{t('tab.item')}</th>
                <th>{t('tab.product')}</th>
                <th className="num">{t('tab.quantity')}</th>
                <th className="num">{t('tab.included')}</th>
                <th className="num">{t('tab.rate')}</th>
                <th className="num">{t('tab.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {b.items.map((i) => (
                <tr key={i.line}>
                  <td>{t(`code.${i.code}`)}</td>
                  <td>{i.productName}</td>
                  <td className="num">{quantity(i, i.quantity)}</td>
                  <td className="num">
                    {i.code === 'base_fee' || i.code === 'service_fee' ? '—' : quantity(i, i.included)}
                  </td>
                  <td className="num">¥{Number(i.rate)}</td>
                  <td className="num">¥{i.amount}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th colSpan={5}>{t('tab.total')}</th>
                <th className="num">¥{b.total}</th>
              </tr>
            </tfoot>
          </table>
        ))}
    </div>
  );
}

export function PaymentsTab({ customerId }: { customerId: string }) {
  const { t } = useBillingT();
  const { dateTime } = useDateFormat();
  const payments = useCustomerPayments(customerId);
  const items = payments.data?.items ?? [];
  return (
    <div>
      <FormError message={payments.error?.message} />
      {payments.data && items.length === 0 && <p className="muted">{t('tab.noPayments')}</p>}
      {items.length > 0 && (
        <table className="table" aria-label={t('tab.payments')}>
          <thead>
            <tr>
              <th>{t('tab.paidAt')}</th>
              <th>{t('tab.receipt')}</th>
              <th className="num">{t('tab.amount')}</th>
              <th>{t('tab.place')}</th>
              <th>{t('tab.method')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id}>
                <td>{dateTime(p.paidAt)}</td>
                <td className="mono">{p.receipt}</td>
                <td className="num">¥{p.amount}</td>
                <td>{p.place}</td>
                <td>{p.method}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function BalanceTab({ customerId }: { customerId: string }) {
  const { t } = useBillingT();
  const balance = useCustomerBalance(customerId);
  const months = balance.data?.months ?? [];
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 30, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: months.map((m) => m.month) },
      yAxis: { type: 'value' },
      series: [
        { name: t('tab.billed'), type: 'bar', data: months.map((m) => Number(m.billed)) },
        { name: t('tab.paid'), type: 'bar', data: months.map((m) => Number(m.paid)) },
        { name: t('tab.balance'), type: 'line', data: months.map((m) => Number(m.balance)) },
      ],
    }),
    [months, t],
  );
  if (!balance.data) return <FormError message={balance.error?.message} />;
  return (
    <div>
      <div className="toolbar__row" style={{ gap: 32, marginBottom: 12 }}>
        <div>
          <div className="muted">{t('tab.balanceNow')}</div>
          <strong style={{ fontSize: 22 }} data-testid="balance-now">
            ¥{balance.data.balance}
          </strong>
        </div>
        <div>
          <div className="muted">{t('tab.arrears')}</div>
          <strong style={{ fontSize: 22, color: Number(balance.data.arrears) > 0 ? 'var(--danger)' : undefined }}>
            ¥{balance.data.arrears}
          </strong>
        </div>
      </div>
      <EChart option={option} label={t('tab.chart')} height={260} />
      <table className="table" aria-label={t('tab.chart')}>
        <thead>
          <tr>
            <th>{t('tab.month')}</th>
            <th className="num">{t('tab.billed')}</th>
            <th className="num">{t('tab.paid')}</th>
            <th className="num">{t('tab.balance')}</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <td>{m.month}</td>
              <td className="num">¥{m.billed}</td>
              <td className="num">¥{m.paid}</td>
              <td className="num">¥{m.balance}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function UsageTab({ customerId }: { customerId: string }) {
  const { t } = useBillingT();
  const { dateTime } = useDateFormat();
  const [month, setMonth] = useState<string | undefined>(undefined);
  const usage = useCustomerUsage(customerId, month);
  const months = usage.data?.months ?? [];
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 60, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: months.map((m) => m.month) },
      yAxis: [{ type: 'value' }, { type: 'value', splitLine: { show: false } }],
      series: [
        { name: t('tab.minutes'), type: 'bar', data: months.map((m) => m.minutes) },
        { name: t('tab.dataGb'), type: 'line', yAxisIndex: 1, data: months.map((m) => Number(m.dataGb)) },
      ],
    }),
    [months, t],
  );
  if (!usage.data) return <FormError message={usage.error?.message} />;
  const qty = (r: { kind: string; quantity: string }) =>
    r.kind === 'call'
      ? `${Math.ceil(Number(r.quantity) / 60)} ${t('unit.min')}`
      : r.kind === 'data'
        ? `${(Number(r.quantity) / 1024).toFixed(1)} MB`
        : `${r.quantity} ${t('unit.msg')}`;
  return (
    <div>
      <EChart option={option} label={t('tab.usageChart')} height={260} />
      <div className="toolbar__row" style={{ margin: '12px 0' }}>
        <label className="field">
          <span>{t('tab.month')}</span>
          <input
            type="month"
            value={usage.data.month}
            onChange={(e) => setMonth(e.target.value || undefined)}
            aria-label={t('tab.month')}
          />
        </label>
      </div>
      <h3>{t('tab.records', { month: usage.data.month })}</h3>
      {usage.data.records.length === 0 ? (
        <p className="muted">{t('tab.noRecords')}</p>
      ) : (
        <table className="table" aria-label={t('tab.records', { month: usage.data.month })}>
          <thead>
            <tr>
              <th>{t('tab.time')}</th>
              <th>{t('tab.kind')}</th>
              <th>{t('tab.area')}</th>
              <th>{t('tab.direction')}</th>
              <th>{t('tab.busy')}</th>
              <th className="num">{t('tab.qty')}</th>
            </tr>
          </thead>
          <tbody>
            {usage.data.records.map((r) => (
              <tr key={`${r.sourceId}-${r.startedAt}`}>
                <td>{dateTime(r.startedAt)}</td>
                <td>{t(`kind.${r.kind}`)}</td>
                <td>{t(`area.${r.area}`)}</td>
                <td>{t(`dir.${r.direction}`)}</td>
                <td>{t(r.busy ? 'period.busy' : 'period.idle')}</td>
                <td className="num">{qty(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
