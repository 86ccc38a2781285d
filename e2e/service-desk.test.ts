import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { loginAs, screenshot, startBrowserSuite, type BrowserSuite } from './support/browser.ts';
import { createCustomer, regionId } from './support/customers.ts';

/** Runs one step of the work order from its page: the step's button, then the fields it asks for, then 确认. */
async function step(page: Page, button: string, fill: (page: Page) => Promise<unknown> = async () => undefined) {
  const panel = page.getByTestId('transition-panel');
  await panel.getByRole('button', { name: button, exact: true }).click();
  await fill(page);
  if (button !== '开始处理' && button !== '归档') await panel.getByRole('button', { name: '确认' }).click();
}
async function expectStatus(page: Page, status: string) {
  await page.getByTestId('work-order-title').filter({ hasText: status }).waitFor();
}

describe('service desk journey', () => {
  let suite: BrowserSuite;
  before(async () => {
    suite = await startBrowserSuite({ demoCustomers: 10 });
  });
  after(async () => {
    await suite?.close();
  });

  test('a broadband fault goes to the Jinan access network centre, is resolved, reopened after an unhappy return visit, resolved again and archived', async () => {
    const admin = await suite.app.login('admin');
    const customer = await createCustomer(admin, { name: '宋立平', regionId: await regionId(admin, 'JN') });

    // The agent accepts the fault from the customer's 360° page; the knowledge base suggests an article while typing.
    const agent = await suite.newPage();
    await loginAs(agent, 'chenjie', { path: `/customers/${customer.id}` });
    await agent.getByRole('tab', { name: '服务工单' }).click();
    await agent.getByRole('button', { name: '报障 / 投诉' }).click();
    const dialog = agent.getByRole('dialog');
    await dialog.getByLabel('业务类型').selectOption('broadband');
    await dialog.getByLabel('联系电话').fill('13912345678');
    await dialog.getByLabel('问题描述').fill('宽带无法上网，光猫 LOS 灯红色闪烁');
    await dialog.getByTestId('kb-suggestions').getByText('宽带无法上网的排查步骤').waitFor();
    await screenshot(agent, 'work-order-create');
    await dialog.getByRole('button', { name: '受理' }).click();
    await agent.getByText(/已受理，派往：济南接入网维护中心/).waitFor();
    await agent.getByTestId('work-order-table').getByText('济南接入网维护中心').click();
    await expectStatus(agent, '已派单');
    const orderUrl = new URL(agent.url()).pathname;
    const orderNo = (await agent.getByTestId('work-order-title').innerText()).split(' ')[0];

    // A handler of that centre finds it in the department queue, starts and resolves it.
    const handler = await suite.newPage();
    await loginAs(handler, 'gaojun', { path: '/work-orders?queue=department' });
    await handler.getByTestId('work-order-table').getByText(orderNo).click();
    await expectStatus(handler, '已派单');
    await step(handler, '开始处理');
    await expectStatus(handler, '处理中');
    await step(handler, '处理完成', (p) => p.getByLabel('处理说明').fill('更换光猫，恢复上网'));
    await expectStatus(handler, '已处理');

    // It flows back to the agent, whose return visit finds the customer unhappy: reopened to the same centre.
    await agent.goto('/work-orders?queue=return_visit');
    await agent.getByTestId('work-order-table').getByText(orderNo).click();
    await step(agent, '回访', async (p) => {
      await p.getByLabel('满意度').selectOption('dissatisfied');
      await p.getByLabel('客户原话').fill('晚上还是经常断网');
    });
    await expectStatus(agent, '已回访');
    await step(agent, '归档');
    await agent.getByText('客户不满意，请重新派回处理部门，不能归档').waitFor();
    await step(agent, '重新派回', (p) => p.getByLabel('原因').fill('客户反映晚上仍断网'));
    await expectStatus(agent, '已派单');

    await handler.goto(orderUrl);
    await step(handler, '开始处理');
    await expectStatus(handler, '处理中');
    await step(handler, '处理完成', (p) => p.getByLabel('处理说明').fill('重新熔接入户光纤'));
    await expectStatus(handler, '已处理');

    await agent.goto(orderUrl);
    await step(agent, '回访', (p) => p.getByLabel('满意度').selectOption('satisfied'));
    await expectStatus(agent, '已回访');
    await step(agent, '归档');
    await expectStatus(agent, '已归档');

    const timeline = agent.getByTestId('timeline');
    await timeline.getByText('重新熔接入户光纤').waitFor();
    const steps = await timeline.locator('li > strong').allInnerTexts();
    assert.deepEqual(steps, [
      '受理',
      '派单',
      '开始处理',
      '处理完成',
      '回访',
      '重新派回',
      '开始处理',
      '处理完成',
      '回访',
      '归档',
    ]);
    const text = await timeline.innerText();
    assert.match(text, /晚上还是经常断网/);
    assert.match(text, /高军/);
    assert.match(text, /陈杰/);
    await screenshot(agent, 'work-order-timeline');
  });

  test('the knowledge base answers 宽带无法上网 with highlighted matches', async () => {
    const page = await suite.newPage();
    await loginAs(page, 'chenjie', { path: '/knowledge' });
    await page.getByLabel('搜索知识库').fill('宽带无法上网');
    await page.getByLabel('搜索知识库').press('Enter');
    const results = page.getByTestId('kb-results');
    await results.getByText('宽带无法上网的排查步骤').waitFor();
    assert.ok((await results.locator('mark').count()) > 0);
    const titles = await results.locator('li strong').allInnerTexts();
    assert.equal(titles[0], '宽带无法上网的排查步骤');
    await screenshot(page, 'knowledge-search');
  });
});
