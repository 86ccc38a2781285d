import type { RequestContext } from '../../platform/access/context.ts';
import { recordAudit, type Changes } from '../../platform/audit.ts';
import { withTransaction, type Db, type Trx } from '../../platform/db.ts';
import { platformError } from '../../platform/errors.ts';
import { findCustomer } from '../customers/index.ts';
import * as repo from './products.repository.ts';
import { FIELD_MESSAGES, productError } from './products.errors.ts';
import {
  LIFECYCLE_STEPS,
  pricing,
  type Product,
  type ProductInput,
  type ProductPatch,
  type ProductQuery,
} from './products.schema.ts';
import { PRODUCT_COLUMNS, toProduct } from './product-dto.ts';

/** The catalogue, filtered; `sellableTo` (a customer the caller can see) keeps what may be sold to them. */
export async function listProducts(db: Db, ctx: RequestContext, f: ProductQuery): Promise<Product[]> {
  const { sellableTo, ...filters } = f;
  const customer = sellableTo ? await findCustomer(db, ctx, sellableTo) : undefined;
  if (sellableTo && !customer) throw productError('CUSTOMER_NOT_FOUND');
  return (await repo.listProducts(db, { ...filters, sellableIn: customer?.region_id })).map(toProduct);
}

export async function getProduct(db: Db | Trx, id: string): Promise<Product> {
  const row = await repo.findProduct(db, id);
  if (!row) throw productError('PRODUCT_NOT_FOUND');
  return toProduct(row);
}

/** What a product points at must exist: services to require or bundle, regions to be sold in. */
async function checkLinks(
  trx: Trx,
  v: { requires?: string[]; bundles?: string[]; regionIds?: string[] },
): Promise<void> {
  for (const [field, ids] of [
    ['requires', v.requires],
    ['bundles', v.bundles],
  ] as const) {
    if (ids?.length && (await repo.countServices(trx, ids)) !== new Set(ids).size)
      throw productError('NOT_A_SERVICE', undefined, { [field]: 'only services' });
  }
  if (v.regionIds?.length && (await repo.countRegions(trx, v.regionIds)) !== new Set(v.regionIds).size) {
    throw productError('NOT_A_REGION', undefined, { regionIds: FIELD_MESSAGES.regionIds });
  }
}

function columnValues(input: Partial<ProductInput | ProductPatch>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(PRODUCT_COLUMNS)) {
    const v = input[field as keyof typeof input];
    if (v !== undefined) values[column] = v;
  }
  return values;
}

/** Creates a product in draft. */
export function createProduct(db: Db, ctx: RequestContext, input: ProductInput): Promise<Product> {
  return withTransaction(db, async (trx) => {
    if (await trx.selectFrom('products').select('id').where('code', '=', input.code).executeTakeFirst()) {
      throw productError('DUPLICATE_PRODUCT_CODE', { code: input.code }, { code: 'already used' });
    }
    await checkLinks(trx, input);
    const id = await repo.insertProduct(trx, {
      code: input.code,
      kind: input.kind,
      created_by: ctx.employeeId,
      status_changed_by: ctx.employeeId,
      ...columnValues(input),
    } as never);
    await repo.replaceLinks(trx, id, input.requires, input.kind === 'package' ? input.bundles : []);
    await recordAudit(trx, ctx, {
      action: 'create',
      entity: 'product',
      entityId: id,
      changes: { code: [null, input.code], name: [null, input.name] },
    });
    return getProduct(trx, id);
  });
}

/** Edits a product; a released or retired product keeps its tariff so that its bills stay reproducible. */
export function updateProduct(db: Db, ctx: RequestContext, id: string, input: ProductPatch): Promise<Product> {
  return withTransaction(db, async (trx) => {
    const before = await repo.findProduct(trx, id, true);
    if (!before) throw productError('PRODUCT_NOT_FOUND');
    if (input.version !== undefined && input.version !== before.version)
      throw platformError('CONFLICT', { version: before.version });
    const dto = toProduct(before);
    const changes: Changes = {};
    for (const field of Object.keys(PRODUCT_COLUMNS) as (keyof typeof PRODUCT_COLUMNS)[]) {
      const next = input[field];
      if (next !== undefined && JSON.stringify(next) !== JSON.stringify(dto[field]))
        changes[field] = [dto[field], next];
    }
    const pricingChanged = Object.keys(changes).some(
      (f) => f in pricing && Number(changes[f][0]) !== Number(changes[f][1]),
    );
    if (pricingChanged && (before.status === 'released' || before.status === 'retired'))
      throw productError('PRICING_LOCKED');
    await checkLinks(trx, input);
    if (Object.keys(changes).length) await repo.updateProductRow(trx, id, columnValues(input));
    await repo.replaceLinks(trx, id, input.requires, before.kind === 'package' ? input.bundles : undefined);
    if (input.requires) changes.requires = [before.requires.map((r) => r.id), input.requires];
    if (input.bundles && before.kind === 'package') changes.bundles = [before.bundles.map((r) => r.id), input.bundles];
    await recordAudit(trx, ctx, { action: 'update', entity: 'product', entityId: id, changes });
    return getProduct(trx, id);
  });
}

/** Moves a product one step along draft → testing → released → retired, recording who and when. */
export function changeLifecycle(
  db: Db,
  ctx: RequestContext,
  id: string,
  to: Product['status'],
  note?: string,
): Promise<Product> {
  return withTransaction(db, async (trx) => {
    const before = await repo.findProduct(trx, id, true);
    if (!before) throw productError('PRODUCT_NOT_FOUND');
    if (!LIFECYCLE_STEPS[before.status].includes(to))
      throw productError('BAD_LIFECYCLE_STEP', { from: before.status, to });
    await repo.updateProductRow(trx, id, {
      status: to,
      status_changed_by: ctx.employeeId,
      status_changed_at: new Date(),
    });
    await repo.insertStatusChange(trx, {
      productId: id,
      from: before.status,
      to,
      by: ctx.employeeId,
      note: note ?? null,
    });
    await recordAudit(trx, ctx, {
      action: 'lifecycle',
      entity: 'product',
      entityId: id,
      changes: { status: [before.status, to] },
    });
    return getProduct(trx, id);
  });
}

export async function productHistory(db: Db, id: string) {
  await getProduct(db, id);
  return (await repo.statusHistory(db, id)).map((r) => ({
    from: r.from_status,
    to: r.to_status,
    by: r.by_name,
    at: new Date(r.changed_at).toISOString(),
    note: r.note,
  }));
}
