import { sql } from 'kysely';
import type { RequestContext } from '../../platform/access/context.ts';
import { phoneSearchFor } from '../../platform/access/masking.ts';
import { COUNT_LIMIT } from '../../platform/files/list-export.ts';
import type { Db, Trx } from '../../platform/db.ts';
import { visibleCustomerIds } from '../customers/index.ts';
import type { ContactRole } from './contacts.tables.ts';
import type { ContactInput } from './contacts.schema.ts';
import './contacts.tables.ts';

type Conn = Db | Trx;

/** Contacts the caller may see: all with the `all` scope, else linked to a customer in their scope or created by them; only in-scope customers are listed with them. */
function visibleContacts(db: Conn, ctx: RequestContext) {
  return (
    db
      .selectFrom('contacts as ct')
      .select(['ct.id', 'ct.name', 'ct.phone', 'ct.email', 'ct.title', 'ct.notes'])
      .select(
        sql<{ customerId: string; customerNo: string; customerName: string; role: ContactRole }[]>`coalesce((
      SELECT json_agg(json_build_object('customerId', c.id::text, 'customerNo', c.customer_no, 'customerName', c.name, 'role', cc.role) ORDER BY c.id)
      FROM customer_contacts cc JOIN customers c ON c.id = cc.customer_id
      WHERE cc.contact_id = ct.id AND cc.customer_id IN (${visibleCustomerIds(db, ctx)})), '[]'::json)`.as('customers'),
      )
      // Whoever sees all customers sees every contact, linked or not.
      .where((eb) =>
        ctx.scope === 'all'
          ? eb.lit(true)
          : eb.or([
              eb('ct.created_by', '=', ctx.employeeId),
              eb.exists(
                eb
                  .selectFrom('customer_contacts as cc')
                  .select('cc.contact_id')
                  .whereRef('cc.contact_id', '=', 'ct.id')
                  .where('cc.customer_id', 'in', visibleCustomerIds(db, ctx)),
              ),
            ]),
      )
  );
}
export type ContactRow = Awaited<ReturnType<ReturnType<typeof visibleContacts>['executeTakeFirstOrThrow']>>;

export async function findContact(db: Conn, ctx: RequestContext, id: string): Promise<ContactRow | undefined> {
  return visibleContacts(db, ctx).where('ct.id', '=', id).executeTakeFirst();
}

export interface ContactFilter {
  q?: string;
  customerId?: string;
}

/** The contacts the caller may see that the search box (a name, or a phone's digits) and the customer select. */
function filteredContacts(db: Conn, ctx: RequestContext, f: ContactFilter) {
  let query = visibleContacts(db, ctx);
  if (f.q) {
    const digits = f.q.replace(/\D/g, '');
    if (digits.length >= 4 && digits.length === f.q.replace(/[\s-]/g, '').length) {
      query = query.where(sql<boolean>`reverse(ct.phone) LIKE ${[...digits].reverse().join('') + '%'}`);
      if (phoneSearchFor(ctx, digits) === 'whole')
        query = query.where(sql<number>`length(replace(ct.phone, '-', ''))`, '=', digits.length);
    } else query = query.where('ct.name', 'like', `${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  if (f.customerId)
    query = query.where('ct.id', 'in', (eb) =>
      eb.selectFrom('customer_contacts').select('contact_id').where('customer_id', '=', f.customerId!),
    );
  return query;
}

/** The rows to count for the list's total (see countUpTo). */
export function contactCountRows(db: Conn, ctx: RequestContext, f: ContactFilter) {
  return filteredContacts(db, ctx, f).clearSelect().select('ct.id').limit(COUNT_LIMIT);
}

export async function searchContacts(
  db: Conn,
  ctx: RequestContext,
  f: ContactFilter & { limit: number; afterId?: string },
) {
  let query = filteredContacts(db, ctx, f).orderBy('ct.id', 'desc').limit(f.limit);
  if (f.afterId) query = query.where('ct.id', '<', f.afterId);
  return query.execute();
}

export async function insertContact(db: Conn, createdBy: string, v: ContactInput): Promise<string> {
  return (
    await db
      .insertInto('contacts')
      .values({
        name: v.name,
        phone: v.phone ?? null,
        email: v.email ?? null,
        title: v.title ?? null,
        notes: v.notes ?? null,
        created_by: createdBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function updateContactRow(db: Conn, id: string, v: Partial<ContactInput>): Promise<void> {
  await db
    .updateTable('contacts')
    .set({ ...v, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function findLink(db: Conn, customerId: string, contactId: string) {
  return db
    .selectFrom('customer_contacts')
    .select('role')
    .where('customer_id', '=', customerId)
    .where('contact_id', '=', contactId)
    .executeTakeFirst();
}

export async function insertLink(db: Conn, customerId: string, contactId: string, role: ContactRole): Promise<void> {
  await db.insertInto('customer_contacts').values({ customer_id: customerId, contact_id: contactId, role }).execute();
}

export async function updateLink(db: Conn, customerId: string, contactId: string, role: ContactRole): Promise<void> {
  await db
    .updateTable('customer_contacts')
    .set({ role })
    .where('customer_id', '=', customerId)
    .where('contact_id', '=', contactId)
    .execute();
}

export async function deleteLink(db: Conn, customerId: string, contactId: string): Promise<void> {
  await db
    .deleteFrom('customer_contacts')
    .where('customer_id', '=', customerId)
    .where('contact_id', '=', contactId)
    .execute();
}

/** Moves every contact link of one customer to another, keeping the survivor's role where both had the contact. */
export async function moveLinks(db: Conn, fromCustomerId: string, toCustomerId: string): Promise<number> {
  const moved = await sql`INSERT INTO customer_contacts (customer_id, contact_id, role, created_at)
    SELECT ${toCustomerId}, contact_id, role, created_at FROM customer_contacts WHERE customer_id = ${fromCustomerId}
    ON CONFLICT (customer_id, contact_id) DO NOTHING`.execute(db);
  await db.deleteFrom('customer_contacts').where('customer_id', '=', fromCustomerId).execute();
  return Number(moved.numAffectedRows ?? 0);
}
