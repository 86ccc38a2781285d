import { sql, type Insertable } from 'kysely';
import type { Db, Trx } from '../../platform/db.ts';
import type { RequestContext } from '../../platform/access/context.ts';
import { localizedName } from '../../platform/localized-name.ts';
import { customerScope } from '../customers/index.ts';
import type { Database } from '../../platform/db.ts';
import type { ChurnRecordQuery } from './churn.schema.ts';
import './churn.tables.ts';

type Conn = Db | Trx;

/** Churn records joined to their customer, limited to the caller's data scope. */
export function recordSelect(db: Conn, ctx: RequestContext) {
  return db
    .selectFrom('churn_records as r')
    .innerJoin('customers as c', 'c.id', 'r.customer_id')
    .innerJoin('org_units as o', 'o.id', 'c.region_id')
    .selectAll('r')
    .select(['c.customer_no', 'c.name as customer_name', localizedName(ctx, 'o').as('region_name')])
    .where(customerScope(ctx));
}
export type RecordRow = Awaited<ReturnType<ReturnType<typeof recordSelect>['executeTakeFirstOrThrow']>>;

/** Newest first, keyset on (churned_on, id). */
export function listRecords(db: Conn, ctx: RequestContext, f: ChurnRecordQuery, after?: [string, string]) {
  let query = recordSelect(db, ctx);
  if (f.from) query = query.where('r.churned_on', '>=', f.from);
  if (f.to) query = query.where('r.churned_on', '<=', f.to);
  if (f.reasonCategory) query = query.where('r.reason_category', '=', f.reasonCategory);
  if (f.customerId) query = query.where('r.customer_id', '=', f.customerId);
  if (f.region) query = query.where(inRegion('c.region_id', f.region));
  if (after) query = query.where((eb) => eb(eb.refTuple('r.churned_on', 'r.id'), '<', eb.tuple(after[0], after[1])));
  return query.orderBy('r.churned_on', 'desc').orderBy('r.id', 'desc').limit(f.limit).execute();
}

/** A region filter that includes the region's sub-regions. */
export function inRegion(column: string, regionId: string) {
  return sql<boolean>`${sql.ref(column)} IN (SELECT id FROM org_units WHERE path LIKE (SELECT path || '%' FROM org_units WHERE id = ${regionId}))`;
}

export async function findRecord(db: Conn, ctx: RequestContext, id: string, lock = false) {
  let query = recordSelect(db, ctx).where('r.id', '=', id);
  if (lock) query = query.forUpdate('r');
  return query.executeTakeFirst();
}

/** Inserts unless the customer already has a record that day; returns the new id or undefined. */
export async function insertRecord(
  db: Conn,
  values: Insertable<Database['churn_records']>,
): Promise<string | undefined> {
  const row = await db
    .insertInto('churn_records')
    .values(values)
    .onConflict((oc) => oc.columns(['customer_id', 'churned_on']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}
