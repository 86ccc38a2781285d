import type { DemoContext } from '../../platform/demo.ts';
import type { Services } from '../../platform/module.ts';
import { setupPortalLogin } from './portal-auth.ts';

/** The first three demo customers can sign in to the portal with their phone and the demo password. */
export async function seedPortalDemo({ db }: Services, demo: DemoContext): Promise<void> {
  for (const customerId of demo.customerIds.slice(0, 3)) await setupPortalLogin(db, demo.ctx, customerId, demo.password);
}
