import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TestClient } from '../src/testing/test-client.ts';
import { addMonths, firstDayOfMonth, thisMonth } from '../src/platform/clock.ts';
import { customerOnPackage } from '../src/modules/billing/billing-test-support.ts';
import { loginAs, startBrowserSuite, waitForRowCount, type BrowserSuite } from './support/browser.ts';

describe('loading a past subscription', () => {
  let suite: BrowserSuite;
  let admin: TestClient;
  let customerId: string;
  before(async () => {
    suite = await startBrowserSuite();
    admin = await suite.app.login('admin');
    customerId = await customerOnPackage(suite.app, admin, '13500000021', []);
  });
  after(async () => {
    await suite?.close();
  });

  test('an administrator loads the package a customer had before the CRM, with a reason, on the subscriptions tab', async () => {
    const from = firstDayOfMonth(addMonths(thisMonth(), -3));
    const until = firstDayOfMonth(addMonths(thisMonth(), -1));
    const page = await suite.newPage();
    await loginAs(page, 'admin', { path: `/customers/${customerId}` });
    await page.getByRole('tab', { name: '订购' }).click();
    await page.getByText('补录历史订购').click();
    const form = page.getByRole('form', { name: '补录历史订购' });
    await form.getByLabel(/^产品/).selectOption({ label: '5G龙卡金卡（套餐）' });
    await form.getByLabel(/^开始日期/).fill(from);
    await form.getByLabel(/^结束日期/).fill(until);
    await form.getByLabel(/^原因/).fill('从营业系统迁移');
    await form.getByRole('button', { name: '补录' }).click();
    await waitForRowCount(page, 'customer-subscriptions', 1);
    assert.match(
      await page.getByTestId('customer-subscriptions').innerText(),
      new RegExp(`5G龙卡金卡\\s+套餐\\s+¥80\\.00\\s+${from}\\s+${until}\\s+已结束`),
    );
  });
});
