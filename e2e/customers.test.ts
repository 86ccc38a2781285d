import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { withTransaction } from '../src/platform/db.ts';
import { setArrears } from '../src/modules/customers/index.ts';
import type { TestClient } from '../src/testing/test-client.ts';
import { loginAs, screenshot, startBrowserSuite, waitForRowCount, type BrowserSuite } from './support/browser.ts';
import { createCustomer, regionId, uniqueMobile, validIdCard, withWrongCheckDigit } from './support/customers.ts';

describe('customer screens', () => {
  let suite: BrowserSuite;
  let admin: TestClient;
  let jinan: string;
  before(async () => {
    suite = await startBrowserSuite();
    admin = await suite.app.login('admin');
    jinan = await regionId(admin, 'JN');
  });
  after(async () => {
    await suite?.close();
  });

  async function fillOpenAccount(page: Page, v: { name: string; idCard: string; phone: string }) {
    await page.getByLabel('姓名 / 名称').fill(v.name);
    await page.getByLabel('身份证号').fill(v.idCard);
    await page.getByLabel('联系电话').fill(v.phone);
    await page.getByLabel('地址').fill('济南市历下区泉城路 1 号');
    await page.getByLabel('所属地区').selectOption(jinan);
  }

  test('the first click on 开户 opens the account when the phone was typed last (its duplicate check does not swallow the click)', async () => {
    const page = await suite.newPage();
    await loginAs(page, 'zhangwei', { path: '/customers/new' });
    await page.getByLabel('所属地区').locator(`option[value="${jinan}"]:checked`).waitFor({ state: 'attached' });
    await page.getByLabel('姓名 / 名称').fill('王建国');
    await page.getByLabel('身份证号').fill(validIdCard('19790321'));
    await page.getByLabel('地址').fill('济南市历下区泉城路 2 号');
    await page.getByLabel('联系电话').fill(uniqueMobile());
    await page.getByRole('button', { name: '开户', exact: true }).click();
    await page.waitForURL(/\/customers\/\d+$/);
    await page.getByRole('heading', { name: /王建国/ }).waitFor();
  });

  test('opening an account shows a bad ID card at its field, then opens it with a good one and derives gender and birth date', async () => {
    const page = await suite.newPage();
    await loginAs(page, 'zhangwei', { path: '/customers/new' });
    // Zhang Wei sits at the Jinan front desk: the region starts as Jinan.
    await page.getByLabel('所属地区').locator(`option[value="${jinan}"]:checked`).waitFor({ state: 'attached' });
    const good = validIdCard('19850615');
    await fillOpenAccount(page, { name: '李秀英', idCard: withWrongCheckDigit(good), phone: uniqueMobile() });
    await page.getByRole('button', { name: '开户', exact: true }).click();
    const idCardField = page.locator('.field', { has: page.getByLabel('身份证号') });
    await idCardField.getByRole('alert').waitFor();
    assert.match(await idCardField.getByRole('alert').innerText(), /校验位不正确/);
    await screenshot(page, 'open-account');

    await page.getByLabel('身份证号').fill(good);
    await page.getByRole('button', { name: '开户', exact: true }).click();
    await page.getByTestId('customer-name').filter({ hasText: '李秀英' }).waitFor();
    const details = await page.getByTestId('customer-details').innerText();
    assert.match(details, /1985-06-15/);
    assert.match(details, new RegExp(Number(good[16]) % 2 === 1 ? '男' : '女'));
    await page.reload(); // the page as anyone opening it sees it, without the "opened" toast
    await page.getByTestId('customer-details').waitFor();
    await screenshot(page, 'customer-360');
  });

  test('a second account for the same ID card is refused with a link to the existing customer', async () => {
    const existing = await createCustomer(admin, { name: '王建国', regionId: jinan });
    const idCard = (await admin.get(`/api/customers/${existing.id}`)).body.idCard as string;
    const page = await suite.newPage();
    await loginAs(page, 'zhangwei', { path: '/customers/new' });
    await fillOpenAccount(page, { name: '王建国', idCard, phone: uniqueMobile() });
    await page.getByRole('button', { name: '开户', exact: true }).click();
    await page
      .locator('.field', { has: page.getByLabel('身份证号') })
      .getByRole('alert')
      .filter({ hasText: '已开户' })
      .waitFor();
    await page.getByRole('link', { name: `查看已有客户 ${existing.customerNo}` }).click();
    await page.getByTestId('customer-name').filter({ hasText: '王建国' }).waitFor();
    assert.equal(new URL(page.url()).pathname, `/customers/${existing.id}`);
  });

  test('"/" focuses the search box and the last digits of a phone find the customer', async () => {
    const phone = uniqueMobile('4321');
    const customer = await createCustomer(admin, { name: '周海燕', regionId: jinan, phone });
    const page = await suite.newPage();
    await loginAs(page, 'zhangwei', { path: '/customers' });
    await page.getByRole('heading', { name: '客户查询' }).click(); // focus leaves the search box
    await page.keyboard.press('/');
    const search = page.getByRole('searchbox', { name: '搜索客户' });
    assert.equal(await page.locator('[data-hotkey="search"]:focus').count(), 1);
    await search.fill(phone.slice(-6));
    await search.press('Enter');
    const rows = page.getByTestId('customer-table').locator('tbody tr');
    // The newest customers are listed before the search; wait for the search's answer to replace them.
    await waitForRowCount(page, 'customer-table', 1);
    assert.match(await rows.first().innerText(), new RegExp(customer.customerNo));
    await page.getByRole('searchbox', { name: '搜索客户' }).fill('');
    await rows.nth(1).waitFor();
    await screenshot(page, 'customer-list');
  });

  test('the list is keyboard-navigable: ↓ moves to the next row and Enter opens that customer', async () => {
    const page = await suite.newPage();
    await loginAs(page, 'zhangwei', { path: '/customers' });
    const rows = page.getByTestId('customer-table').locator('tbody tr');
    await rows.nth(1).waitFor();
    const secondNo = await rows.nth(1).locator('a').first().innerText();
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('customer-name').waitFor();
    assert.match(await page.locator('.breadcrumb').innerText(), new RegExp(secondNo));
  });

  test('the list sorts by a clicked column and pages forward and back', async () => {
    const page = await suite.newPage();
    await loginAs(page, 'admin', { path: '/customers' });
    const firstCells = () => page.getByTestId('customer-table').locator('tbody tr td:nth-child(2)').allInnerTexts();
    await page.getByRole('button', { name: /客户编号/ }).click();
    await page.waitForURL(/sort=customerNo&order=asc/);
    await page.getByTestId('customer-table').locator('tbody tr', { hasText: 'C000000001' }).waitFor();
    const pageOne = await firstCells();
    assert.deepEqual(pageOne, [...pageOne].sort());
    assert.equal(pageOne[0], 'C000000001');

    await page.getByRole('button', { name: /下一页/ }).click();
    await page.getByText('第 2 页').waitFor();
    await page
      .getByTestId('customer-table')
      .locator('tbody tr', { hasText: 'C000000001' })
      .waitFor({ state: 'detached' });
    const pageTwo = await firstCells();
    assert.ok(pageTwo[0] > pageOne[pageOne.length - 1], 'page 2 continues after page 1');
    await page.getByRole('button', { name: /上一页/ }).click();
    await page.getByTestId('customer-table').locator('tbody tr', { hasText: 'C000000001' }).waitFor();
  });

  test('an edit is saved and shows on the history tab as old → new', async () => {
    const customer = await createCustomer(admin, {
      name: '赵文静',
      regionId: jinan,
      address: '济南市市中区经七路 2 号',
    });
    const page = await suite.newPage();
    await loginAs(page, 'zhangwei', { path: `/customers/${customer.id}` });
    await page.getByRole('button', { name: '编辑' }).click();
    await page.getByLabel('地址').fill('济南市槐荫区经十路 88 号');
    await page.getByLabel('客户等级').selectOption('gold');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('customer-details').filter({ hasText: '济南市槐荫区经十路 88 号' }).waitFor();
    await page.getByRole('tab', { name: '变更历史' }).click();
    const latest = page.getByTestId('customer-history').locator(':scope > li').first();
    await latest.filter({ hasText: '修改资料' }).waitFor();
    const text = await latest.innerText();
    assert.match(text, /济南市市中区经七路 2 号\s*→\s*济南市槐荫区经十路 88 号/);
    assert.match(text, /普通\s*→\s*金卡/);
    assert.match(text, /张伟/);
  });

  test('cancelling asks for a reason, is refused while the customer owes money, then goes through', async () => {
    const customer = await createCustomer(admin, { name: '孙立军', regionId: jinan });
    await withTransaction(suite.app.services.db, (trx) => setArrears(trx, customer.id, '88.50'));
    const page = await suite.newPage();
    await loginAs(page, 'zhangwei', { path: `/customers/${customer.id}` });
    await page.getByRole('button', { name: '销户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('销户原因').fill('客户迁居外省');
    await dialog.getByRole('button', { name: '确认销户' }).click();
    await dialog.getByRole('alert').filter({ hasText: '88.50' }).waitFor();

    await withTransaction(suite.app.services.db, (trx) => setArrears(trx, customer.id, '0.00'));
    await dialog.getByRole('button', { name: '确认销户' }).click();
    await page.getByRole('status').filter({ hasText: '该客户已销户' }).waitFor();
    assert.match(await page.getByRole('status').filter({ hasText: '该客户已销户' }).innerText(), /客户迁居外省/);
    assert.equal(await page.getByRole('button', { name: '编辑' }).count(), 0);
  });

  test('a second account with a known phone is flagged as a possible duplicate, and the two are merged field by field', async () => {
    const phone = uniqueMobile();
    const first = await createCustomer(admin, {
      name: '刘德明',
      regionId: jinan,
      phone,
      address: '济南市天桥区北园大街 5 号',
    });
    const page = await suite.newPage();
    await loginAs(page, 'zhangwei', { path: '/customers/new' });
    await page.getByLabel('客户类别').selectOption('enterprise');
    await fillOpenAccount(page, { name: '刘德明', idCard: '', phone });
    await page.getByLabel('地址').fill('济南市高新区舜华路 9 号');
    // Leaving the phone field already looked the number up: the warning is there before saving.
    const warning = page.getByTestId('possible-duplicates');
    await warning.getByRole('link', { name: new RegExp(first.customerNo) }).waitFor();
    await page.getByRole('button', { name: '仍然开户' }).click();
    await page.getByTestId('customer-name').filter({ hasText: '刘德明' }).waitFor();
    const secondId = new URL(page.url()).pathname.split('/').pop()!;
    const second = (await admin.get(`/api/customers/${secondId}`)).body;

    // Select both in the list, keep the first, take the second's address.
    await page.getByRole('link', { name: '客户查询' }).first().click();
    await page.getByRole('searchbox', { name: '搜索客户' }).fill(phone);
    await page.getByRole('searchbox', { name: '搜索客户' }).press('Enter');
    await waitForRowCount(page, 'customer-table', 2);
    await page.getByRole('checkbox', { name: `选择 ${first.customerNo}` }).check();
    await page.getByRole('checkbox', { name: `选择 ${second.customerNo}` }).check();
    await page.getByRole('button', { name: '合并所选客户' }).click();
    await page.getByRole('heading', { name: '合并重复客户' }).waitFor();
    if (!new URL(page.url()).search.includes(`a=${first.id}`)) await page.getByRole('button', { name: /交换/ }).click();
    await page.getByTestId('merge-address-merged').check();
    await screenshot(page, 'merge');
    await page.getByRole('button', { name: '确认合并' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();

    await page.waitForURL(`**/customers/${first.id}?tab=history`);
    const history = page.getByTestId('customer-history');
    await history.filter({ hasText: second.customerNo }).waitFor();
    assert.match(await history.innerText(), /济南市天桥区北园大街 5 号\s*→\s*济南市高新区舜华路 9 号/);

    await page.goto(`/customers/${second.id}`);
    await page.getByTestId('merged-banner').getByRole('link').click();
    await page.waitForURL(`**/customers/${first.id}`);
    assert.match(await page.getByTestId('customer-details').innerText(), /济南市高新区舜华路 9 号/);
  });
});
