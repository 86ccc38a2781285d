import type { RequestContext } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTransaction, type Db } from '../../platform/db.ts';
import { today } from '../../platform/clock.ts';
import { findCustomer } from '../customers/index.ts';
import { findProduct } from './products.repository.ts';
import { productError } from './products.errors.ts';
import type { PastSubscriptionInput, Subscription } from './products.schema.ts';
import * as repo from './subscriptions.repository.ts';
import { toSubscription } from './subscriptions.service.ts';

/**
 * Loads a subscription the customer had before the CRM (a package or service from a past date, ended or still
 * running), so that past months can be billed and profiled. Administrators only, with a reason, audited. Not the
 * selling path: no arrears or region check, a retired product is fine; but a customer never holds two packages
 * (or the same service twice) on one day.
 */
export function addPastSubscription(
  db: Db,
  ctx: RequestContext,
  customerId: string,
  input: PastSubscriptionInput,
): Promise<Subscription[]> {
  return withTransaction(db, async (trx) => {
    const customer = await findCustomer(trx, ctx, customerId, true);
    if (!customer) throw productError('SUBSCRIPTION_NOT_FOUND');
    if (input.startsOn >= today())
      throw productError('BAD_HISTORY_DATES', undefined, { startsOn: 'a date before today' });
    if (input.endsOn !== null && input.endsOn <= input.startsOn)
      throw productError('BAD_HISTORY_DATES', undefined, { endsOn: 'after the start date' });
    const product = await findProduct(trx, input.productId);
    if (!product) throw productError('PRODUCT_NOT_FOUND', undefined, { productId: 'no such product' });
    if (product.status !== 'released' && product.status !== 'retired')
      throw productError('PRODUCT_NOT_ON_SALE', { name: product.name });
    const clash = await trx
      .selectFrom('subscriptions as s')
      .innerJoin('products as p', 'p.id', 's.product_id')
      .select(['p.name', 's.starts_on', 's.ends_on'])
      .where('s.customer_id', '=', customerId)
      .where((eb) => (product.kind === 'package' ? eb('s.kind', '=', 'package') : eb('s.product_id', '=', product.id)))
      // Half-open ranges [starts_on, ends_on) overlap; an empty one (ended the day it started) holds no day.
      .where((eb) => eb.or([eb('s.ends_on', 'is', null), eb('s.ends_on', '>', input.startsOn)]))
      .where((eb) => eb('s.ends_on', 'is', null).or('s.ends_on', '>', eb.ref('s.starts_on')))
      .$if(input.endsOn !== null, (q) => q.where('s.starts_on', '<', input.endsOn!))
      .forUpdate('s')
      .executeTakeFirst();
    if (clash)
      throw productError('SUBSCRIPTION_OVERLAP', {
        name: clash.name,
        from: clash.starts_on,
        until: clash.ends_on ?? '—',
      });
    const row = await trx
      .insertInto('subscriptions')
      .values({
        customer_id: customerId,
        product_id: product.id,
        kind: product.kind,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        end_reason: input.endsOn === null ? null : 'history',
        created_by: ctx.employeeId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'add_past_subscription',
      entity: 'customer',
      entityId: customerId,
      changes: {
        subscriptionId: [null, row.id],
        product: [null, product.name],
        startsOn: [null, input.startsOn],
        endsOn: [null, input.endsOn],
        reason: [null, input.reason],
      },
    });
    return (await repo.subscriptionRows(trx, customerId).execute()).map(toSubscription);
  });
}
