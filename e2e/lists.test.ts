import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { TestClient } from '../src/testing/test-client.ts';
import { loginAs, startBrowserSuite, waitForRowCount, type BrowserSuite } from './support/browser.ts';

describe('list totals, page size and export', () => {
  let suite: BrowserSuite;
  let admin: TestClient;
  before(async () => {
    suite = await startBrowserSuite({ demoCustomers: 60 });
    admin = await suite.app.login('admin');
  });
  after(async () => {
    await suite?.close();
  });

  test('the customer list shows its total, takes 50 a page, and downloads the filtered list as CSV', async () => {
    const { total } = (await admin.get('/api/customers/count')).body as { total: number };
    assert.ok(total > 50, 'more customers than one page of 50');
    const page = await suite.newPage();
    await loginAs(page, 'admin', { path: '/customers' });
    await page
      .getByTestId('list-total')
      .filter({ hasText: `共 ${total} 条` })
      .waitFor();
    await waitForRowCount(page, 'customer-table', 20);
    await page.getByLabel('每页').selectOption('50');
    await waitForRowCount(page, 'customer-table', 50);

    await page.getByLabel('客户等级').selectOption('vip');
    const vip = (await admin.get('/api/customers/count?level=vip')).body.total as number;
    await page
      .getByTestId('list-total')
      .filter({ hasText: `共 ${vip} 条` })
      .waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出 CSV' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^customers-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile((await download.path())!, 'utf8'))
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    assert.equal(lines.length, vip + 1);
    assert.ok(
      lines.slice(1).every((l) => l.includes(',VIP,')),
      'every exported row is a VIP, as filtered',
    );
  });
});
