import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { TestClient } from '../src/testing/test-client.ts';
import { loginAs, screenshot, startBrowserSuite, type BrowserSuite } from './support/browser.ts';

describe('statistics dashboard', () => {
  let suite: BrowserSuite;
  let wangfang: TestClient;
  before(async () => {
    suite = await startBrowserSuite({ demoCustomers: 40 });
    wangfang = await suite.app.login('wangfang');
  });
  after(async () => {
    await suite?.close();
  });

  test('a marketing manager sees her region by customer category as a chart and a table, and downloads the same table as xlsx', async () => {
    const page = await suite.newPage();
    await loginAs(page, 'wangfang', { path: '/stats' });
    await page.getByLabel('统计维度').selectOption('category');
    const table = page.getByRole('table', { name: '客户统计 · 按客户类别' });
    await table.getByRole('cell', { name: '个人客户', exact: true }).waitFor();
    assert.equal(await page.locator('.echart canvas').count(), 1, 'the chart is drawn');

    const expected = (await wangfang.get('/api/stats/customers?groupBy=category')).body;
    const individual = expected.rows.find((r: { key: string }) => r.key === 'individual');
    const row = table.locator('tbody tr', { hasText: '个人客户' });
    assert.match(await row.innerText(), new RegExp(`^个人客户\\s+${individual.active}\\b`));
    assert.match(await table.locator('tfoot').innerText(), new RegExp(`合计\\s+${expected.totals.active}\\b`));
    await screenshot(page, 'stats-dashboard');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出 Excel' }).click(),
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const sheet = book.worksheets[0];
    assert.equal(sheet.getRow(2).getCell(1).value, '分组');
    assert.equal(sheet.getRow(sheet.rowCount).getCell(2).value, expected.totals.active);
    await page.getByRole('button', { name: '打印' }).waitFor();
  });

  test('the region filter shares the org tree with the other pages without narrowing it: the system page after it still shows departments', async () => {
    const page = await suite.newPage();
    await loginAs(page, 'admin', { path: '/stats' });
    await page.getByLabel('地区').locator('option', { hasText: '青岛市分公司' }).waitFor({ state: 'attached' });
    await page.getByRole('link', { name: '系统管理' }).click();
    await page.getByRole('link', { name: '组织机构' }).click();
    await page.getByRole('listitem', { name: '呼叫中心', exact: true }).waitFor();
  });
});
