import type { DemoContext } from '../../platform/demo.ts';
import type { Services } from '../../platform/module.ts';
import { customerWorkOrderOptions, openCustomerWorkOrder } from '../work-orders/index.ts';
import { portalContext, setupPortalLogin } from './portal-auth.ts';

/**
 * The first three demo customers can sign in to the portal with their phone and the demo password; the first
 * has reported a slow broadband there, so the work-order queues hold a self-service order.
 */
export async function seedPortalDemo({ db }: Services, demo: DemoContext): Promise<void> {
  for (const customerId of demo.customerIds.slice(0, 3))
    await setupPortalLogin(db, demo.ctx, customerId, demo.password);
  const [customerId] = demo.customerIds;
  if (!customerId) return;
  const customer = await db
    .selectFrom('customers')
    .select(['name', 'phone'])
    .where('id', '=', customerId)
    .executeTakeFirstOrThrow();
  const fault = (await customerWorkOrderOptions(db, 'zh-CN')).types.find((t) => t.code === 'fault');
  if (!fault) return;
  const ctx = portalContext({ customerId, name: customer.name, csrfToken: '' }, 'zh-CN', '127.0.0.1', 'demo');
  await openCustomerWorkOrder(db, ctx, {
    customerId,
    channel: 'portal',
    typeId: fault.id,
    subtypeId: fault.subtypes.find((s) => s.code === 'broadband_slow')?.id,
    businessType: 'broadband',
    description: '每天晚上 8 点以后宽带很慢，视频一直缓冲',
    contactPhone: customer.phone,
  });
}

/** The phones the demo customers sign in to the portal with (for the start-up lines). */
export async function demoPortalPhones(db: Services['db']): Promise<string[]> {
  const rows = await db
    .selectFrom('portal_accounts')
    .select('login_phone')
    .orderBy('created_at')
    .orderBy('customer_id')
    .limit(3)
    .execute();
  return rows.map((r) => r.login_phone);
}
