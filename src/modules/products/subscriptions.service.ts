import { sql } from 'kysely';
import type { RequestContext } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTransaction, type Db, type Trx } from '../../platform/db.ts';
import { findCustomer } from '../customers/index.ts';
import * as repo from './subscriptions.repository.ts';
import { findProduct } from './products.repository.ts';
import { productError } from './products.errors.ts';
import type { Subscription } from './products.schema.ts';
import { addMonths, firstDayOfMonth, monthOf, thisMonth, today as todayInBusiness } from '../../platform/clock.ts';

/** A service that adds minutes or GB is a pack (see serviceSegmentsSql). */
const isPack = (p: { kind: string; included_minutes: number; included_data_gb: string }) =>
  p.kind === 'service' && (p.included_minutes > 0 || Number(p.included_data_gb) > 0);

type Effective = 'next_month' | 'today' | string;

export function toSubscription(r: repo.SubscriptionRow): Subscription {
  return {
    id: r.id,
    customerId: r.customer_id,
    productId: r.product_id,
    productName: r.product_name,
    productCode: r.product_code,
    kind: r.kind,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    endReason: r.end_reason,
    current: r.current,
    monthlyFee: r.monthly_fee,
    includedMinutes: r.included_minutes,
    includedDataGb: r.included_data_gb,
  };
}

export async function listSubscriptions(db: Db, ctx: RequestContext, customerId: string): Promise<Subscription[]> {
  if (!(await findCustomer(db, ctx, customerId))) throw productError('SUBSCRIPTION_NOT_FOUND');
  return (await repo.subscriptionRows(db, customerId).execute()).map(toSubscription);
}

function resolveDate(effective: Effective): string {
  const today = todayInBusiness();
  if (effective === 'today') return today;
  if (effective === 'next_month') return firstDayOfMonth(addMonths(thisMonth(), 1));
  if (effective < today) throw productError('BAD_EFFECTIVE_DATE', undefined, { effective: 'today or later' });
  return effective;
}

/** The customer, locked, and the rule every subscription change shares: nothing changes while they owe money. */
async function lockCustomer(trx: Trx, ctx: RequestContext, customerId: string) {
  const customer = await findCustomer(trx, ctx, customerId, true);
  if (!customer) throw productError('SUBSCRIPTION_NOT_FOUND');
  if (customer.status !== 'active') throw productError('CUSTOMER_NOT_ACTIVE');
  if (Number(customer.arrears) > 0) throw productError('CUSTOMER_HAS_ARREARS', { arrears: customer.arrears });
  return customer;
}

/** Every service still running after `date` must find the services it requires among what remains. */
async function checkDependencies(trx: Trx, remaining: string[]): Promise<void> {
  const provided = await repo.providedServices(trx, remaining);
  for (const r of await repo.requirementsOf(trx, remaining)) {
    if (!provided.has(r.requires_id))
      throw productError('MISSING_REQUIREMENT', { name: r.name, requires: r.requires_name });
  }
}

/**
 * Subscribes a customer to a product. A package replaces the current one: from the 1st of next month unless
 * `effective` says otherwise (the old one ends the day before). A service starts today unless told otherwise.
 */
export function subscribe(
  db: Db,
  ctx: RequestContext,
  customerId: string,
  input: { productId: string; effective?: Effective },
): Promise<Subscription[]> {
  return withTransaction(db, async (trx) => {
    const customer = await lockCustomer(trx, ctx, customerId);
    const product = await findProduct(trx, input.productId);
    if (!product) throw productError('PRODUCT_NOT_FOUND', undefined, { productId: 'no such product' });
    if (product.status !== 'released') throw productError('PRODUCT_NOT_ON_SALE', { name: product.name });
    const sale = await repo.regionSale(trx, product.id, customer.region_id);
    if (!sale.sold)
      throw productError('NOT_SOLD_IN_REGION', { name: product.name, region: sale.region, regionEn: sale.regionEn });

    const today = todayInBusiness();
    const open = await repo.openOn(trx, customerId, today);
    const currentPackage = open.find((s) => s.kind === 'package' && s.starts_on <= today);
    const date = resolveDate(
      input.effective ?? (product.kind === 'package' && currentPackage ? 'next_month' : 'today'),
    );
    const changes: Record<string, [unknown, unknown]> = { product: [null, product.name], startsOn: [null, date] };

    if (product.kind === 'package') {
      const running = open.filter((s) => s.kind === 'package' && (s.ends_on === null || s.ends_on > date));
      if (running.some((s) => s.product_id === product.id && s.starts_on <= date)) throw productError('SAME_PACKAGE');
      // The package running on the date ends then; a change scheduled for later is replaced by this one.
      for (const s of running) {
        // biome-ignore lint/complexity/useMathMinMax: ISO date strings, not numbers
        const endsOn = s.starts_on > date ? s.starts_on : date;
        await trx
          .updateTable('subscriptions')
          .set({
            ends_on: endsOn,
            end_reason: s.starts_on > date ? 'replaced' : 'package_change',
            updated_at: new Date(),
          })
          .where('id', '=', s.id)
          .execute();
        changes.previous = [s.product_id, null];
      }
    } else if (open.some((s) => s.product_id === product.id)) {
      throw productError('ALREADY_SUBSCRIBED', { name: product.name });
    }
    const after = await repo.openOn(trx, customerId, date);
    await checkDependencies(trx, [
      ...after.filter((s) => s.ends_on === null || s.ends_on > date).map((s) => s.product_id),
      product.id,
    ]);
    const row = await trx
      .insertInto('subscriptions')
      .values({
        customer_id: customerId,
        product_id: product.id,
        kind: product.kind,
        starts_on: date,
        // A pack (a service with minutes or GB) is billed and counted for the month it is bought: it ends with it.
        ends_on: isPack(product) ? firstDayOfMonth(addMonths(monthOf(date), 1)) : null,
        created_by: ctx.employeeId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: product.kind === 'package' && currentPackage ? 'change_package' : 'subscribe',
      entity: 'customer',
      entityId: customerId,
      changes: { ...changes, subscriptionId: [null, row.id] },
    });
    return (await repo.subscriptionRows(trx, customerId).execute()).map(toSubscription);
  });
}

/** Ends a subscription: a package at the end of this month unless told otherwise, a service today. */
export function endSubscription(
  db: Db,
  ctx: RequestContext,
  customerId: string,
  subscriptionId: string,
  input: { effective?: Effective; reason?: string },
): Promise<Subscription[]> {
  return withTransaction(db, async (trx) => {
    await lockCustomer(trx, ctx, customerId);
    const today = todayInBusiness();
    const open = await repo.openOn(trx, customerId, today);
    const sub = open.find((s) => s.id === subscriptionId);
    if (!sub) throw productError('SUBSCRIPTION_NOT_FOUND');
    let date = resolveDate(input.effective ?? (sub.kind === 'package' ? 'next_month' : 'today'));
    if (date < sub.starts_on) date = sub.starts_on;
    const remaining = open
      .filter((s) => s.id !== sub.id && (s.ends_on === null || s.ends_on > date))
      .map((s) => s.product_id);
    const provided = await repo.providedServices(trx, remaining);
    const lost = [...(await repo.providedServices(trx, [sub.product_id]))].filter((p) => !provided.has(p));
    const dependants = (await repo.requirementsOf(trx, remaining)).filter((r) => lost.includes(r.requires_id));
    if (dependants.length)
      throw productError('REQUIRED_BY_OTHER', { name: dependants[0].name, requires: dependants[0].requires_name });
    await trx
      .updateTable('subscriptions')
      .set({ ends_on: date, end_reason: input.reason ?? 'unsubscribed', updated_at: new Date() })
      .where('id', '=', sub.id)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'unsubscribe',
      entity: 'customer',
      entityId: customerId,
      changes: { subscriptionId: [sub.id, null], endsOn: [null, date] },
    });
    return (await repo.subscriptionRows(trx, customerId).execute()).map(toSubscription);
  });
}

/** A cancelled or merged-away customer's open subscriptions end today (their history stays). */
export async function closeSubscriptions(trx: Trx, customerId: string, reason: string): Promise<void> {
  const today = todayInBusiness();
  await trx
    .updateTable('subscriptions')
    .set({ ends_on: today, end_reason: reason, updated_at: new Date() })
    .where('customer_id', '=', customerId)
    .where('starts_on', '<=', today)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>', today)]))
    .execute();
  await trx
    .updateTable('subscriptions')
    .set({ ends_on: sql<string>`starts_on`, end_reason: reason, updated_at: new Date() })
    .where('customer_id', '=', customerId)
    .where('starts_on', '>', today)
    .execute();
}
