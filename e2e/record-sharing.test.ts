import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TestClient } from '../src/testing/test-client.ts';
import { loginAs, startBrowserSuite, type BrowserSuite } from './support/browser.ts';
import { createCustomer, employeeId, regionId } from './support/customers.ts';

/** An administrator shares one Qingdao customer with a Jinan account manager, then revokes it; an auditor's view of reads. */
describe('sharing one customer beyond the data scope, and the PII access log', () => {
  let suite: BrowserSuite;
  let admin: TestClient;
  before(async () => {
    suite = await startBrowserSuite();
    admin = await suite.app.login('admin');
  });
  after(async () => {
    await suite?.close();
  });

  test('the sharee opens the record from 与我共享 until the share is revoked', async () => {
    const customer = await createCustomer(admin, { name: '青岛共享客户', regionId: await regionId(admin, 'QD') });
    const zhangwei = await suite.newPage();
    await loginAs(zhangwei, 'zhangwei', { path: `/customers/${customer.id}` });
    await zhangwei.getByTestId('not-found').waitFor();

    const page = await suite.newPage();
    await loginAs(page, 'admin', { path: `/customers/${customer.id}` });
    await page.getByRole('button', { name: '共享', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('选择员工').selectOption(await employeeId(admin, '张伟'));
    await dialog.getByRole('button', { name: '添加共享' }).click();
    await dialog.getByTestId('share-table').locator('tbody tr', { hasText: '张伟' }).waitFor();

    await zhangwei.goto('/customers');
    await zhangwei
      .getByTestId('shared-with-me')
      .getByRole('link', { name: /青岛共享客户/ })
      .click();
    await zhangwei.getByTestId('customer-name').filter({ hasText: '青岛共享客户' }).waitFor();

    await dialog.getByRole('button', { name: '撤销对 张伟 的共享' }).click();
    await dialog.getByText('尚未共享给任何人').waitFor();
    await zhangwei.reload();
    await zhangwei.getByTestId('not-found').waitFor();
  });

  test('the audit log shows the unmasked views with one click, with export links for the same filter', async () => {
    const page = await suite.newPage();
    await loginAs(page, 'admin', { path: '/audit' });
    await page.getByRole('button', { name: '查看完整号码记录' }).click();
    const rows = page.getByTestId('audit-table').locator('tbody tr');
    await rows.first().waitFor();
    for (const text of await rows.allInnerTexts()) assert.match(text, /查看完整号码/);
    const href = await page.getByRole('link', { name: '导出 CSV' }).getAttribute('href');
    assert.match(href!, /\/api\/audit\/export\?format=csv&.*action=view_unmasked/);
  });
});
