import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { TestClient } from '../src/testing/test-client.ts';
import { loginAs, startBrowserSuite, type BrowserSuite } from './support/browser.ts';

/** How far the page or its main area is wider than the screen (0 when nothing spills sideways). */
function overflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const doc = globalThis as unknown as {
      document: {
        documentElement: { scrollWidth: number; clientWidth: number };
        querySelector(s: string): { scrollWidth: number; clientWidth: number } | null;
      };
    };
    const root = doc.document.documentElement;
    const main = doc.document.querySelector('main.content');
    return Math.max(root.scrollWidth - root.clientWidth, main ? main.scrollWidth - main.clientWidth : 0);
  });
}

const ROUTES = ['/', '/customers', '/customers/new', '/contacts', '/work-orders', '/knowledge', '/products', '/churn'];

describe('the shell: bell, phone and tablet', () => {
  let suite: BrowserSuite;
  let admin: TestClient;
  before(async () => {
    suite = await startBrowserSuite({ demoCustomers: 40 });
    admin = await suite.app.login('admin');
  });
  after(async () => {
    await suite?.close();
  });

  test('the bell lights up live when a retention task is assigned to me, and clears when read', async () => {
    const page = await suite.newPage();
    await loginAs(page, 'zhangwei', { path: '/' });
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    const zhangwei = await suite.app.login('zhangwei');
    await zhangwei.post('/api/notifications/read');
    const me = (await zhangwei.get('/api/auth/me')).body.employee.id as string;
    const customer = (
      (await zhangwei.get('/api/customers?limit=200&status=active')).body.items as {
        id: string;
        name: string;
        accountManagerId: string;
      }[]
    ).find((c) => c.accountManagerId === me)!;
    await page.getByTestId('bell-count').waitFor({ state: 'detached' });
    assert.equal(
      (await admin.post('/api/retention-tasks', { customerId: customer.id, offer: '续约送宽带提速' })).status,
      201,
    );
    // No reload: the socket tells the page.
    await page.getByTestId('bell-count').filter({ hasText: '1' }).waitFor();
    await page.getByTestId('bell').click();
    await page.getByTestId('bell-panel').getByText(`新的挽留任务：${customer.name}`).waitFor();
    await page.getByRole('button', { name: '全部标为已读' }).click();
    await page.getByTestId('bell-count').waitFor({ state: 'detached' });
  });

  for (const width of [390, 768]) {
    test(`at ${width} px no page spills sideways and the menu opens from its button`, async () => {
      const page = await suite.newPage();
      await page.setViewportSize({ width, height: 844 });
      await loginAs(page, 'admin', { path: '/' });
      for (const route of ROUTES) {
        await page.goto(route);
        await page.locator('main.content h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        assert.equal(await overflow(page), 0, `${route} at ${width} px`);
      }
      if (width === 390) {
        const nav = page.getByRole('navigation', { name: 'main' });
        assert.equal(await nav.isVisible(), false);
        await page.getByTestId('nav-toggle').click();
        await nav.getByRole('link', { name: '客户查询' }).click();
        await page.waitForURL('**/customers');
        await nav.waitFor({ state: 'hidden' }); // the menu folds away after a choice
      }
    });
  }
});
