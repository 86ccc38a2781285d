import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db, Trx } from '../../platform/db.ts';
import type { ProductsTable } from './products.tables.ts';
import './products.tables.ts';
import { today } from '../../platform/clock.ts';

type Conn = Db | Trx;

export function productSelect(db: Conn) {
  return db
    .selectFrom('products as p')
    .selectAll('p')
    .select([
      sql<
        { id: string; name: string }[]
      >`coalesce((SELECT json_agg(json_build_object('id', r.id::text, 'name', r.name) ORDER BY r.id)
      FROM product_requirements pr JOIN products r ON r.id = pr.requires_id WHERE pr.product_id = p.id), '[]')`.as(
        'requires',
      ),
      sql<
        { id: string; name: string }[]
      >`coalesce((SELECT json_agg(json_build_object('id', s.id::text, 'name', s.name) ORDER BY s.id)
      FROM bundle_items b JOIN products s ON s.id = b.service_id WHERE b.package_id = p.id), '[]')`.as('bundles'),
      sql<number>`(SELECT count(*)::int FROM subscriptions s WHERE s.product_id = p.id AND (s.ends_on IS NULL OR s.ends_on > ${today()}::date))`.as(
        'subscribers',
      ),
    ]);
}
export type ProductRow = Awaited<ReturnType<ReturnType<typeof productSelect>['executeTakeFirstOrThrow']>>;

export async function findProduct(db: Conn, id: string, lock = false): Promise<ProductRow | undefined> {
  let query = productSelect(db).where('p.id', '=', id);
  if (lock) query = query.forUpdate('p');
  return query.executeTakeFirst();
}

/**
 * The one rule for where product `p` may be sold: it has no region list, or the list holds the region or one of its
 * ancestors (a listed city includes its counties). The subscription check and the sellable-products list both use it.
 */
export function soldInRegion(regionId: string) {
  return sql<boolean>`(p.region_ids = '{}' OR p.region_ids && (
    SELECT array_agg(a.id) FROM org_units r JOIN org_units a ON r.path LIKE a.path || '%' WHERE r.id = ${regionId}))`;
}

/** Filters: `sellableIn` keeps the released products that may be sold in that region. */
export function listProducts(db: Conn, f: { kind?: string; status?: string; q?: string; sellableIn?: string }) {
  let query = productSelect(db).orderBy('p.kind').orderBy('p.id');
  if (f.kind) query = query.where('p.kind', '=', f.kind as 'package');
  if (f.status) query = query.where('p.status', '=', f.status as 'draft');
  if (f.sellableIn) query = query.where('p.status', '=', 'released').where(soldInRegion(f.sellableIn));
  if (f.q) query = query.where((eb) => eb.or([eb('p.name', 'like', `%${f.q}%`), eb('p.code', 'like', `%${f.q}%`)]));
  return query.limit(500).execute();
}

export async function insertProduct(db: Conn, values: Insertable<ProductsTable>): Promise<string> {
  return (await db.insertInto('products').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateProductRow(db: Conn, id: string, values: Updateable<ProductsTable>): Promise<void> {
  await db
    .updateTable('products')
    .set({ ...values, updated_at: new Date(), version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
}

export async function replaceLinks(
  db: Conn,
  id: string,
  requires: string[] | undefined,
  bundles: string[] | undefined,
): Promise<void> {
  if (requires) {
    await db.deleteFrom('product_requirements').where('product_id', '=', id).execute();
    if (requires.length)
      await db
        .insertInto('product_requirements')
        .values(requires.map((r) => ({ product_id: id, requires_id: r })))
        .execute();
  }
  if (bundles) {
    await db.deleteFrom('bundle_items').where('package_id', '=', id).execute();
    if (bundles.length)
      await db
        .insertInto('bundle_items')
        .values(bundles.map((s) => ({ package_id: id, service_id: s })))
        .execute();
  }
}

/** How many of these ids are services (the only things that can be required or bundled). */
export async function countServices(db: Conn, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const row = await db
    .selectFrom('products')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('id', 'in', ids)
    .where('kind', '=', 'service')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many of these ids are regions (provinces, cities, counties): where a product may be sold. */
export async function countRegions(db: Conn, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const row = await db
    .selectFrom('org_units')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('id', 'in', ids)
    .where('kind', 'in', ['province', 'city', 'county'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertStatusChange(
  db: Conn,
  v: { productId: string; from: string; to: string; by: string | null; note: string | null },
) {
  await db
    .insertInto('product_status_changes')
    .values({ product_id: v.productId, from_status: v.from, to_status: v.to, changed_by: v.by, note: v.note })
    .execute();
}

export function statusHistory(db: Conn, productId: string) {
  return db
    .selectFrom('product_status_changes as c')
    .leftJoin('employees as e', 'e.id', 'c.changed_by')
    .select(['c.from_status', 'c.to_status', 'c.changed_at', 'c.note', 'e.name as by_name'])
    .where('c.product_id', '=', productId)
    .orderBy('c.id')
    .execute();
}
