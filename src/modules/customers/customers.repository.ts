import { expressionBuilder, sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Database, Db, Trx } from '../../platform/db.ts';
import type { RequestContext } from '../../platform/access/context.ts';
import { scopeWhere } from '../../platform/access/scope.ts';
import { sharedWithCaller } from '../../platform/access/record-shares.ts';
import { localizedName } from '../../platform/localized-name.ts';
import { phoneSearchFor } from '../../platform/access/masking.ts';
import { COUNT_LIMIT } from '../../platform/files/list-export.ts';
import type { Category, CustomersTable, Level, Lifecycle } from './customers.tables.ts';
import type { CustomerQuery } from './customers.schema.ts';
import './customers.tables.ts';

type Conn = Db | Trx;

/** The caller's role data scope over `customers as c`, without records shared with them. */
export function ownCustomerScope(ctx: RequestContext): Expression<SqlBool> {
  return scopeWhere(ctx, { owner: 'c.account_manager_id', region: 'c.region_id' });
}

/** The caller's data scope over `customers as c` and the customers shared with them; every module that reads customers filters with it. */
export function customerScope(ctx: RequestContext): Expression<SqlBool> {
  if (ctx.scope === 'all') return sql<SqlBool>`true`;
  return sql<SqlBool>`(${ownCustomerScope(ctx)} OR ${sharedWithCaller(ctx, 'customer', 'c.id')})`;
}

/** A customer row with the names the pages show beside the ids. */
export function customerSelect(db: Conn, ctx: RequestContext) {
  return db
    .selectFrom('customers as c')
    .innerJoin('org_units as r', 'r.id', 'c.region_id')
    .leftJoin('employees as m', 'm.id', 'c.account_manager_id')
    .selectAll('c')
    .select([localizedName(ctx, 'r').as('region_name'), 'm.name as account_manager_name'])
    .where(customerScope(ctx));
}
type Select = ReturnType<typeof customerSelect>;

/** The ids of the customers a caller may see, as a subquery for other modules' scope filters. */
export function visibleCustomerIds(db: Conn, ctx: RequestContext) {
  return db.selectFrom('customers as c').select('c.id').where(customerScope(ctx));
}
/** Whether the caller's role scope (not a share) covers the customer: only then may they share it. */
export async function customerInOwnScope(db: Conn, ctx: RequestContext, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('customers as c')
    .select('c.id')
    .where('c.id', '=', id)
    .where(ownCustomerScope(ctx))
    .executeTakeFirst();
  return row !== undefined;
}

/** "Name (C000123)" for each customer the caller may see (shares included). */
export async function customerLabels(db: Conn, ctx: RequestContext, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('customers as c')
    .select(['c.id', 'c.name', 'c.customer_no'])
    .where('c.id', 'in', ids)
    .where(customerScope(ctx))
    .execute();
  return new Map(rows.map((r) => [r.id, `${r.name}（${r.customer_no}）`]));
}
export type CustomerRow = Awaited<ReturnType<Select['executeTakeFirstOrThrow']>>;

export async function findCustomer(
  db: Conn,
  ctx: RequestContext,
  id: string,
  lock = false,
): Promise<CustomerRow | undefined> {
  let query = customerSelect(db, ctx).where('c.id', '=', id);
  if (lock) query = query.forUpdate('c');
  return query.executeTakeFirst();
}

const SORT_COLUMNS = { createdAt: 'c.id', name: 'c.name', customerNo: 'c.customer_no' } as const;

/** What a search box entry looks like: a customer number, an ID card, digits of a phone, or a name. */
export function classifyQuery(q: string): { kind: 'customerNo' | 'idCard' | 'phone' | 'name'; value: string } {
  const compact = q.replace(/[\s-]/g, '');
  if (/^C\d{1,12}$/i.test(compact)) return { kind: 'customerNo', value: compact.toUpperCase() };
  if (/^\d{17}[\dXx]$/.test(compact)) return { kind: 'idCard', value: compact.toUpperCase() };
  if (/^\+?\d{4,16}$/.test(compact)) return { kind: 'phone', value: compact.replace(/^\+?86(?=1\d{10}$)/, '') };
  return { kind: 'name', value: q.trim() };
}

/** What narrows the customer list: the search box and the filters (not the sort or the page). */
export type CustomerFilter = Omit<CustomerQuery, 'sort' | 'order' | 'limit' | 'cursor'>;

/** The customers in the caller's scope that the search box and filters select. */
function filteredCustomers(db: Conn, ctx: RequestContext, f: CustomerFilter): Select {
  let query: Select = customerSelect(db, ctx);
  if (f.q) {
    const { kind, value } = classifyQuery(f.q);
    if (kind === 'customerNo') query = query.where('c.customer_no', '=', value);
    else if (kind === 'idCard') query = query.where('c.id_card', '=', value);
    // Landlines are stored with their dash; match on the digits typed, from the end. A full number is the
    // same prefix match (value holds digits only): an `OR phone = value` beside it found nothing more and,
    // with no index on phone, turned every phone search into a scan of the table (4 s at 1M customers).
    else if (kind === 'phone') {
      query = query.where('c.phone_rev', 'like', `${[...value].reverse().join('')}%`);
      // A whole number: every digit of the stored one (landlines keep their dash), so the match reveals nothing.
      if (phoneSearchFor(ctx, value) === 'whole')
        query = query.where(sql<number>`length(replace(c.phone, '-', ''))`, '=', value.length);
    }
    // Fuzzy (trigram) matching from 3 characters on. A 1–2 character entry shares too few trigrams with a name
    // to reach the similarity threshold unless the name starts with it (bar oddities such as 秦秦泽 for 秦泽), so
    // the prefix finds the same; but the trigram index, needing only one shared trigram, had the database
    // recheck every name with that surname: 65 ms per search instead of 2 at 1M customers.
    else if ([...value].length < 3) query = query.where('c.name', 'like', `${escapeLike(value)}%`);
    else
      query = query.where((eb) =>
        eb.or([eb('c.name', 'like', `${escapeLike(value)}%`), sql<boolean>`c.name % ${value}`]),
      );
  }
  query = query.where(selectionWhere(db, f));
  if (f.accountManager) query = query.where('c.account_manager_id', '=', f.accountManager);
  return f.status ? query.where('c.status', '=', f.status) : query.where('c.status', '<>', 'merged');
}

/** The rows to count for the list's total (see countUpTo): index lookups only, at most COUNT_LIMIT of them. */
export function customerCountRows(db: Conn, ctx: RequestContext, f: CustomerFilter) {
  return filteredCustomers(db, ctx, f).clearSelect().select('c.id').limit(COUNT_LIMIT);
}

export async function searchCustomers(
  db: Conn,
  ctx: RequestContext,
  f: CustomerQuery,
  after: [string, string] | undefined,
): Promise<CustomerRow[]> {
  let query = filteredCustomers(db, ctx, f);
  const column = SORT_COLUMNS[f.sort];
  const dir = f.order;
  if (after) {
    const op = dir === 'asc' ? '>' : '<';
    query =
      column === 'c.id'
        ? query.where('c.id', op, after[1])
        : query.where((eb) => eb(eb.refTuple(column, 'c.id'), op, eb.tuple(after[0], after[1])));
  }
  query = column === 'c.id' ? query.orderBy('c.id', dir) : query.orderBy(column, dir).orderBy('c.id', dir);
  return query.limit(f.limit).execute();
}

/** The org unit `regionId` and every unit below it. */
function regionAndBelow(db: Conn, regionId: string) {
  return db
    .selectFrom('org_units')
    .select('id')
    .where('path', 'like', (eb) =>
      eb.selectFrom('org_units').select(sql<string>`path || '%'`.as('p')).where('id', '=', regionId),
    );
}

/** The list filters shared by the customer search and analyses' selections, over `customers as c`. */
function selectionWhere(db: Conn, f: CustomerSelection): Expression<SqlBool> {
  const eb = expressionBuilder<Database & { c: CustomersTable }, 'c'>();
  const conditions: Expression<SqlBool>[] = [];
  if (f.region) conditions.push(eb('c.region_id', 'in', regionAndBelow(db, f.region)));
  if (f.category) conditions.push(eb('c.category', '=', f.category));
  if (f.level) conditions.push(eb('c.level', '=', f.level));
  if (f.lifecycle) conditions.push(eb('c.lifecycle', '=', f.lifecycle));
  if (f.segment) conditions.push(eb('c.segment', '=', f.segment));
  return eb.and(conditions);
}

/** What an analysis (segmentation, later campaigns) may narrow its customers by; active customers only. */
export interface CustomerSelection {
  region?: string;
  category?: Category;
  level?: Level;
  lifecycle?: Lifecycle;
  segment?: string;
}

/** Ids of the active customers in the caller's scope that match `f`, in id order. */
export async function selectCustomerIds(db: Conn, ctx: RequestContext, f: CustomerSelection): Promise<string[]> {
  const query = visibleCustomerIds(db, ctx).where('c.status', '=', 'active').where(selectionWhere(db, f));
  return (await query.orderBy('c.id').execute()).map((r) => r.id);
}

/**
 * Publishes a segmentation: each customer `assignments` (a query of customer_id, segment) lists gets that
 * segment; customers it does not list keep theirs (a run of one region must not clear another's). Runs in the
 * caller's transaction.
 */
export async function replaceCustomerSegments(trx: Trx, assignments: Expression<unknown>): Promise<number> {
  const result =
    await sql`UPDATE customers AS c SET segment = s.segment FROM (${assignments}) AS s WHERE c.id = s.customer_id`.execute(
      trx,
    );
  return Number(result.numAffectedRows ?? 0);
}

export function sortValue(row: CustomerRow, sort: CustomerQuery['sort']): string {
  return sort === 'name' ? row.name : sort === 'customerNo' ? row.customer_no : row.id;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Who already holds an ID card, whatever the caller's scope (duplicates must be caught everywhere). */
export async function findByIdCard(db: Conn, idCard: string) {
  return db.selectFrom('customers').select(['id', 'customer_no']).where('id_card', '=', idCard).executeTakeFirst();
}

export async function findActiveByPhone(
  db: Conn,
  ctx: RequestContext,
  phone: string,
  excludeId?: string,
): Promise<CustomerRow[]> {
  let query = customerSelect(db, ctx).where('c.phone', '=', phone).where('c.status', '=', 'active');
  if (excludeId) query = query.where('c.id', '<>', excludeId);
  return query.orderBy('c.id').limit(10).execute();
}

export type CustomerValues = Omit<
  Updateable<CustomersTable>,
  'id' | 'customer_no' | 'phone_rev' | 'created_at' | 'updated_at' | 'version' | 'arrears'
>;

export async function insertCustomer(db: Conn, values: Insertable<CustomersTable>): Promise<string> {
  return (await db.insertInto('customers').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateCustomerRow(db: Conn, id: string, values: CustomerValues): Promise<void> {
  await db
    .updateTable('customers')
    .set({ ...values, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function isRegion(db: Conn, orgUnitId: string): Promise<boolean> {
  const row = await db.selectFrom('org_units').select('kind').where('id', '=', orgUnitId).executeTakeFirst();
  return row !== undefined && ['province', 'city', 'county'].includes(row.kind);
}

export async function isActiveEmployee(db: Conn, employeeId: string): Promise<boolean> {
  return Boolean(
    await db
      .selectFrom('employees')
      .select('id')
      .where('id', '=', employeeId)
      .where('status', '=', 'active')
      .executeTakeFirst(),
  );
}

/** The audit rows of a customer and of every record merged into it, newest first. */
export async function historyRows(db: Conn, customerId: string, limit: number, beforeId?: string) {
  let query = db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor_name', 'action', 'entity_id', 'changes'])
    .where('entity', '=', 'customer')
    // Reads (the PII access log) are not changes.
    .where('action', '<>', 'view_unmasked')
    .where((eb) =>
      eb.or([
        eb('entity_id', '=', customerId),
        eb(
          'entity_id',
          'in',
          eb.selectFrom('customers').select(sql<string>`id::text`.as('id')).where('merged_into_id', '=', customerId),
        ),
      ]),
    )
    .orderBy('id', 'desc')
    .limit(limit);
  if (beforeId) query = query.where('id', '<', beforeId);
  return query.execute();
}
