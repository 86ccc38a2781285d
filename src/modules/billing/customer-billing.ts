import { sql } from 'kysely';
import type { RequestContext } from '../../platform/access/context.ts';
import { businessTimeZone } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { findCustomer } from '../customers/index.ts';
import { billingError } from './billing.errors.ts';
import { currentBalance, monthlyBalance } from './balances.ts';
import { loadUsageProfiles, monthStart } from './usage-profiles.ts';
import { firstDayOfMonth, thisMonth } from '../../platform/clock.ts';

/** Billing pages of one customer: a customer outside the caller's scope is not found. */
async function requireCustomer(db: Db, ctx: RequestContext, customerId: string) {
  const customer = await findCustomer(db, ctx, customerId);
  if (!customer) throw billingError('CUSTOMER_NOT_FOUND');
  return customer;
}

/** The first day of this business month, as bills and profiles key months. */
function thisMonthStart(): string {
  return firstDayOfMonth(thisMonth());
}

/** The customer's bills, newest first, each with its items. */
export async function customerBills(db: Db, customerId: string, limit = 24) {
  const bills = await db
    .selectFrom('bills')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('month', 'desc')
    .limit(limit)
    .execute();
  const items = bills.length
    ? await db
        .selectFrom('bill_items as i')
        .innerJoin('products as p', 'p.id', 'i.product_id')
        .select([
          'i.bill_id',
          'i.line_no',
          'i.code',
          'p.name as product_name',
          'i.quantity',
          'i.included',
          'i.unit',
          'i.rate',
          'i.amount',
        ])
        .where(
          'i.bill_id',
          'in',
          bills.map((b) => b.id),
        )
        .orderBy('i.bill_id')
        .orderBy('i.line_no')
        .execute()
    : [];
  return bills.map((b) => ({
    id: b.id,
    month: b.month.slice(0, 7),
    total: b.total,
    revision: b.revision,
    updatedAt: new Date(b.updated_at).toISOString(),
    items: items
      .filter((i) => i.bill_id === b.id)
      .map((i) => ({
        line: i.line_no,
        code: i.code,
        productName: i.product_name,
        quantity: i.quantity,
        included: i.included,
        unit: i.unit,
        rate: i.rate,
        amount: i.amount,
      })),
  }));
}

/** Payments and usage keep the billing system's local time (timestamp without zone): the API sends the moment as ISO. */
const asMoment = (column: string) => sql<Date | string>`${sql.ref(column)} AT TIME ZONE ${businessTimeZone()}`;
const iso = (moment: Date | string) => new Date(moment).toISOString();

export async function customerPayments(db: Db, customerId: string, limit = 100) {
  const rows = await db
    .selectFrom('payments')
    .select(['id', 'source_id', 'amount', 'place', 'method', asMoment('paid_at').as('paid_at')])
    .where('customer_id', '=', customerId)
    .orderBy('payments.paid_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((p) => ({
    id: p.id,
    receipt: p.source_id,
    paidAt: iso(p.paid_at),
    amount: p.amount,
    place: p.place,
    method: p.method,
  }));
}

export async function customerBalance(db: Db, customerId: string, arrears: string) {
  return {
    balance: await currentBalance(db, customerId),
    arrears,
    months: await monthlyBalance(db, customerId, thisMonthStart()),
  };
}

/** Usage of the last 12 months (from the usage profile) and, for one month, the records themselves (keyset by start). */
export async function customerUsage(db: Db, customerId: string, month: string | undefined, after: string | undefined) {
  const current = thisMonthStart();
  const history = await sql<{
    month: string;
    minutes: number;
    data_gb: string;
    voice_spend: string;
    internet_spend: string;
    base_fee: string;
  }>`
    SELECT to_char(month, 'YYYY-MM') AS month, (local_minutes + provincial_ld_minutes + domestic_ld_minutes + international_minutes
      + provincial_roaming_minutes + domestic_roaming_minutes + international_roaming_minutes) AS minutes,
      (busy_data_gb + idle_data_gb)::text AS data_gb, voice_spend, internet_spend, base_fee
    FROM usage_profiles WHERE customer_id = ${customerId} AND month > ${current}::date - interval '12 months' ORDER BY month`.execute(
    db,
  );
  const m = monthStart(month ?? current);
  let q = db
    .selectFrom('usage_records')
    .select([asMoment('started_at').as('started_at'), 'source_id', 'kind', 'area', 'direction', 'busy', 'quantity'])
    .where('customer_id', '=', customerId)
    .where('usage_records.started_at', '>=', m)
    .where(sql<boolean>`usage_records.started_at < ${m}::date + interval '1 month'`)
    .orderBy('usage_records.started_at')
    .orderBy('source_id')
    .limit(100);
  if (after)
    q = q.where(sql<boolean>`usage_records.started_at > (${after}::timestamptz AT TIME ZONE ${businessTimeZone()})`);
  const records = await q.execute();
  return {
    months: history.rows.map((h) => ({
      month: h.month,
      minutes: h.minutes,
      dataGb: h.data_gb,
      voiceSpend: h.voice_spend,
      internetSpend: h.internet_spend,
      baseFee: h.base_fee,
    })),
    month: m.slice(0, 7),
    records: records.map((r) => ({
      startedAt: iso(r.started_at),
      sourceId: r.source_id,
      kind: r.kind,
      area: r.area,
      direction: r.direction,
      busy: r.busy,
      quantity: r.quantity,
    })),
  };
}

export async function customerUsageProfile(db: Db, customerId: string, month: string | undefined) {
  const [profile] = await loadUsageProfiles(db, month ?? thisMonthStart(), { customerIds: [customerId] });
  return profile ?? null;
}

export { requireCustomer };

/** How much of this month's allowances a customer has used so far (the portal shows it against the package). */
export async function allowanceUsage(db: Db, customerId: string) {
  const m = thisMonthStart();
  const r = await sql<{ minutes: string; kb: string; sms: string }>`SELECT
      coalesce(sum(ceil(quantity / 60.0)) FILTER (WHERE kind = 'call' AND direction = 'out' AND area NOT IN ('international', 'international_roaming')), 0)::text AS minutes,
      coalesce(sum(quantity) FILTER (WHERE kind = 'data' AND area <> 'international_roaming'), 0)::text AS kb,
      coalesce(sum(quantity) FILTER (WHERE kind = 'sms'), 0)::text AS sms
    FROM usage_records WHERE customer_id = ${customerId} AND started_at >= ${m}::date AND started_at < ${m}::date + interval '1 month'`.execute(
    db,
  );
  const row = r.rows[0];
  return {
    month: m.slice(0, 7),
    minutesUsed: Number(row.minutes),
    dataGbUsed: Math.round((Number(row.kb) / 1048576) * 1000) / 1000,
    smsUsed: Number(row.sms),
  };
}
