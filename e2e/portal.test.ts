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
    customerId = await customerOnPackage(suite.app, admin, '13400000001', [{ code: '5G-DIAMOND', startsOn: '2026-01-01' }]);
    await upload(admin, 'usage', `${USAGE_HEADER}\nW1,13400000001,sms,local,out,2026-10-10 10:00:00,12,busy`, { mapping: USAGE_MAPPING });
    await admin.post('/api/billing/runs', { month: '2026-10' });
    await admin.post(`/api/customers/${customerId}/portal-login`, { password: 'my-portal-pass' });
  });
  after(async () => { await suite?.close(); });

  test('a customer signs in, sees the bill, corrects the address and reports a fault', async () => {
    const page = await suite.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/portal');
    await page.getByLabel('手机号码').fill('13400000001');
    await page.getByLabel('密码').fill('my-portal-pass');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('portal-package').waitFor();
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
    await page.getByLabel('联系地址').fill('济南市市中区经七路 88 号');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('地址已更新').waitFor();
    assert.equal((await admin.get(`/api/customers/${customerId}`)).body.address, '济南市市中区经七路 88 号');

    await page.getByRole('button', { name: '报障与投诉' }).click();
    await page.getByLabel('标题').fill('手机没有信号');
    await page.getByLabel('详细说明').fill('家里客厅从昨天开始没有 5G 信号');
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByTestId('portal-requests').getByText('手机没有信号').waitFor();
    assert.match(await page.getByTestId('portal-requests').innerText(), /待处理/);
    const staffView = (await admin.get('/api/portal-requests?status=open')).body.items;
    assert.ok(staffView.some((r: { subject: string; customerId: string }) => r.subject === '手机没有信号' && r.customerId === customerId));
    await screenshot(page, 'portal-fault');

    // Staff see the fault in their list and answer it; the customer sees the answer.
    const staff = await suite.newPage();
    await loginAs(staff, 'admin', { path: '/portal-requests' });
    const row = staff.getByTestId('portal-requests-staff').getByRole('row').filter({ hasText: '手机没有信号' });
    await row.getByLabel('状态').selectOption('in_progress');
    await row.getByLabel('回复').fill('已安排工程师明天上门检测');
    await row.getByRole('button', { name: '答复' }).click();
    await staff.getByText('已答复').waitFor();
    await page.reload();
    await page.getByTestId('portal-requests').getByText('已安排工程师明天上门检测').waitFor();
    assert.match(await page.getByTestId('portal-requests').innerText(), /处理中/);
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
