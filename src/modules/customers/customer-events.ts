import type { RequestContext } from '../../platform/access/context.ts';
import type { Trx } from '../../platform/db.ts';

/**
 * Other modules own rows that hang off a customer (contacts, subscriptions, work orders...). They react to
 * a merge or a cancellation here, inside the same transaction, so the customers module need not know them.
 */
type MergeHandler = (trx: Trx, ctx: RequestContext, e: { survivorId: string; mergedId: string }) => Promise<void>;
type CancelHandler = (trx: Trx, ctx: RequestContext, e: { customerId: string; reason: string }) => Promise<void>;

const mergeHandlers: MergeHandler[] = [];
const cancelHandlers: CancelHandler[] = [];

export function onCustomersMerged(handler: MergeHandler): void {
  mergeHandlers.push(handler);
}
export function onCustomerCancelled(handler: CancelHandler): void {
  cancelHandlers.push(handler);
}

export async function emitCustomersMerged(
  trx: Trx,
  ctx: RequestContext,
  e: { survivorId: string; mergedId: string },
): Promise<void> {
  for (const handler of mergeHandlers) await handler(trx, ctx, e);
}
export async function emitCustomerCancelled(
  trx: Trx,
  ctx: RequestContext,
  e: { customerId: string; reason: string },
): Promise<void> {
  for (const handler of cancelHandlers) await handler(trx, ctx, e);
}
