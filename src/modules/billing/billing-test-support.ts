import type { TestApp } from '../../testing/test-app.ts';
import type { TestClient } from '../../testing/test-client.ts';

/** The usage columns the tests' billing-system files use, and the mapping onto our fields. */
export const USAGE_HEADER = 'record_id,phone,type,call_type,direction,start_time,quantity,period';
export const USAGE_MAPPING = {
  sourceId: 'record_id',
  customer: 'phone',
  kind: 'type',
  area: 'call_type',
  direction: 'direction',
  startedAt: 'start_time',
  quantity: 'quantity',
  busy: 'period',
};
export const PAYMENT_MAPPING = {
  sourceId: 'receipt',
  customer: 'phone',
  paidAt: 'paid_at',
  amount: 'amount',
  place: 'place',
  method: 'method',
};
export const GB = 1048576;

/** Uploads a file the way the web app does: options first, then the file. */
export function upload(
  client: TestClient,
  kind: 'usage' | 'payments',
  content: string | Uint8Array,
  opts: { mapping?: object; encoding?: string; fileName?: string; preview?: boolean; headerRow?: number } = {},
) {
  const form = new FormData();
  if (opts.mapping) form.append('mapping', JSON.stringify(opts.mapping));
  if (opts.encoding) form.append('encoding', opts.encoding);
  if (opts.headerRow !== undefined) form.append('headerRow', String(opts.headerRow));
  form.append('file', new Blob([Buffer.from(content)]), opts.fileName ?? `${kind}.csv`);
  return client.request('POST', `/api/imports/${kind}${opts.preview ? '/preview' : ''}`, form);
}

/** A customer in Jinan with a package from `startsOn` (until `endsOn`), written directly: subscribing through the API cannot backdate. */
export async function customerOnPackage(
  app: TestApp,
  admin: TestClient,
  phone: string,
  packages: { code: string; startsOn: string; endsOn?: string }[],
): Promise<string> {
  const units = (await admin.get('/api/org-units')).body.items as { id: string; code: string }[];
  const res = await admin.post('/api/customers', {
    name: `计费${phone.slice(-4)}`,
    phone,
    category: 'enterprise',
    regionId: units.find((u) => u.code === 'JN')!.id,
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  const products = (await admin.get('/api/products')).body.items as { id: string; code: string }[];
  for (const p of packages) {
    await app.services.db
      .insertInto('subscriptions')
      .values({
        customer_id: res.body.id,
        product_id: products.find((x) => x.code === p.code)!.id,
        kind: 'package',
        starts_on: p.startsOn,
        ends_on: p.endsOn ?? null,
      })
      .execute();
  }
  return res.body.id;
}
