import { z } from 'zod';
import type { RequestContext } from '../../platform/access/context.ts';
import { seesSensitive, textFor } from '../../platform/access/masking.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { decodeCursor, encodeCursor, cursorId, cursorText } from '../../platform/http/schemas.ts';
import * as repo from './customers.repository.ts';
import { customerError } from './customers.errors.ts';
import type { Customer, CustomerQuery } from './customers.schema.ts';
import { toCustomer } from './customer-dto.ts';

export async function getCustomer(db: Db, ctx: RequestContext, id: string): Promise<Customer> {
  const row = await repo.findCustomer(db, ctx, id);
  // Outside the caller's scope is "not found": existence must not leak.
  if (!row) throw customerError('CUSTOMER_NOT_FOUND');
  return toCustomer(ctx, row);
}

/** The audit action of a read of a customer's whole numbers: the PII access log is the audit log filtered by it. */
export const VIEW_UNMASKED = 'view_unmasked';

/**
 * One customer as the 360° page reads it. A caller who sees the whole phone and ID card leaves an audit row
 * (who, which customer, when, from where): `GET /api/audit?action=view_unmasked` is the PII access log.
 */
export async function viewCustomer(db: Db, ctx: RequestContext, id: string): Promise<Customer> {
  const customer = await getCustomer(db, ctx, id);
  if (seesSensitive(ctx)) await recordAudit(db, ctx, { action: VIEW_UNMASKED, entity: 'customer', entityId: id });
  return customer;
}

export async function searchCustomers(db: Db, ctx: RequestContext, f: CustomerQuery) {
  const after = decodeCursor(f.cursor, z.tuple([cursorText, cursorId]));
  const rows = await repo.searchCustomers(db, ctx, f, after);
  const last = rows[rows.length - 1];
  return {
    items: rows.map((r) => toCustomer(ctx, r)),
    nextCursor: rows.length === f.limit ? encodeCursor([repo.sortValue(last, f.sort), last.id]) : null,
  };
}

/** Active customers in the caller's scope with this phone: shown as possible duplicates before saving. */
export async function findPossibleDuplicates(
  db: Db,
  ctx: RequestContext,
  phone: string,
  excludeId?: string,
): Promise<Customer[]> {
  return (await repo.findActiveByPhone(db, ctx, phone, excludeId)).map((r) => toCustomer(ctx, r));
}

export async function customerHistory(db: Db, ctx: RequestContext, id: string, limit: number, cursor?: string) {
  await getCustomer(db, ctx, id);
  const rows = await repo.historyRows(db, id, limit, decodeCursor(cursor, cursorId));
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorName: r.actor_name,
      action: r.action,
      customerId: r.entity_id,
      // Any field may hold a number (phone, backup phone, the portal's login phone, a note): all are masked alike.
      changes: textFor(ctx, r.changes),
    })),
    nextCursor: rows.length === limit ? encodeCursor(rows[rows.length - 1].id) : null,
  };
}
