import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { seedThesisProfiles } from '../src/modules/segmentation/segmentation-test-support.ts';
import { loginAs, screenshot, startBrowserSuite, waitForRowCount, type BrowserSuite } from './support/browser.ts';
import { addMonths, thisMonth } from '../src/platform/clock.ts';

/** The month the run form offers first: last month. */
function lastMonth(): string {
  return addMonths(thisMonth(), -1);
}

describe('customer segmentation screens', () => {
  let suite: BrowserSuite;

  before(async () => {
    suite = await startBrowserSuite({ demoCustomers: 90 });
    const active = await suite.app.services.db
      .selectFrom('customers')
      .select('id')
      .where('status', '=', 'active')
      .orderBy('id')
      .execute();
    await seedThesisProfiles(
      suite.app,
      active.map((r) => r.id),
      [lastMonth()],
    );
    // Runs are background jobs: let the runner pick them up as the server would.
    suite.app.services.jobs.start(200);
  });
  after(async () => {
    await suite?.close();
  });

  test('a marketing manager segments customers, renames and publishes the clusters, then finds the customers by segment', async () => {
    const page = await suite.newPage();
    await loginAs(page, 'wangfang', { path: '/segmentation' });
    const form = page.getByRole('form', { name: '新建细分' });
    assert.equal(await form.getByLabel('月份').inputValue(), lastMonth());
    assert.equal(
      await form.getByRole('checkbox', { name: '忙时上网流量(GB)' }).isChecked(),
      true,
      'all 15 variables are chosen by default',
    );
    await form.getByLabel('分类数 K').fill('3');
    await form.getByLabel('随机种子').fill('2026');
    await form.getByRole('button', { name: '开始细分' }).click();

    // The run page follows the job, then shows the profile table and both charts.
    const profile = page.getByTestId('segmentation-profile');
    await profile.waitFor();
    const header = await profile.locator('thead').innerText();
    for (const name of ['上网族', '话多族', '本地主流']) assert.match(header, new RegExp(name));
    assert.match(await profile.locator('tbody').innerText(), /忙时上网流量/);
    await page.getByRole('img', { name: '主成分散点图（PCA，抽样）' }).locator('canvas').first().waitFor();
    await page
      .getByRole('img', { name: /肘部图与轮廓系数/ })
      .locator('canvas')
      .first()
      .waitFor();
    await screenshot(page, 'segmentation-run');
    await page.getByRole('img', { name: '主成分散点图（PCA，抽样）' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'segmentation-charts');

    // Rename the internet-heavy cluster, then publish.
    const names = page.getByRole('form', { name: '类名' });
    const inputs = names.getByRole('textbox');
    let internet = -1;
    for (let i = 0; i < (await inputs.count()); i++) if ((await inputs.nth(i).inputValue()) === '上网族') internet = i;
    assert.ok(internet >= 0, 'a cluster is suggested as 上网族');
    const size = Number(
      (await names.locator('.seg-cluster__size').nth(internet).innerText()).split(' ')[0].replace(/,/g, ''),
    );
    await inputs.nth(internet).fill('流量达人');
    await names.getByRole('button', { name: '保存类名' }).click();
    await page.getByText('类名已保存').waitFor();
    await names.getByRole('button', { name: '发布到客户' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '发布到客户' }).click();
    await page.getByText(/已发布：\d+ 位客户的细分已更新/).waitFor();

    // The customer list filters by the published segment; the 360° page shows it.
    await page.getByRole('link', { name: '查看该类客户' }).nth(internet).click();
    await page.getByTestId('customer-table').waitFor();
    await waitForRowCount(page, 'customer-table', Math.min(size, 20));
    const rows = await page.getByTestId('customer-table').locator('tbody tr').allInnerTexts();
    assert.ok(
      rows.every((r) => r.includes('流量达人')),
      'every customer listed is in the segment',
    );
    assert.equal(await page.getByLabel('客户细分').inputValue(), '流量达人');
    await page.getByTestId('customer-table').locator('tbody tr').first().getByRole('link').first().click();
    assert.equal(await page.getByTestId('customer-segment').innerText(), '流量达人');
    await page.close();
  });

  test('the history lists the run with who started it and its quality score', async () => {
    const page = await suite.newPage();
    await loginAs(page, 'wangfang', { path: '/segmentation' });
    const row = page.getByTestId('segmentation-runs').locator('tbody tr').first();
    await row.waitFor();
    const text = await row.innerText();
    assert.match(text, /王芳/);
    assert.match(text, /已完成/);
    assert.match(text, /已发布/);
    assert.match(text, /0\.\d{3}/);
    await page.close();
  });
});
