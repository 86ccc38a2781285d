import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TestClient } from '../src/testing/test-client.ts';
import { loginAs, screenshot, startBrowserSuite, type BrowserSuite } from './support/browser.ts';
import { createCustomer, regionId } from './support/customers.ts';

describe('global search in the header', () => {
  let suite: BrowserSuite;
  let admin: TestClient;
  before(async () => {
    suite = await startBrowserSuite({ demoCustomers: 40 });
    admin = await suite.app.login('admin');
  });
  after(async () => {
    await suite?.close();
  });

  test('"/" focuses it; typing lists customers; ↓ and Enter open the second one', async () => {
    const jinan = await regionId(admin, 'JN');
    const first = await createCustomer(admin, { name: '欧阳寻甲', regionId: jinan });
    const second = await createCustomer(admin, { name: '欧阳寻乙', regionId: jinan });
    const page = await suite.newPage();
    await loginAs(page, 'zhangwei', { path: '/' });
    await page.getByRole('heading', { name: '工作台' }).click();
    await page.keyboard.press('/');
    const box = page.getByRole('combobox', { name: '全局搜索' });
    assert.equal(await page.locator('[data-global-search]:focus').count(), 1);
    await page.keyboard.type('欧阳寻');
    const results = page.getByTestId('global-search-results');
    const options = results.getByRole('option');
    await options.filter({ hasText: '欧阳寻甲' }).waitFor();
    await results.getByRole('group', { name: '客户' }).waitFor();
    // Newest first: 乙 then 甲; the first is selected, ↓ moves to the second.
    assert.deepEqual(
      (await options.allInnerTexts()).map((t) => t.slice(0, 4)),
      ['欧阳寻乙', '欧阳寻甲'],
    );
    await screenshot(page, 'global-search');
    await box.press('ArrowDown');
    assert.equal(await options.nth(1).getAttribute('aria-selected'), 'true');
    await box.press('Enter');
    await page.waitForURL(`**/customers/${first.id}`);
    await page.getByTestId('customer-name').filter({ hasText: '欧阳寻甲' }).waitFor();
    assert.notEqual(first.id, second.id);
  });

  test('Ctrl+K focuses it on a page with its own search; a work-order number opens the order; Esc closes', async () => {
    const order = (await admin.get('/api/work-orders?limit=1')).body.items[0] as { id: string; orderNo: string };
    const page = await suite.newPage();
    await loginAs(page, 'admin', { path: '/customers' });
    await page.getByRole('heading', { name: '客户查询' }).click();
    await page.keyboard.press('Control+k');
    assert.equal(await page.locator('[data-global-search]:focus').count(), 1);
    const box = page.getByRole('combobox', { name: '全局搜索' });
    await box.fill('zz-nothing');
    await page.getByTestId('global-search-results').getByText('没有找到匹配的记录').waitFor();
    await box.press('Escape');
    await page.getByTestId('global-search-results').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+k');
    await box.fill(order.orderNo);
    await page
      .getByTestId('global-search-results')
      .getByRole('option', { name: new RegExp(order.orderNo) })
      .waitFor();
    await box.press('Enter');
    await page.waitForURL(`**/work-orders/${order.id}`);
    await page.getByText(order.orderNo).first().waitFor();
  });
});
