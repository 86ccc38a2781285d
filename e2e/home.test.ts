import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loginAs, screenshot, startBrowserSuite, type BrowserSuite } from './support/browser.ts';

describe('home page', () => {
  let suite: BrowserSuite;
  before(async () => {
    suite = await startBrowserSuite({ demoCustomers: 40 });
  });
  after(async () => {
    await suite?.close();
  });

  test('an admin lands on the home page with the month key figures and its queues', async () => {
    const page = await suite.newPage();
    await loginAs(page, 'admin', { path: '/' });
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    assert.match(await page.getByTestId('home-figures').innerText(), /在网客户/);
    assert.match(await page.getByTestId('home-queues').innerText(), /我的工单/);
    await screenshot(page, 'home');
  });

  test('a telemarketer without statistics rights sees no key figures', async () => {
    const page = await suite.newPage();
    await loginAs(page, 'zhaolei', { path: '/' });
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    assert.equal(await page.getByTestId('home-figures').count(), 0);
  });
});
