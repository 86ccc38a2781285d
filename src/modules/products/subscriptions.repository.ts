import { sql } from 'kysely';
import type { Db, Trx } from '../../platform/db.ts';
import { soldInRegion } from './products.repository.ts';
import './products.tables.ts';
import { today } from '../../platform/clock.ts';

type Conn = Db | Trx;

export function subscriptionRows(db: Conn, customerId: string) {
  return db
    .selectFrom('subscriptions as s')
    .innerJoin('products as p', 'p.id', 's.product_id')
    .select([
      's.id',
      's.customer_id',
      's.product_id',
      's.kind',
      's.starts_on',
      's.ends_on',
      's.end_reason',
      'p.name as product_name',
      'p.code as product_code',
      'p.monthly_fee',
      'p.included_minutes',
      'p.included_data_gb',
      sql<boolean>`s.starts_on <= ${today()}::date AND (s.ends_on IS NULL OR s.ends_on > ${today()}::date)`.as(
        'current',
      ),
    ])
    .where('s.customer_id', '=', customerId)
    .orderBy('s.starts_on', 'desc')
    .orderBy('s.id', 'desc');
}
export type SubscriptionRow = Awaited<ReturnType<ReturnType<typeof subscriptionRows>['executeTakeFirstOrThrow']>>;

/** Subscriptions still running on `date` or starting after it. */
export function openOn(db: Conn, customerId: string, date: string) {
  return db
    .selectFrom('subscriptions')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>', date)]))
    .where((eb) => eb('ends_on', 'is', null).or(sql<boolean>`ends_on > starts_on`))
    .forUpdate()
    .execute();
}

/** The services a set of products provides: services themselves and what packages bundle. */
export async function providedServices(db: Conn, productIds: string[]): Promise<Set<string>> {
  if (productIds.length === 0) return new Set();
  const bundled = await db
    .selectFrom('bundle_items')
    .select('service_id')
    .where('package_id', 'in', productIds)
    .execute();
  return new Set([...productIds, ...bundled.map((b) => b.service_id)]);
}

export function requirementsOf(db: Conn, productIds: string[]) {
  if (productIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('product_requirements as r')
    .innerJoin('products as p', 'p.id', 'r.product_id')
    .innerJoin('products as q', 'q.id', 'r.requires_id')
    .select(['r.product_id', 'r.requires_id', 'p.name', 'q.name as requires_name'])
    .where('r.product_id', 'in', productIds)
    .execute();
}

/** Whether a product may be sold in a region (`soldInRegion`), with the region's names for the refusal. */
export async function regionSale(
  db: Conn,
  productId: string,
  regionId: string,
): Promise<{ sold: boolean; region: string; regionEn: string }> {
  const row = await sql<{
    sold: boolean;
    region: string;
    region_en: string;
  }>`SELECT ${soldInRegion(regionId)} AS sold, o.name AS region,
      coalesce(o.name_en, o.name) AS region_en
    FROM products p, org_units o WHERE p.id = ${productId} AND o.id = ${regionId}`.execute(db);
  const r = row.rows[0];
  return { sold: Boolean(r?.sold), region: r?.region ?? '', regionEn: r?.region_en ?? '' };
}
