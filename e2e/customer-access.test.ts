import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TestClient } from '../src/testing/test-client.ts';
import { loginAs, startBrowserSuite, type BrowserSuite } from './support/browser.ts';
import { createCustomer, employeeId, regionId } from './support/customers.ts';

describe('what each role sees of customers', () => {
  let suite: BrowserSuite;
  let admin: TestClient;
  before(async () => {
    suite = await startBrowserSuite();
    admin = await suite.app.login('admin');
  });
  after(async () => {
    await suite?.close();
  });

  test('a telemarketer sees phone and ID-card numbers masked, in the list and on the 360° page', async () => {
    const customer = await createCustomer(admin, {
      name: '钱晓梅',
      regionId: await regionId(admin, 'JN'),
      phone: '13812345678',
      accountManagerId: await employeeId(admin, '赵磊'),
    });
    const page = await suite.newPage();
    await loginAs(page, 'zhaolei', { path: '/customers' });
    const row = page.getByTestId('customer-table').locator('tbody tr', { hasText: customer.customerNo });
    assert.equal(await row.getByTestId('phone').innerText(), '138****5678');
    assert.equal(await page.getByText('13812345678').count(), 0);
    await row.click();
    await page.getByTestId('customer-name').filter({ hasText: '钱晓梅' }).waitFor();
    assert.equal(await page.getByTestId('customer-phone').innerText(), '138****5678');
    assert.match(await page.getByTestId('customer-id-card').innerText(), /^\d{4}\*{10}\d{3}[\dX]$/);
    // A read-only role gets no edit, cancel or merge buttons.
    for (const name of ['编辑', '销户', '合并重复客户'])
      assert.equal(await page.getByRole('button', { name }).count(), 0);
  });

  test('a Jinan account manager finds no Qingdao customer, neither in the list nor at its URL', async () => {
    const qingdao = await createCustomer(admin, { name: '青岛测试客户甲', regionId: await regionId(admin, 'QD') });
    const page = await suite.newPage();
    await loginAs(page, 'zhangwei', { path: '/customers' });
    await page.getByRole('searchbox', { name: '搜索客户' }).fill(qingdao.customerNo);
    await page.getByRole('searchbox', { name: '搜索客户' }).press('Enter');
    await page.getByText('没有符合条件的客户').waitFor();

    await page.goto(`/customers/${qingdao.id}`);
    await page.getByTestId('not-found').waitFor();
    assert.equal(await page.getByText('青岛测试客户甲').count(), 0);

    // The Qingdao account manager does see it.
    const other = await suite.newPage();
    await loginAs(other, 'liuna', { path: `/customers/${qingdao.id}` });
    await other.getByTestId('customer-name').filter({ hasText: '青岛测试客户甲' }).waitFor();
  });
});
