import { sql } from 'kysely';
import type { Db, Trx } from '../../../platform/db.ts';
import type { CustomerHistory, MonthSignal } from './features.ts';
import '../churn.tables.ts';
import { addMonths, firstDayOfMonth, monthOf } from '../../../platform/clock.ts';

type Conn = Db | Trx;

/** One customer-month for the feature store; providers (billing, service desk) and imports write these. */
export interface SignalRow extends MonthSignal {
  customerId: string;
  arrears: number;
}

/**
 * Where monthly signals come from. Billing (spend, usage, overage, allowance, package end, arrears) and the
 * service desk (complaints, faults, satisfaction) each supply their part for a month; the monthly job
 * collects them into `churn_signals` before scoring. A provider returns partial rows; missing fields keep
 * what another provider wrote.
 */
export type SignalProvider = (db: Db, month: string) => Promise<(Partial<SignalRow> & { customerId: string })[]>;
const providers: SignalProvider[] = [];
export function registerSignalProvider(provider: SignalProvider): void {
  providers.push(provider);
}

const COLUMN = {
  spend: 'spend',
  dataMb: 'data_mb',
  voiceMin: 'voice_min',
  complaints: 'complaints',
  faults: 'faults',
  satisfaction: 'satisfaction',
  overage: 'overage',
  allowanceUse: 'allowance_use',
  packageEnd: 'package_end',
  arrears: 'arrears',
} as const;

/** Upserts customer-months; only the fields given are written, so providers can each fill their part. */
export async function saveSignals(
  db: Conn,
  month: string,
  rows: (Partial<SignalRow> & { customerId: string })[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const fields = [...new Set(chunk.flatMap((r) => Object.keys(r)))].filter(
      (k): k is keyof typeof COLUMN => k in COLUMN,
    );
    await db
      .insertInto('churn_signals')
      .values(
        chunk.map((r) => {
          const values: Record<string, unknown> = { customer_id: r.customerId, month: r.month ?? month };
          for (const f of fields) if (r[f] !== undefined) values[COLUMN[f]] = r[f];
          return values as { customer_id: string; month: string };
        }),
      )
      .onConflict((oc) =>
        oc
          .columns(['customer_id', 'month'])
          .doUpdateSet(Object.fromEntries(fields.map((f) => [COLUMN[f], sql.ref(`excluded.${COLUMN[f]}`)]))),
      )
      .execute();
  }
}

/** Collects the month's signals from every registered provider into the store; returns how many rows were written. */
export async function collectSignals(db: Db, month: string): Promise<number> {
  let written = 0;
  for (const provider of providers) {
    const rows = await provider(db, month);
    await saveSignals(db, month, rows);
    written += rows.length;
  }
  return written;
}

/** The first day of the month `months` before the month of `asOf`. */
export function monthsBefore(asOf: string, months: number): string {
  return firstDayOfMonth(addMonths(monthOf(asOf), -months));
}

/**
 * The histories of these customers as of `asOf` (first of a month): the three months before it, the tenure
 * then (from the earlier of account opening and the first signal month), and the arrears at the last month.
 */
export async function loadHistories(
  db: Conn,
  customers: { id: string; since: string }[],
  asOf: string,
): Promise<CustomerHistory[]> {
  if (customers.length === 0) return [];
  const rows = await db
    .selectFrom('churn_signals')
    .selectAll()
    .where(
      'customer_id',
      'in',
      customers.map((c) => c.id),
    )
    .where('month', '>=', monthsBefore(asOf, 3))
    .where('month', '<', asOf)
    .orderBy('customer_id')
    .orderBy('month')
    .execute();
  const byCustomer = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = byCustomer.get(r.customer_id) ?? [];
    list.push(r);
    byCustomer.set(r.customer_id, list);
  }
  const asOfTime = Date.parse(`${asOf}T00:00:00Z`);
  return customers.map((c) => {
    const months = (byCustomer.get(c.id) ?? []).map((r) => ({
      month: r.month,
      spend: Number(r.spend),
      dataMb: Number(r.data_mb),
      voiceMin: r.voice_min,
      complaints: r.complaints,
      faults: r.faults,
      satisfaction: r.satisfaction === null ? null : Number(r.satisfaction),
      overage: Number(r.overage),
      allowanceUse: r.allowance_use === null ? null : Number(r.allowance_use),
      packageEnd: r.package_end,
    }));
    const last = byCustomer.get(c.id)?.at(-1);
    return {
      customerId: c.id,
      tenureMonths: Math.max(0, (asOfTime - Date.parse(`${c.since}T00:00:00Z`)) / (30.44 * 86_400_000)),
      arrears: last ? Number(last.arrears) : 0,
      months,
    };
  });
}
