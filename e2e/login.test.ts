import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_PASSWORD } from '../src/testing/test-app.ts';
import { loginAs, screenshot, startBrowserSuite, type BrowserSuite } from './support/browser.ts';

describe('signing in', () => {
  let suite: BrowserSuite;
  before(async () => {
    suite = await startBrowserSuite();
  });
  after(async () => {
    await suite?.close();
  });

  test('a wrong password says so and keeps the form filled', async () => {
    const page = await suite.newPage();
    await page.goto('/');
    await page.getByLabel('用户名').fill('zhangwei');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    await assert.doesNotReject(page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor());
    assert.equal(await page.getByLabel('用户名').inputValue(), 'zhangwei');
    assert.equal(await page.getByLabel('密码').inputValue(), 'not-the-password');
    await screenshot(page, 'login');
  });

  test('the right password opens the app with the user name in the top bar, and logout returns to the login page', async () => {
    const page = await suite.newPage();
    await loginAs(page, 'zhangwei');
    assert.match(await page.getByTestId('user-menu').innerText(), /张伟/);
    // The landing page after sign-in is the home page (工作台).
    assert.equal(new URL(page.url()).pathname, '/');
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.getByRole('button', { name: '登录' }).waitFor();
    // The session really ended: reloading does not sign back in.
    await page.reload();
    await page.getByRole('button', { name: '登录' }).waitFor();
  });

  test('a session that ends while the app is open brings back the login page', async () => {
    const page = await suite.newPage();
    await loginAs(page, 'zhangwei');
    await page.context().clearCookies();
    // The next request is answered 401: this click's, or one the app makes by itself first (then the link is already gone).
    await page
      .getByRole('link', { name: '联系人' })
      .click({ timeout: 3000 })
      .catch(() => {});
    await page.getByRole('button', { name: '登录' }).waitFor();
    assert.equal(await page.getByTestId('user-menu').count(), 0);
  });

  test('the language switch turns the app into English and is remembered after a reload', async () => {
    const page = await suite.newPage();
    await loginAs(page, 'zhangwei');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Home' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Home' }).waitFor();
    assert.equal(
      await page
        .getByRole('link', { name: /Customers/ })
        .first()
        .isVisible(),
      true,
    );
  });

  test('five wrong passwords lock the username with a clear message', async () => {
    const page = await suite.newPage();
    await page.goto('/');
    await page.getByLabel('用户名').fill('sunli');
    for (let i = 0; i < 6; i++) {
      await page.getByLabel('密码').fill(`wrong-${i}`);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('alert').waitFor();
      await page.getByRole('button', { name: '登录' }).and(page.locator(':enabled')).waitFor();
    }
    await assert.doesNotReject(page.getByRole('alert').filter({ hasText: '锁定' }).waitFor());
  });

  test('"My account" changes the password: too short and a wrong current one are refused at their fields', async () => {
    const page = await suite.newPage();
    await loginAs(page, 'chenjie');
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '我的账户' }).click();
    const dialog = page.getByRole('dialog', { name: '修改密码' });
    await dialog.getByLabel('原密码').fill('wrong-current');
    await dialog.getByLabel(/^新密码/).fill('short');
    await dialog.getByLabel('确认新密码').fill('short');
    await dialog.getByLabel('确认新密码').press('Enter');
    await dialog.getByText('新密码至少 10 个字符').waitFor();

    await dialog.getByLabel(/^新密码/).fill('chenjie-new-2026');
    await dialog.getByLabel('确认新密码').fill('chenjie-new-2026');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog
      .locator('.field', { has: page.getByLabel('原密码') })
      .getByRole('alert')
      .filter({ hasText: '原密码不正确' })
      .waitFor();

    await dialog.getByLabel('原密码').fill(ADMIN_PASSWORD);
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').filter({ hasText: '密码已修改' }).waitFor();
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.getByRole('button', { name: '登录' }).waitFor();
    await loginAs(page, 'chenjie', { password: 'chenjie-new-2026' });
  });
});
