import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TestClient } from '../src/testing/test-client.ts';
import { customerOnPackage, upload, USAGE_HEADER, USAGE_MAPPING } from '../src/modules/billing/billing-test-support.ts';
import { loginAs, screenshot, startBrowserSuite, type BrowserSuite } from './support/browser.ts';

describe('customer self-service portal', () => {
  let suite: BrowserSuite;
  let admin: TestClient;
  let customerId: string;
  before(async () => {
    suite = await startBrowserSuite();
    admin = await suite.app.login('admin');
    customerId = await customerOnPackage(suite.app, admin, '13400000001', [
      { code: '5G-DIAMOND', startsOn: '2026-01-01' },
    ]);
    await upload(admin, 'usage', `${USAGE_HEADER}\nW1,13400000001,sms,local,out,2026-10-10 10:00:00,12,busy`, {
      mapping: USAGE_MAPPING,
    });
    await admin.post('/api/billing/runs', { month: '2026-10' });
    await admin.post(`/api/customers/${customerId}/portal-login`, { password: 'my-portal-pass' });
  });
  after(async () => {
    await suite?.close();
  });

  /** The customer's phone, signed in to the portal. */
  async function portalLogin() {
    const page = await suite.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/portal');
    await page.getByLabel('手机号码').fill('13400000001');
    await page.getByLabel('密码').fill('my-portal-pass');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('portal-package').waitFor();
    return page;
  }

  test('a customer signs in, sees the bill and corrects their contact details', async () => {
    const page = await portalLogin();
    assert.equal(await page.getByTestId('portal-package').innerText(), '5G龙卡钻石卡');
    assert.match(await page.getByTestId('portal-balance').innerText(), /-161\.20/);
    await screenshot(page, 'portal-home');

    await page.getByRole('button', { name: '账单' }).click();
    await page.getByRole('button', { name: /2026-10/ }).click();
    const bill = await page.getByRole('table', { name: '2026-10' }).innerText();
    assert.match(bill, /套餐月费[\s\S]*¥160\.00/);
    assert.match(bill, /短信彩信[\s\S]*¥1\.20/);
    await screenshot(page, 'portal-bill');

    await page.getByRole('button', { name: '我的资料' }).click();
    assert.equal(await page.getByLabel('登录手机号').getAttribute('readonly'), '');
    await page.getByLabel('联系地址').fill('济南市市中区经七路 88 号');
    await page.getByLabel('电子邮箱').fill('zuanshi@example.com');
    await page.getByLabel('备用联系电话').fill('0531-87001234');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('资料已更新').waitFor();
    const customer = (await admin.get(`/api/customers/${customerId}`)).body;
    assert.deepEqual(
      [customer.address, customer.email, customer.backupPhone, customer.phone],
      ['济南市市中区经七路 88 号', 'zuanshi@example.com', '0531-87001234', '13400000001'],
    );
  });

  test('a fault reported in the portal is a work order the wireless centre handles, and the customer follows it', async () => {
    const page = await portalLogin();
    await page.getByRole('button', { name: '报障与投诉' }).click();
    const form = page.getByRole('form', { name: '报障或投诉' });
    await form.getByLabel('问题类型').selectOption({ label: '故障报修' });
    await form.getByLabel('业务类型').selectOption({ label: '宽带' });
    // Only broadband's faults are offered for broadband: no optical-cable cut, no mobile signal.
    const offered = await form.getByLabel('具体问题').locator('option').allInnerTexts();
    assert.deepEqual(offered.sort(), ['其他 / 不确定', '宽带无法上网', '宽带网速慢'].sort());
    await form.getByLabel('业务类型').selectOption({ label: '手机' });
    await form.getByLabel('具体问题').selectOption({ label: '手机无信号' });
    await form.getByLabel('问题描述').fill('家里客厅从昨天开始没有 5G 信号');
    assert.equal(await form.getByLabel('联系电话').inputValue(), '13400000001');
    await form.getByRole('button', { name: '提交' }).click();
    const card = page.getByTestId('portal-work-order').filter({ hasText: '手机无信号' });
    await card.getByText('已转交处理部门').waitFor();
    const orderNo = await card.locator('.mono').innerText();
    assert.match(orderNo, /^WO\d+$/);

    // The wireless maintenance centre finds it in its queue, as a self-service order, and resolves it.
    const staff = await suite.newPage();
    await loginAs(staff, 'dengchao', { path: '/work-orders?queue=department' });
    await staff.getByTestId('work-order-table').getByText(orderNo).click();
    await staff.getByTestId('work-order-facts').getByText('自助服务').waitFor();
    await staff
      .getByTestId('timeline')
      .getByText(/自助服务：计费0001/)
      .waitFor();
    const panel = staff.getByTestId('transition-panel');
    await panel.getByRole('button', { name: '开始处理', exact: true }).click();
    await staff.getByTestId('work-order-title').filter({ hasText: '处理中' }).waitFor();
    await page.reload();
    await page.getByTestId('portal-work-order').filter({ hasText: orderNo }).getByText('处理中').waitFor();

    await panel.getByRole('button', { name: '处理完成', exact: true }).click();
    await staff.getByLabel('处理说明').fill('已调整基站天线，信号恢复');
    await panel.getByRole('button', { name: '确认' }).click();
    await staff.getByTestId('work-order-title').filter({ hasText: '已处理' }).waitFor();

    await page.reload();
    const done = page.getByTestId('portal-work-order').filter({ hasText: orderNo });
    await done.getByText('已处理').waitFor();
    await done.getByRole('button', { name: '查看进度' }).click();
    await done.getByText('处理结果：已调整基站天线，信号恢复').waitFor();
    const progress = await done.getByRole('list').innerText();
    assert.match(progress, /已受理[\s\S]*已转交处理部门 · 无线维护中心[\s\S]*处理中[\s\S]*已处理/);
    assert.doesNotMatch(progress, /邓超/);
    await done.scrollIntoViewIfNeeded();
    await screenshot(page, 'portal-fault');
  });

  test('in English on a 390 px phone every tab fits on screen, under the 联系 CRM brand', async () => {
    const page = await portalLogin();
    assert.match(await page.locator('.portal__top').innerText(), /联系 CRM/);
    await page.getByRole('button', { name: 'English' }).click();
    const tabs = page.getByRole('navigation').getByRole('button');
    await tabs.filter({ hasText: 'Profile' }).waitFor();
    assert.equal(await tabs.count(), 5);
    for (const box of await Promise.all((await tabs.all()).map((tab) => tab.boundingBox())))
      assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `a tab at ${box?.x}+${box?.width} is off-screen`);
  });

  test('a staff session does not open the portal', async () => {
    const page = await suite.newPage();
    await page.goto('/');
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill((await import('../src/testing/test-app.ts')).ADMIN_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('user-menu').waitFor();
    await page.goto('/portal');
    await page.getByRole('button', { name: '登录' }).waitFor();
    assert.equal(await page.getByTestId('portal-package').count(), 0);
  });
});
