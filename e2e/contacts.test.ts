import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TestClient } from '../src/testing/test-client.ts';
import { loginAs, startBrowserSuite, waitForRowCount, type BrowserSuite } from './support/browser.ts';
import { createCustomer, regionId, uniqueMobile } from './support/customers.ts';

describe('contacts', () => {
  let suite: BrowserSuite;
  let admin: TestClient;
  before(async () => {
    suite = await startBrowserSuite();
    admin = await suite.app.login('admin');
  });
  after(async () => {
    await suite?.close();
  });

  test("on a customer's contacts tab a new contact is added with a role, the role changed, and the contact unlinked", async () => {
    const customer = await createCustomer(admin, {
      name: '泉城科技有限公司',
      category: 'enterprise',
      idCard: undefined,
      regionId: await regionId(admin, 'JN'),
    });
    const page = await suite.newPage();
    await loginAs(page, 'zhangwei', { path: `/customers/${customer.id}?tab=contacts` });
    await page.getByText('该客户还没有联系人').waitFor();
    await page.getByRole('button', { name: '添加联系人' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('姓名').fill('陈会计');
    await dialog.getByLabel('电话').fill(uniqueMobile());
    await dialog.getByLabel('职务').fill('财务主管');
    await dialog.getByLabel('角色').selectOption('finance');
    await dialog.getByRole('button', { name: '添加联系人' }).click();

    const table = page.getByTestId('customer-contacts');
    const roleSelect = table.getByRole('combobox', { name: '更改 陈会计 的角色' });
    await roleSelect.waitFor();
    assert.equal(await roleSelect.inputValue(), 'finance');
    await roleSelect.selectOption('legal_representative');
    await page.getByRole('status').filter({ hasText: '角色已更改' }).waitFor();

    await table.getByRole('button', { name: '移除' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '移除' }).click();
    await page.getByText('该客户还没有联系人').waitFor();

    await page.getByRole('tab', { name: '变更历史' }).click();
    const history = await page.getByTestId('customer-history').innerText();
    for (const action of ['添加联系人', '更改联系人角色', '移除联系人']) assert.match(history, new RegExp(action));
  });

  test('the contacts page finds a contact by name and edits it', async () => {
    // Made by zhangwei himself: an unlinked contact is visible only to whoever created it.
    const zhangwei = await suite.app.login('zhangwei');
    const created = await zhangwei.post('/api/contacts', { name: '郭志远', phone: uniqueMobile(), title: '技术经理' });
    assert.equal(created.status, 201);
    const page = await suite.newPage();
    await loginAs(page, 'zhangwei', { path: '/contacts' });
    await page.getByRole('searchbox', { name: '搜索联系人' }).fill('郭志远');
    await page.getByRole('searchbox', { name: '搜索联系人' }).press('Enter');
    await waitForRowCount(page, 'contact-table', 1);
    await page.getByTestId('contact-table').locator('tbody tr').first().click();
    const dialog = page.getByRole('dialog', { name: '编辑联系人' });
    await dialog.getByLabel('职务').fill('技术总监');
    await dialog.getByLabel('电子邮箱').fill('not-an-email');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog
      .locator('.field', { has: page.getByLabel('电子邮箱') })
      .getByRole('alert')
      .waitFor();
    await dialog.getByLabel('电子邮箱').fill('guo@example.cn');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('contact-table').locator('tbody tr', { hasText: '技术总监' }).waitFor();
    assert.equal((await zhangwei.get(`/api/contacts/${created.body.id}`)).body.email, 'guo@example.cn');
  });
});
