import type { RequestContext } from '../../platform/access/context.ts';
import { phoneFor } from '../../platform/access/masking.ts';
import { diffChanges, recordAudit } from '../../platform/audit.ts';
import { withTransaction, type Db, type Trx } from '../../platform/db.ts';
import { decodeCursor, encodeCursor, cursorId } from '../../platform/http/schemas.ts';
import { findCustomer } from '../customers/index.ts';
import * as repo from './contacts.repository.ts';
import { contactError } from './contacts.errors.ts';
import type { Contact, ContactInput } from './contacts.schema.ts';
import type { ContactRole } from './contacts.tables.ts';

function toContact(ctx: RequestContext, r: repo.ContactRow): Contact {
  return {
    id: r.id,
    name: r.name,
    phone: phoneFor(ctx, r.phone),
    email: r.email,
    title: r.title,
    notes: r.notes,
    customers: r.customers,
  };
}

export async function searchContacts(
  db: Db,
  ctx: RequestContext,
  f: { q?: string; customerId?: string; limit: number; cursor?: string },
) {
  const rows = await repo.searchContacts(db, ctx, { ...f, afterId: decodeCursor(f.cursor, cursorId) });
  return {
    items: rows.map((r) => toContact(ctx, r)),
    nextCursor: rows.length === f.limit ? encodeCursor(rows[rows.length - 1].id) : null,
  };
}

export async function getContact(db: Db, ctx: RequestContext, id: string): Promise<Contact> {
  const row = await repo.findContact(db, ctx, id);
  if (!row) throw contactError('CONTACT_NOT_FOUND');
  return toContact(ctx, row);
}

export function createContact(db: Db, ctx: RequestContext, input: ContactInput): Promise<Contact> {
  return withTransaction(db, async (trx) => {
    const id = await repo.insertContact(trx, ctx.employeeId, input);
    await recordAudit(trx, ctx, {
      action: 'create',
      entity: 'contact',
      entityId: id,
      changes: diffChanges({} as ContactInput, input),
    });
    return toContact(ctx, (await repo.findContact(trx, ctx, id))!);
  });
}

export function updateContact(db: Db, ctx: RequestContext, id: string, input: Partial<ContactInput>): Promise<Contact> {
  return withTransaction(db, async (trx) => {
    const before = await repo.findContact(trx, ctx, id);
    if (!before) throw contactError('CONTACT_NOT_FOUND');
    await repo.updateContactRow(trx, id, input);
    await recordAudit(trx, ctx, {
      action: 'update',
      entity: 'contact',
      entityId: id,
      changes: diffChanges(before, input),
    });
    return toContact(ctx, (await repo.findContact(trx, ctx, id))!);
  });
}

/** Links a contact to a customer with a role; the link is written to the customer's history too. */
export function linkContact(
  db: Db,
  ctx: RequestContext,
  customerId: string,
  contactId: string,
  role: ContactRole,
): Promise<Contact> {
  return withTransaction(db, async (trx) => {
    if (!(await findCustomer(trx, ctx, customerId, true)))
      throw contactError('CONTACT_NOT_FOUND', undefined, { customerId: 'no such customer' });
    const contact = await repo.findContact(trx, ctx, contactId);
    if (!contact) throw contactError('CONTACT_NOT_FOUND', undefined, { contactId: 'no such contact' });
    if (await repo.findLink(trx, customerId, contactId)) throw contactError('ALREADY_LINKED');
    await repo.insertLink(trx, customerId, contactId, role);
    await recordAudit(trx, ctx, {
      action: 'link_contact',
      entity: 'customer',
      entityId: customerId,
      changes: { contact: [null, contact.name], role: [null, role] },
    });
    return toContact(ctx, (await repo.findContact(trx, ctx, contactId))!);
  });
}

export function changeContactRole(
  db: Db,
  ctx: RequestContext,
  customerId: string,
  contactId: string,
  role: ContactRole,
): Promise<Contact> {
  return withTransaction(db, async (trx) => {
    const { contact, link } = await requireLink(trx, ctx, customerId, contactId);
    await repo.updateLink(trx, customerId, contactId, role);
    await recordAudit(trx, ctx, {
      action: 'update_contact_role',
      entity: 'customer',
      entityId: customerId,
      changes: { contact: [contact.name, contact.name], role: [link.role, role] },
    });
    return toContact(ctx, (await repo.findContact(trx, ctx, contactId))!);
  });
}

export function unlinkContact(db: Db, ctx: RequestContext, customerId: string, contactId: string): Promise<void> {
  return withTransaction(db, async (trx) => {
    const { contact } = await requireLink(trx, ctx, customerId, contactId);
    await repo.deleteLink(trx, customerId, contactId);
    await recordAudit(trx, ctx, {
      action: 'unlink_contact',
      entity: 'customer',
      entityId: customerId,
      changes: { contact: [contact.name, null] },
    });
  });
}

/** The contact and its link to a customer the caller may see (the customer row locked), or NOT_LINKED. */
async function requireLink(db: Db | Trx, ctx: RequestContext, customerId: string, contactId: string) {
  const customer = await findCustomer(db, ctx, customerId, true);
  const contact = await repo.findContact(db, ctx, contactId);
  const link = customer && contact ? await repo.findLink(db, customerId, contactId) : undefined;
  if (!contact || !link) throw contactError('NOT_LINKED');
  return { contact, link };
}
