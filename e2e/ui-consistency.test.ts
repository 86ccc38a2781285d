/**
 * Issue 12's points a person notices: English that holds after a switch, steps offered only to who may take them,
 * links that lead somewhere the user may go, and knowledge answers in the right order.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TestClient } from '../src/testing/test-client.ts';
import { loginAs, screenshot, startBrowserSuite, type BrowserSuite } from './support/browser.ts';
import { createCustomer, regionId } from './support/customers.ts';

describe('a finished product for the people at the counter', () => {
  let suite: BrowserSuite;
  let admin: TestClient;
  before(async () => {
    suite = await startBrowserSuite({ demoCustomers: 6 });
    admin = await suite.app.login('admin');
  });
  after(async () => {
    await suite?.close();
  });

  test('switching to English shows server-supplied names in English at once, without a reload', async () => {
    const page = await suite.newPage();
    await loginAs(page, 'admin', { path: '/system/employees' });
    const table = page.getByRole('table');
    await table.getByText('济南营业厅').first().waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await table.getByText('Jinan front desk').first().waitFor();
    assert.equal(await table.getByText('济南营业厅').count(), 0);
  });

  test('a handler is offered only the handler’s steps and sees the customer as text; the agent is offered 回访', async () => {
    const customer = await createCustomer(admin, { name: '邹明远', regionId: await regionId(admin, 'JN') });
    const agentApi = await suite.app.login('chenjie');
    const types = new Map<string, string>(
      (await admin.get('/api/work-orders/types')).body.items.map((t: { code: string; id: string }) => [t.code, t.id]),
    );
    const created = await agentApi.post('/api/work-orders', {
      customerId: customer.id,
      typeId: types.get('fault'),
      subtypeId: types.get('broadband_down'),
      businessType: 'broadband',
      contactPhone: '13912345678',
      description: '宽带无法上网',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const handlerApi = await suite.app.login('gaojun');
    for (const body of [{ action: 'start' }, { action: 'resolve', note: '更换光猫' }])
      assert.equal((await handlerApi.post(`/api/work-orders/${created.body.id}/transitions`, body)).status, 200);

    const handler = await suite.newPage();
    await loginAs(handler, 'gaojun', { path: `/work-orders/${created.body.id}` });
    await handler.getByTestId('work-order-title').filter({ hasText: '已处理' }).waitFor();
    await handler.getByText(`邹明远 · ${customer.customerNo}`).waitFor();
    assert.equal(
      await handler.getByRole('link', { name: /邹明远/ }).count(),
      0,
      'no link to a page the handler may not open',
    );
    assert.equal(await handler.getByRole('button', { name: '回访', exact: true }).count(), 0);

    const agent = await suite.newPage();
    await loginAs(agent, 'chenjie', { path: `/work-orders/${created.body.id}` });
    await agent.getByTestId('transition-panel').getByRole('button', { name: '回访', exact: true }).waitFor();
    await agent.getByRole('link', { name: /邹明远/ }).click();
    await agent.waitForURL(`**/customers/${customer.id}`);
  });

  test('order numbers in the work-order list are links to the order', async () => {
    const page = await suite.newPage();
    await loginAs(page, 'chenjie', { path: '/work-orders?queue=mine' });
    const first = page.getByTestId('work-order-table').getByRole('link').first();
    const orderNo = await first.innerText();
    await first.click();
    await page.getByTestId('work-order-title').filter({ hasText: orderNo }).waitFor();
  });

  test('宽带上不了网 finds the troubleshooting steps first, and a sales script says its kind once', async () => {
    const page = await suite.newPage();
    await loginAs(page, 'chenjie', { path: '/knowledge' });
    await page.getByLabel('搜索知识库').fill('宽带上不了网');
    await page.getByLabel('搜索知识库').press('Enter');
    const first = page.locator('.kb-hit').first();
    await first.getByText('宽带无法上网的排查步骤').waitFor();
    await page.getByLabel('搜索知识库').fill('宽带续约');
    await page.getByLabel('搜索知识库').press('Enter');
    const script = page.locator('.kb-hit').filter({ hasText: '宽带到期续约话术' });
    await script.waitFor();
    assert.doesNotMatch(await script.innerText(), /营销话术 · 营销话术/);
  });

  test('report date fields show the range the figures cover; settings and statistics pages are laid out', async () => {
    const page = await suite.newPage();
    await loginAs(page, 'admin', { path: '/stats' });
    const from = page.getByLabel('开始日期');
    await page.waitForFunction("Boolean(document.querySelector('input[type=date]')?.value)");
    const heading = await page.getByRole('heading', { level: 1 }).innerText();
    assert.ok(heading.includes(await from.inputValue()), `${heading} shows the range in the date fields`);
    assert.ok(heading.includes(await page.getByLabel('结束日期').inputValue()));

    await page.goto('/work-orders/settings');
    const rule = page.getByTestId('routing-rules').getByLabel('名称', { exact: true }).first();
    await rule.waitFor();
    // The whole name shows: the box is wide enough for what it holds.
    assert.ok(await rule.evaluate((input) => input.scrollWidth <= input.clientWidth));
    await screenshot(page, 'work-order-settings');
    await page.goto('/work-orders/stats');
    await page.getByRole('img').first().waitFor();
    await screenshot(page, 'work-order-stats');
  });
});
