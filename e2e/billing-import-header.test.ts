import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TestClient } from '../src/testing/test-client.ts';
import { customerOnPackage } from '../src/modules/billing/billing-test-support.ts';
import { loginAs, screenshot, startBrowserSuite, waitForRowCount, type BrowserSuite } from './support/browser.ts';

describe('importing a report with a title above the header', () => {
  let suite: BrowserSuite;
  let admin: TestClient;
  before(async () => {
    suite = await startBrowserSuite();
    admin = await suite.app.login('admin');
    await customerOnPackage(suite.app, admin, '13500000011', [{ code: '5G-SILVER', startsOn: '2026-01-01' }]);
  });
  after(async () => {
    await suite?.close();
  });

  test('the page guesses the header under the title, lets staff pick another row, imports from it and shows warnings', async () => {
    // Headers as our field labels, so the mapping is guessed; the customer column is picked by hand.
    const file = [
      '2026年10月话单明细,,,,,,,',
      '记录号,手机号,业务类型,通话类型,呼叫方向,开始时间,数量,忙闲时',
      'T1,13500000011,call,local,out,2026-10-01 09:00:00,60,busy',
      'T2,13500000011,call,local,out,2026-10-02 09:00:00,-5,busy',
      'T3,13500000011,sms,local,out,2025-12-20 09:00:00,1,busy',
    ].join('\n');
    const page = await suite.newPage();
    await loginAs(page, 'admin', { path: '/billing/imports' });
    await page
      .getByLabel(/^文件（CSV/)
      .setInputFiles({ name: '话单报表.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    const headerRow = page.getByLabel('表头所在行');
    assert.equal(await headerRow.inputValue(), '2');
    assert.match(await preview.locator('thead').innerText(), /记录号/);
    assert.equal(await page.getByLabel(/^记录号/).inputValue(), '记录号');

    // Picking the title row shows it as the header; picking row 2 again brings the columns back.
    await headerRow.selectOption('1');
    assert.match(await preview.locator('thead').innerText(), /2026年10月话单明细/);
    assert.equal(await page.getByLabel(/^记录号/).inputValue(), '');
    await headerRow.selectOption('2');
    assert.match(await page.getByText('表头上方的 1 行').innerText(), /不导入/);
    assert.equal(await page.getByLabel(/^开始时间/).inputValue(), '开始时间');
    await page.getByLabel(/^客户/).selectOption('手机号');

    await page.getByRole('button', { name: '开始导入' }).click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    assert.match(await report.getByRole('status').innerText(), /成功 2 行，失败 1 行/);
    await waitForRowCount(page, 'import-errors', 1);
    // Row numbers are the spreadsheet's: title on row 1, header on row 2, T2 on row 4.
    assert.match(await page.getByTestId('import-errors').innerText(), /4\s+时长为负数/);
    assert.match(
      await page.getByTestId('import-warnings').innerText(),
      /客户当天没有订购套餐：话单已导入，但不会计费 — 1 行，例如第 5 行/,
    );
    await report.scrollIntoViewIfNeeded();
    await screenshot(page, 'billing-import-title-row');
  });
});
