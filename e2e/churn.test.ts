import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { currentMonth, refreshRiskScores, saveSignals } from '../src/modules/churn/index.ts';
import type { TestClient } from '../src/testing/test-client.ts';
import { loginAs, screenshot, startBrowserSuite, type BrowserSuite } from './support/browser.ts';

interface Customer {
  id: string;
  customerNo: string;
  name: string;
  regionName: string;
  accountManagerId: string | null;
  status: string;
}

/** The three months before this one, oldest first ('YYYY-MM-01'). */
function lastThreeMonths(): string[] {
  const now = new Date(`${currentMonth()}T00:00:00Z`);
  return [3, 2, 1].map((k) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - k, 1)).toISOString().slice(0, 10),
  );
}

describe('churn and win-back screens', () => {
  let suite: BrowserSuite;
  let admin: TestClient;
  let zhangweiId: string;
  let candidates: Customer[];

  before(async () => {
    suite = await startBrowserSuite({ demoCustomers: 40 });
    admin = await suite.app.login('admin');
    const employees = (await admin.get('/api/employees?limit=200')).body.items as { id: string; username: string }[];
    zhangweiId = employees.find((e) => e.username === 'zhangwei')!.id;
    const recorded = new Set(
      ((await admin.get('/api/churn/records?limit=200')).body.items as { customerId: string }[]).map(
        (r) => r.customerId,
      ),
    );
    candidates = (
      (await admin.get(`/api/customers?limit=200&status=active&accountManager=${zhangweiId}`)).body.items as Customer[]
    ).filter((c) => !recorded.has(c.id));
    assert.ok(candidates.length >= 2, 'zhangwei manages customers without a churn record');
  });
  after(async () => {
    await suite?.close();
  });

  test('service staff record a churned customer with the reason and the competitor', async () => {
    const customer = candidates[0];
    const page = await suite.newPage();
    await loginAs(page, 'chenjie', { path: '/churn' });
    await page.getByRole('button', { name: '登记流失客户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('客户编号').fill(customer.customerNo);
    await dialog.getByLabel('流失原因').selectOption('competitor_offer');
    await dialog.getByLabel('转入运营商').fill('中国移动');
    await dialog.getByLabel('备注').fill('对方赠送宽带');
    await dialog.getByRole('button', { name: '保存' }).click();
    const row = page.getByTestId('churn-records').locator('tbody tr', { hasText: customer.customerNo });
    await row.waitFor();
    const text = await row.innerText();
    assert.match(text, /竞争对手优惠/);
    assert.match(text, /中国移动/);
    assert.match(text, /登记/);
    await screenshot(page, 'churn-records');
    const saved = (await admin.get(`/api/churn/records?customerId=${customer.id}`)).body.items[0];
    assert.deepEqual(
      [saved.reasonCategory, saved.competitor, saved.source],
      ['competitor_offer', '中国移动', 'manual'],
    );
  });

  test('an account manager sees a falling customer at risk with the reasons, starts a win-back task in one click and records it won back', async () => {
    const customer = candidates[1];
    // Three months of this customer's bills: spend and use fall by half, two complaints rated poorly.
    const [m1, m2, m3] = lastThreeMonths();
    const month = (m: string, spend: number, complaints: number) => ({
      customerId: customer.id,
      month: m,
      spend,
      dataMb: spend * 60,
      voiceMin: spend * 3,
      complaints,
      faults: 0,
      satisfaction: complaints ? 2 : null,
      overage: 0,
      allowanceUse: 0.8,
      packageEnd: null,
      arrears: 0,
    });
    await saveSignals(suite.app.services.db, m3, [month(m1, 120, 0), month(m2, 118, 1), month(m3, 55, 1)]);
    await refreshRiskScores(suite.app.services.db);

    const page = await suite.newPage();
    await loginAs(page, 'zhangwei', { path: '/churn/risk' });
    const row = page.getByTestId('at-risk').locator('tbody tr', { hasText: customer.customerNo });
    await row.waitFor();
    assert.match(await row.innerText(), /月消费较前两月下降 5\d%/);
    await screenshot(page, 'churn-risk');

    await row.getByRole('button', { name: `发起挽留 ${customer.customerNo}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('挽留方案').fill('赠送 6 个月 20GB 流量，套餐降档 10 元');
    await dialog.getByRole('button', { name: '创建任务' }).click();
    await row.getByText('已有挽留任务').waitFor();

    await page.getByRole('link', { name: '挽留计划' }).click();
    const task = page.getByTestId('retention-tasks').locator('tbody tr', { hasText: customer.customerNo });
    await task.waitFor();
    assert.match(await task.innerText(), /赠送 6 个月 20GB 流量/);
    await task.getByRole('button', { name: `挽回成功 ${customer.customerNo}` }).click();
    await task.waitFor({ state: 'detached' });

    const done = (await admin.get(`/api/retention-tasks?customerId=${customer.id}`)).body.items[0];
    assert.deepEqual(
      [done.outcome, done.assigneeId, done.offer],
      ['won_back', zhangweiId, '赠送 6 个月 20GB 流量，套餐降档 10 元'],
    );

    // The customer's 360° page shows the score's reasons and the won-back task.
    await page.goto(`/customers/${customer.id}`);
    await page.getByRole('tab', { name: '流失风险' }).click();
    const tab = page.getByTestId('churn-tab');
    await tab.getByText('挽回成功').waitFor();
    assert.match(await tab.innerText(), /月消费较前两月下降/);
  });
});
