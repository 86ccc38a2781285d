import { z } from 'zod';
import type { RequestContext } from '../../platform/access/context.ts';
import { seesSensitive, maskPhone } from '../../platform/access/masking.ts';
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
export async function findPossibleDuplicates(db: Db, ctx: RequestContext, phone: string, excludeId?: string): Promise<Customer[]> {
  return (await repo.findActiveByPhone(db, ctx, phone, excludeId)).map((r) => toCustomer(ctx, r));
}

export async function customerHistory(db: Db, ctx: RequestContext, id: string, limit: number, cursor?: string) {
  await getCustomer(db, ctx, id);
  const rows = await repo.historyRows(db, id, limit, decodeCursor(cursor, cursorId));
  const unmasked = seesSensitive(ctx);
  return {
    items: rows.map((r) => ({
      id: r.id, at: r.at.toISOString(), actorName: r.actor_name, action: r.action, customerId: r.entity_id,
      changes: unmasked ? r.changes : maskPhoneChanges(r.changes),
    })),
    nextCursor: rows.length === limit ? encodeCursor(rows[rows.length - 1].id) : null,
  };
}

const PHONE_FIELDS = ['phone', 'backupPhone'] as const;

function maskPhoneChanges(changes: Record<string, unknown>): Record<string, unknown> {
  const masked = { ...changes };
  for (const field of PHONE_FIELDS) {
    const change = changes[field];
    if (Array.isArray(change)) masked[field] = change.map((v) => (typeof v === 'string' ? maskPhone(v) : v));
  }
  return masked;
}
