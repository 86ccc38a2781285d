import type { RequestContext } from '../../platform/access/context.ts';
import { can, type Permission } from '../../platform/access/permissions.ts';
import type { Db } from '../../platform/db.ts';
import { CustomerQuery, searchCustomers } from '../customers/index.ts';
import { searchContacts } from '../contacts/index.ts';
import { listWorkOrders, WorkOrderQuery } from '../work-orders/index.ts';
import { searchArticles } from '../knowledge/index.ts';
import { listProducts } from '../products/index.ts';
import { employeeDirectory } from '../system/index.ts';
import type { SearchHit, SearchResult, SearchType } from './search.schema.ts';

/** Hits per group: the header box is for finding a record, the module's own list for browsing. */
export const GROUP_LIMIT = 5;

type Finder = (db: Db, ctx: RequestContext, q: string) => Promise<SearchHit[]>;
const hit = (type: SearchType, id: string, title: string, detail: string, customerId: string | null = null) => ({
  type,
  id,
  title,
  detail,
  customerId,
});

/** A work-order number as typed: "WO2612030000012", "wo…", or its digits alone. */
function orderNumber(q: string): string | undefined {
  const m = /^(?:WO)?(\d{13})$/i.exec(q.replace(/\s/g, ''));
  return m ? `WO${m[1]}` : undefined;
}

/**
 * Each type with the permission that lets a user see it, searched through its module's own search, so that
 * data scope and masking are the module's (a customer's phone is found by its last digits and shown masked).
 */
const FINDERS: { type: SearchType; permission: Permission; find: Finder }[] = [
  {
    type: 'customer',
    permission: 'customers:view',
    find: async (db, ctx, q) =>
      (await searchCustomers(db, ctx, CustomerQuery.parse({ q, limit: GROUP_LIMIT }))).items.map((c) =>
        hit('customer', c.id, c.name, `${c.customerNo} · ${c.phone}`),
      ),
  },
  {
    type: 'contact',
    permission: 'contacts:view',
    find: async (db, ctx, q) =>
      (await searchContacts(db, ctx, { q, limit: GROUP_LIMIT })).items.map((c) =>
        hit(
          'contact',
          c.id,
          c.name,
          [c.phone, c.customers[0]?.customerName].filter(Boolean).join(' · '),
          c.customers[0]?.customerId ?? null,
        ),
      ),
  },
  {
    type: 'workOrder',
    permission: 'work-orders:view',
    find: async (db, ctx, q) => {
      const number = orderNumber(q);
      if (!number) return [];
      const { items } = await listWorkOrders(db, ctx, WorkOrderQuery.parse({ q: number, limit: GROUP_LIMIT }));
      return items.map((w) => hit('workOrder', w.id, w.orderNo, `${w.customerName} · ${w.typeName}`));
    },
  },
  {
    type: 'article',
    permission: 'knowledge:view',
    find: async (db, ctx, q) =>
      (await searchArticles(db, ctx, q, GROUP_LIMIT)).items.map((a) => hit('article', a.id, a.title, a.categoryName)),
  },
  {
    type: 'product',
    permission: 'products:view',
    find: async (db, ctx, q) =>
      (await listProducts(db, ctx, { q }))
        .slice(0, GROUP_LIMIT)
        .map((p) => hit('product', p.id, p.name, `${p.code} · ${p.monthlyFee}`)),
  },
  {
    type: 'employee',
    permission: 'system:view',
    find: async (db, ctx, q) =>
      (await employeeDirectory(db, ctx, { q }, GROUP_LIMIT)).map((e) => hit('employee', e.id, e.name, e.orgUnitName)),
  },
];

/** The header's search: every type the caller may see, each group capped, empty groups left out. */
export async function globalSearch(db: Db, ctx: RequestContext, q: string): Promise<SearchResult> {
  const allowed = FINDERS.filter((f) => can(ctx, f.permission));
  const found = await Promise.all(allowed.map((f) => f.find(db, ctx, q)));
  return {
    groups: allowed.map((f, i) => ({ type: f.type, items: found[i] })).filter((g) => g.items.length > 0),
  };
}
