import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TestClient } from '../src/testing/test-client.ts';
import { customerOnPackage } from '../src/modules/billing/billing-test-support.ts';
import { loginAs, screenshot, startBrowserSuite, waitForRowCount, type BrowserSuite } from './support/browser.ts';

describe('billing screens', () => {
  let suite: BrowserSuite;
  let admin: TestClient;
  let customerId: string;
  before(async () => {
    suite = await startBrowserSuite();
    admin = await suite.app.login('admin');
    customerId = await customerOnPackage(suite.app, admin, '13500000001', [
      { code: '5G-SILVER', startsOn: '2026-01-01' },
    ]);
    await customerOnPackage(suite.app, admin, '13500000002', [{ code: '5G-GOLD', startsOn: '2026-01-01' }]);
  });
  after(async () => {
    await suite?.close();
  });

  test('staff import a usage file, see its three bad rows reported, run billing and find the bill on the customer', async () => {
    const file = [
      '话单号,主叫号码,业务,类别,方向,起始时间,时长或流量,忙闲',
      'E1,13500000001,call,local,out,2026-10-01 09:00:00,7260000,busy',
      'E2,13500000001,call,domestic_ld,out,2026-10-02 09:00:00,600,busy',
      'E3,13599999999,call,local,out,2026-10-02 10:00:00,60,busy',
      'E4,13500000001,data,local,out,2026-10-03 10:00:00,1048576,idle',
      'E5,13500000002,call,local,out,2026-13-03 10:00:00,60,busy',
      'E6,13500000002,sms,local,out,2026-10-04 10:00:00,3,busy',
      'E7,13500000002,call,international,out,2026-10-05 10:00:00,-30,busy',
      'E8,13500000002,call,local,in,2026-10-05 11:00:00,120,busy',
    ].join('\n');
    const page = await suite.newPage();
    await loginAs(page, 'admin', { path: '/billing/imports' });
    await page
      .getByLabel(/^文件（CSV/)
      .setInputFiles({ name: '2026-10话单.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await page.getByTestId('import-preview').waitFor();
    const mapping: [RegExp, string][] = [
      [/^记录号/, '话单号'],
      [/^客户/, '主叫号码'],
      [/^业务类型/, '业务'],
      [/^通话类型/, '类别'],
      [/^呼叫方向/, '方向'],
      [/^开始时间/, '起始时间'],
      [/^数量/, '时长或流量'],
      [/^忙闲时/, '忙闲'],
    ];
    for (const [label, column] of mapping) await page.getByLabel(label).selectOption(column);
    await page.getByRole('button', { name: '开始导入' }).click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    assert.match(await report.getByRole('status').innerText(), /成功 5 行，失败 3 行/);
    await waitForRowCount(page, 'import-errors', 3);
    const errors = await page.getByTestId('import-errors').innerText();
    assert.match(errors, /4\s+找不到客户“13599999999”/);
    assert.match(errors, /6\s+日期时间无效“2026-13-03 10:00:00”/);
    assert.match(errors, /8\s+时长为负数/);
    await report.scrollIntoViewIfNeeded();
    await screenshot(page, 'billing-import-report');

    await page.getByRole('link', { name: '出账' }).click();
    await page.getByLabel('账期').fill('2026-10');
    await page.getByRole('button', { name: '出账', exact: true }).click();
    await page.getByTestId('run-result').waitFor();
    assert.match(await page.getByTestId('run-result').innerText(), /2026-10 已出账/);

    await page.goto(`/customers/${customerId}`);
    await page.getByRole('tab', { name: '账单' }).click();
    await page.getByTestId('customer-bills').waitFor();
    // Silver: ¥60 + (121,000 + 10 − 7,000 allowance) minutes over at ¥0.15 = ¥60 + 114,010 × 0.15 = ¥17,161.50.
    assert.match(await page.getByTestId('customer-bills').innerText(), /2026-10\s+¥17161\.50/);
    assert.match(await page.getByRole('table', { name: '账单 2026-10' }).innerText(), /国内语音（超出部分）/);
    await screenshot(page, 'customer-bills');
    await page.getByRole('tab', { name: '余额' }).click();
    assert.match(await page.getByTestId('balance-now').innerText(), /-17161\.50/);
  });

  test('marketing takes a new Qingdao package from draft to released; the subscriptions tab offers it only to a Qingdao customer', async () => {
    const page = await suite.newPage();
    await loginAs(page, 'wangfang', { path: '/products' });
    const table = page.getByTestId('products');
    await table.getByText('5G龙卡钻石卡').waitFor();
    assert.match(
      await table.innerText(),
      /5G-GOLD\s+5G龙卡金卡[\s\S]*¥80\.00\s+2000\s+60\s+全部地区\s+目标客户: 个人客户 · 话多型\s+已发布/,
    );
    await page.getByRole('button', { name: '新建产品' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('编码').fill('5G-YOUTH');
    await dialog.getByLabel('名称').fill('5G青春卡');
    await dialog.getByLabel('月费 (元)').fill('39');
    await dialog.getByLabel('套餐内分钟').fill('300');
    await dialog.getByLabel('目标客户类别').selectOption('individual');
    await dialog.getByRole('checkbox', { name: '青岛市分公司' }).check();
    // A ticked city includes its districts: they show ticked and cannot be ticked on their own.
    const huangdao = dialog.getByRole('checkbox', { name: '黄岛区' });
    assert.equal(await huangdao.isChecked(), true);
    assert.equal(await huangdao.isDisabled(), true);
    await dialog.getByRole('button', { name: '保存' }).click();
    const row = table.getByRole('row').filter({ hasText: '5G-YOUTH' });
    await row.getByText('草稿').waitFor();
    assert.match(await row.innerText(), /青岛市分公司\s+目标客户: 个人客户/);
    await row.getByRole('button', { name: '提交测试' }).click();
    await row.getByRole('button', { name: '发布' }).click();
    await row.getByText('已发布').waitFor();
    await screenshot(page, 'products');

    // The subscriptions tab offers what may be sold in the customer's region, naming the target the customer misses.
    const units = (await admin.get('/api/org-units')).body.items as { id: string; code: string }[];
    const qingdao = await admin.post('/api/customers', {
      name: '黄岛商户',
      phone: '13500000003',
      category: 'enterprise',
      regionId: units.find((u) => u.code === 'QD-HD')!.id,
    });
    assert.equal(qingdao.status, 201, JSON.stringify(qingdao.body));
    const desk = await suite.newPage();
    const offered = async (id: string) => {
      await desk.goto(`/customers/${id}`);
      await desk.getByRole('tab', { name: '订购' }).click();
      const choice = desk.getByRole('combobox', { name: /^订购 \/ 变更套餐/ });
      await choice.locator('option', { hasText: '5G龙卡金卡' }).waitFor({ state: 'attached' });
      return { choice, options: await choice.locator('option').allInnerTexts() };
    };
    await loginAs(desk, 'admin');
    const jinan = await offered(customerId);
    assert.ok(!jinan.options.some((o) => o.includes('5G青春卡')), jinan.options.join('\n'));
    const gold = '5G龙卡金卡（套餐 ¥80.00） · 面向个人客户 · 话多型';
    assert.ok(jinan.options.includes(gold), jinan.options.join('\n'));
    await jinan.choice.selectOption({ label: gold });
    await desk.getByText('此产品面向个人客户 · 话多型，与该客户不符，仅供参考，仍可办理').waitFor();
    assert.ok((await offered(qingdao.body.id)).options.includes('5G青春卡（套餐 ¥39.00） · 面向个人客户'));
  });
});
