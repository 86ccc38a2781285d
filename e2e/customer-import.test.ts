import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import type { TestClient } from '../src/testing/test-client.ts';
import { loginAs, screenshot, startBrowserSuite, waitForRowCount, type BrowserSuite } from './support/browser.ts';
import { uniqueMobile, validIdCard, withWrongCheckDigit } from './support/customers.ts';

describe('bulk customer import', () => {
  let suite: BrowserSuite;
  let admin: TestClient;
  before(async () => {
    suite = await startBrowserSuite();
    admin = await suite.app.login('admin');
  });
  after(async () => {
    await suite?.close();
  });

  test('an account manager imports a GBK file from the customer list: the bad row stops the batch, then the good rows go in', async () => {
    const good = [
      { name: '导入甲', phone: uniqueMobile(), idCard: validIdCard('19820412') },
      { name: '导入乙', phone: uniqueMobile(), idCard: validIdCard('19910630') },
    ];
    const file = iconv.encode(
      [
        '姓名,手机号码,证件号码,类别,营业区,地址',
        `${good[0].name},${good[0].phone},${good[0].idCard},个人,JN-LC,历城区工业北路 1 号`,
        `导入丙,${uniqueMobile()},${withWrongCheckDigit(validIdCard('19850101'))},个人,JN-LC,`,
        `${good[1].name},${good[1].phone},${good[1].idCard},个人,章丘区,`,
      ].join('\r\n'),
      'gbk',
    );
    const page = await suite.newPage();
    await loginAs(page, 'zhangwei', { path: '/customers' });
    await page.getByRole('link', { name: '批量导入' }).click();
    await page.getByRole('heading', { name: '批量导入客户' }).waitFor();
    await page.getByLabel(/^文件（xlsx/).setInputFiles({ name: '客户资料.txt', mimeType: 'text/plain', buffer: file });
    await page.getByTestId('import-preview').waitFor();
    await waitForRowCount(page, 'import-preview', 3);
    assert.match(await page.getByTestId('import-preview').innerText(), /导入丙/);
    // 姓名 and 地址 are matched by their header; the rest is chosen by hand.
    const mapping: [RegExp, string][] = [
      [/^联系电话/, '手机号码'],
      [/^身份证号/, '证件号码'],
      [/^客户类别/, '类别'],
      [/^所属地区/, '营业区'],
    ];
    for (const [label, column] of mapping) await page.getByLabel(label).selectOption(column);
    assert.equal(await page.getByLabel(/^姓名/).inputValue(), '姓名');
    await page.getByRole('button', { name: '开始导入' }).click();
    const report = page.getByTestId('import-report');
    await report.getByRole('status').filter({ hasText: '本批未导入任何客户' }).waitFor();
    await waitForRowCount(page, 'import-errors', 1);
    assert.match(await page.getByTestId('import-errors').innerText(), /3\s+身份证号“\d{17}[\dX]”校验位错误/);

    await page.getByLabel('只导入正确的行（跳过错误行）').check();
    await page.getByRole('button', { name: '开始导入' }).click();
    await report.getByRole('status').filter({ hasText: '已导入 2 位客户，共 3 行' }).waitFor();
    await report.scrollIntoViewIfNeeded();
    await screenshot(page, 'customer-import-report');

    for (const g of good) {
      const found = await admin.get(`/api/customers?q=${g.phone}`);
      assert.equal(found.body.items.length, 1, g.name);
    }
  });
});
