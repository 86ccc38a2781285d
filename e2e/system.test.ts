import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { TestClient } from '../src/testing/test-client.ts';
import { loginAs, screenshot, startBrowserSuite, type BrowserSuite } from './support/browser.ts';

/**
 * An administrator's day in system management, in order: the org tree, a new telemarketer, their role's
 * permissions, what that telemarketer sees, disabling them, an integration token, and the audit trail of it all.
 */
describe('system management and the audit log', () => {
  let suite: BrowserSuite;
  let admin: Page;
  let api: TestClient;
  let telemarketer: Page;
  const newcomer = { username: 'xiaoming', password: 'xiaoming-pass-1', name: '李小明' };

  before(async () => {
    suite = await startBrowserSuite();
    api = await suite.app.login('admin');
    admin = await suite.newPage();
    await loginAs(admin, 'admin', { path: '/system/org-units' });
  });
  after(async () => {
    await suite?.close();
  });

  const roleOf = async (code: string) =>
    ((await api.get('/api/roles')).body.items as { code: string; permissions: string[]; dataScope: string }[]).find(
      (r) => r.code === code,
    )!;
  /** Toasts of earlier steps would cover the screenshot; a click dismisses each. */
  async function screenshotClean(page: Page, name: string) {
    for (const toast of await page.locator('.toast').all()) await toast.click().catch(() => {});
    await page.locator('.toast').first().waitFor({ state: 'detached' });
    await screenshot(page, name);
  }
  const employeeRow = (username: string) =>
    admin.getByTestId('employee-table').locator('tbody tr').filter({ hasText: username });

  test('the org tree shows the branch, and a new team is added under the call centre', async () => {
    const callCentre = admin.getByRole('listitem', { name: '呼叫中心', exact: true });
    await callCentre.getByRole('listitem', { name: '外呼一组' }).waitFor();
    await callCentre.locator('> .org-tree__row').getByRole('button', { name: '添加下级' }).click();
    const dialog = admin.getByRole('dialog', { name: '在「呼叫中心」下添加机构' });
    await dialog.getByRole('textbox', { name: '名称', exact: true }).fill('外呼二组');
    await dialog.getByLabel('英文名称').fill('Outbound team 2');
    await dialog.getByLabel('代码').fill('CC-T2');
    assert.equal(
      await dialog.getByLabel('类型').inputValue(),
      'team',
      'a unit under a department is most likely a team',
    );
    await dialog.getByRole('button', { name: '保存', exact: true }).click();
    await callCentre.getByRole('listitem', { name: '外呼二组' }).waitFor();
    await callCentre.getByRole('button', { name: '展开或收起 呼叫中心' }).click();
    await callCentre.getByRole('listitem', { name: '外呼一组' }).waitFor({ state: 'detached' });
    await callCentre.getByRole('button', { name: '展开或收起 呼叫中心' }).click();

    const units = (await api.get('/api/org-units')).body.items as {
      id: string;
      code: string;
      parentId: string;
      kind: string;
    }[];
    const team = units.find((u) => u.code === 'CC-T2');
    assert.equal(team?.parentId, units.find((u) => u.code === 'CC')!.id);
    assert.equal(team?.kind, 'team');
  });

  test("an empty form speaks the app's language beside each field, never the browser's bubble, in Chinese and in English", async () => {
    const page = await suite.newPage();
    await loginAs(page, 'admin', { path: '/system/employees' });
    // Every 'invalid' the browser raises is seen here; one left uncancelled would show the browser's own bubble.
    const watchInvalids = () =>
      page.evaluate(() => {
        const w = globalThis as unknown as {
          invalids: Event[];
          document: { addEventListener(t: string, f: (e: Event) => void, c: boolean): void };
        };
        w.invalids = [];
        w.document.addEventListener(
          'invalid',
          (e) => {
            w.invalids.push(e);
          },
          true,
        );
      });
    await watchInvalids();
    const bubbles = () =>
      page.evaluate(
        () => (globalThis as unknown as { invalids: Event[] }).invalids.filter((e) => !e.defaultPrevented).length,
      );
    await page.getByRole('button', { name: '新建员工' }).click();
    let dialog = page.getByRole('dialog', { name: '新建员工' });
    await dialog.getByRole('button', { name: '保存', exact: true }).click();
    await dialog
      .locator('.field', { has: page.getByLabel('用户名') })
      .getByRole('alert')
      .filter({ hasText: '必填' })
      .waitFor();
    assert.equal(await bubbles(), 0);
    await page.evaluate(() => {
      (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
        'lianxi.language',
        'en',
      );
    });
    await page.reload();
    await watchInvalids();
    await page.getByRole('button', { name: 'New employee' }).click();
    dialog = page.getByRole('dialog', { name: 'New employee' });
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog
      .locator('.field', { has: page.getByLabel('Username') })
      .getByRole('alert')
      .filter({ hasText: 'Required' })
      .waitFor();
    assert.equal(await bubbles(), 0);
    await page.close();
  });

  test('an administrator creates a telemarketer in the call-centre team', async () => {
    await admin.getByRole('link', { name: '员工', exact: true }).click();
    await admin.getByRole('button', { name: '新建员工' }).click();
    const dialog = admin.getByRole('dialog', { name: '新建员工' });
    await dialog.getByLabel('用户名').fill('zhaolei');
    await dialog.getByLabel('初始密码').fill('short');
    await dialog.getByLabel('姓名').fill(newcomer.name);
    const team = await dialog.getByLabel('所属机构').locator('option', { hasText: '外呼一组' }).getAttribute('value');
    await dialog.getByLabel('所属机构').selectOption(team!);
    await dialog.getByLabel('电话营销员').check();
    await dialog.getByRole('button', { name: '保存', exact: true }).click();
    await dialog.getByText('密码至少 10 个字符').waitFor();
    await dialog.getByLabel('初始密码').fill(newcomer.password);
    await dialog.getByRole('button', { name: '保存', exact: true }).click();
    // The server refuses a taken username; the message sits beside the field and the form keeps what was typed.
    await dialog.locator('.field__error', { hasText: '用户名已被使用' }).waitFor();
    assert.equal(await dialog.getByLabel('姓名').inputValue(), newcomer.name);
    await dialog.getByLabel('用户名').fill(newcomer.username);
    await dialog.getByRole('button', { name: '保存', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await employeeRow('zhaolei').waitFor();
    await screenshotClean(admin, 'system-employees');
    assert.equal(
      await employeeRow('admin').getByRole('button', { name: '停用' }).count(),
      0,
      'no one is offered to disable themselves',
    );
    assert.equal(await employeeRow('zhaolei').getByRole('button', { name: '停用' }).count(), 1);

    await admin.getByLabel('搜索员工').fill(newcomer.username);
    await admin.getByLabel('搜索员工').press('Enter');
    const row = employeeRow(newcomer.username);
    await row.waitFor();
    assert.equal(
      await admin.getByTestId('employee-table').locator('tbody tr').count(),
      1,
      'the search finds just them',
    );
    assert.match(await row.innerText(), /李小明[\s\S]*外呼一组[\s\S]*电话营销员[\s\S]*在职/);

    const created = (await api.get('/api/employees?q=xiaoming')).body.items[0];
    const roles = (await api.get('/api/roles')).body.items as { id: string; code: string }[];
    assert.deepEqual(created.roleIds, [roles.find((r) => r.code === 'telemarketer')!.id]);
    assert.equal(created.orgUnitId, team);
  });

  test("the role editor gives telemarketers their team's customers and the export action", async () => {
    await admin.getByRole('link', { name: '角色与权限' }).click();
    await admin.getByTestId('role-table').getByRole('link', { name: '电话营销员' }).click();
    const matrix = admin.getByTestId('permission-matrix');
    const before = await roleOf('telemarketer');
    assert.equal(await matrix.getByLabel('客户 查看', { exact: true }).isChecked(), true);
    assert.equal(await matrix.getByLabel('客户 导出', { exact: true }).isChecked(), false);
    await matrix.getByLabel('客户 导出', { exact: true }).check();
    await admin.getByLabel('数据范围').selectOption('team');
    await admin.getByText('能看到同一班组同事负责的记录。', { exact: true }).waitFor();
    await admin.getByLabel('查看敏感信息').waitFor();
    assert.equal(await admin.getByLabel('查看敏感信息').isChecked(), false);
    // Frame the matrix: the data scope at the top, the sensitive-data box at the bottom.
    await admin.getByLabel('数据范围').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshotClean(admin, 'system-roles');
    await admin.getByRole('button', { name: '保存', exact: true }).click();
    const row = admin.getByTestId('role-table').locator('tbody tr').filter({ hasText: 'telemarketer' });
    await row.filter({ hasText: '本班组' }).waitFor();

    const role = await roleOf('telemarketer');
    assert.deepEqual(
      [...role.permissions].sort(),
      [...before.permissions, 'customers:export'].sort(),
      'only the ticked box was added',
    );
    assert.equal(role.dataScope, 'team');
  });

  test('a new role is created with "all actions" on one area and a single action on another', async () => {
    await admin.getByRole('link', { name: '新建角色' }).click();
    await admin.getByRole('textbox', { name: '角色代码' }).fill('qa_auditor');
    await admin.getByRole('textbox', { name: '角色名称' }).fill('质检员');
    const matrix = admin.getByTestId('permission-matrix');
    await matrix.getByLabel('客户 导出', { exact: true }).check();
    await matrix.getByLabel('客户 全部操作', { exact: true }).check();
    // "All actions" covers each single action, which then cannot be unticked on its own.
    assert.equal(await matrix.getByLabel('客户 修改', { exact: true }).isChecked(), true);
    assert.equal(await matrix.getByLabel('客户 修改', { exact: true }).isDisabled(), true);
    await matrix.getByLabel('审计日志 查看', { exact: true }).check();
    await admin.getByLabel('数据范围').selectOption('all');
    await admin.getByRole('button', { name: '保存', exact: true }).click();
    await admin
      .getByTestId('role-table')
      .locator('tbody tr')
      .filter({ hasText: 'qa_auditor' })
      .filter({ hasText: '全部' })
      .waitFor();

    const role = await roleOf('qa_auditor');
    assert.deepEqual(
      [...role.permissions].sort(),
      ['audit:view', 'customers:*'],
      '"all actions" replaced the single customers:export',
    );
    assert.equal(role.dataScope, 'all');
  });

  test('the new telemarketer signs in and sees masked phones, and no system management', async () => {
    telemarketer = await suite.newPage();
    await loginAs(telemarketer, newcomer.username, { password: newcomer.password, path: '/customers' });
    const phones = telemarketer.getByTestId('customer-table').getByTestId('phone');
    await phones.first().waitFor();
    const shown = await phones.allInnerTexts();
    assert.ok(shown.length > 0, "the team's customers are listed");
    for (const phone of shown) assert.match(phone, /^\d{3}\*{4}\d{4}$/, `${phone} is masked`);
    const nav = telemarketer.getByRole('navigation', { name: 'main' });
    assert.equal(await nav.getByRole('link', { name: '系统管理' }).count(), 0);
    assert.equal(await nav.getByRole('link', { name: '审计日志' }).count(), 0);
    await telemarketer.goto('/system/employees');
    await telemarketer.getByTestId('not-found').waitFor();
  });

  test('disabling the employee, after a confirmation, ends their session', async () => {
    await admin.getByRole('link', { name: '员工', exact: true }).click();
    await admin.getByLabel('搜索员工').fill(newcomer.username);
    await admin.getByLabel('搜索员工').press('Enter');
    await employeeRow(newcomer.username).getByRole('button', { name: '停用' }).click();
    const confirm = admin.getByRole('dialog', { name: '停用员工' });
    await confirm.getByText('停用「李小明」后，该员工将无法登录').waitFor();
    await confirm.getByRole('button', { name: '停用' }).click();
    await employeeRow(newcomer.username).filter({ hasText: '已停用' }).waitFor();

    // Their next navigation finds the session gone and lands on the login page; signing in again is refused.
    await telemarketer.goto('/customers');
    await telemarketer.getByRole('button', { name: '登录' }).waitFor();
    await telemarketer.getByLabel('用户名').fill(newcomer.username);
    await telemarketer.getByLabel('密码').fill(newcomer.password);
    await telemarketer.getByRole('button', { name: '登录' }).click();
    await telemarketer.getByRole('alert').waitFor();
    assert.equal(await telemarketer.getByTestId('user-menu').count(), 0);
  });

  test('the employee moves team and gains a role, gets a new password, and signs in again once re-enabled', async () => {
    const row = employeeRow(newcomer.username);
    await row.getByRole('button', { name: '编辑' }).click();
    const edit = admin.getByRole('dialog', { name: '编辑员工：李小明' });
    const team2 = await edit.getByLabel('所属机构').locator('option', { hasText: '外呼二组' }).getAttribute('value');
    await edit.getByLabel('所属机构').selectOption(team2!);
    await edit.getByLabel('售后服务').check();
    await edit.getByRole('button', { name: '保存', exact: true }).click();
    await row.filter({ hasText: '外呼二组' }).filter({ hasText: '售后服务' }).waitFor();

    await row.getByRole('button', { name: '重置密码' }).click();
    const reset = admin.getByRole('dialog', { name: '重置 李小明 的密码' });
    newcomer.password = 'xiaoming-new-2';
    await reset.getByLabel('新密码').fill(newcomer.password);
    await reset.getByRole('button', { name: '重置密码' }).click();
    await reset.waitFor({ state: 'detached' });

    await row.getByRole('button', { name: '启用' }).click();
    await admin.getByRole('dialog', { name: '启用员工' }).getByRole('button', { name: '启用' }).click();
    await row.filter({ hasText: '在职' }).waitFor();

    await loginAs(telemarketer, newcomer.username, { password: newcomer.password, path: '/customers' });
    await telemarketer.getByTestId('customer-table').getByTestId('phone').first().waitFor();
    const phones = await telemarketer.getByTestId('customer-table').getByTestId('phone').allInnerTexts();
    // After-sales service may see full numbers: the role's `sensitive:view` now applies to them.
    assert.ok(
      phones.some((p) => /^\d{11}$/.test(p)),
      `phones unmasked for after-sales: ${phones.join(', ')}`,
    );
  });

  test('an API token is shown once, copied, works with Bearer, and stops working when revoked', async () => {
    await admin.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await admin.getByRole('link', { name: 'API 令牌' }).click();
    await admin.getByRole('button', { name: '新建令牌' }).click();
    const form = admin.getByRole('dialog', { name: '新建 API 令牌' });
    await form.getByLabel('名称').fill('计费系统对接');
    await form.getByRole('button', { name: '新建令牌' }).click();

    const shown = admin.getByRole('dialog', { name: '令牌已创建' });
    await shown.getByText('这是唯一一次显示完整令牌').waitFor();
    const token = await shown.getByTestId('new-token').innerText();
    assert.match(token, /^lx_/);
    await shown.getByRole('button', { name: '复制' }).click();
    await shown.getByRole('button', { name: '已复制' }).waitFor();
    assert.equal(await admin.evaluate('navigator.clipboard.readText()'), token);

    const call = () =>
      fetch(`${suite.baseUrl}/api/customers?limit=1`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal((await call()).status, 200);
    await shown.getByRole('button', { name: '我已保存' }).click();

    const row = admin.getByTestId('token-table').locator('tbody tr').filter({ hasText: '计费系统对接' });
    await row.filter({ hasText: token.slice(0, 8) }).waitFor();
    await row.filter({ hasText: '有效' }).waitFor();
    await row.getByRole('button', { name: '吊销' }).click();
    await admin.getByRole('dialog', { name: '吊销令牌' }).getByRole('button', { name: '吊销' }).click();
    await row.filter({ hasText: '已吊销' }).waitFor();
    assert.doesNotMatch(await row.innerText(), /从未使用/, 'the call through the token shows as its last use');
    assert.equal((await call()).status, 401);
  });

  test("the audit log filters to the employee's sign-in, and shows the disabling field by field", async () => {
    await admin.getByRole('link', { name: '审计日志' }).click();
    const filters = admin.getByRole('search', { name: '审计日志' });
    await filters.getByLabel('操作人').fill(newcomer.name);
    await filters.getByLabel('操作', { exact: true }).fill('login');
    await filters.getByRole('button', { name: '查询' }).click();
    const rows = admin.getByTestId('audit-table').locator('tbody tr[data-row-id]');
    await admin.waitForURL(/action=login/);
    await rows.first().filter({ hasText: '登录' }).waitFor();
    const texts = await rows.allInnerTexts();
    assert.equal(texts.length, 2, 'two successful sign-ins (the refused one while disabled is a login_failed)');
    for (const text of texts) assert.match(text, /李小明[\s\S]*登录[\s\S]*登录会话/);
    await rows.first().getByRole('button', { name: /展开/ }).click();
    await admin.getByTestId('audit-changes').filter({ hasText: newcomer.username }).waitFor();

    const employeeId = (await api.get('/api/employees?q=xiaoming')).body.items[0].id as string;
    await filters.getByRole('button', { name: '清除条件' }).click();
    // The filter takes the word the table shows (员工), not only the code (employee).
    await filters.getByLabel('对象类型').fill('员工');
    await filters.getByLabel('对象编号').fill(employeeId);
    await filters.getByRole('button', { name: '查询' }).click();
    await admin.waitForURL(new RegExp(`entity=employee&entityId=${employeeId}`));
    const disabled = rows.filter({ hasText: '停用' });
    await disabled.waitFor();
    assert.equal(await rows.count(), 5, 'created, disabled, moved, password reset, enabled');
    await disabled.getByRole('button', { name: /展开/ }).click();
    const changes = admin.getByTestId('audit-changes');
    await changes.filter({ hasText: '状态' }).waitFor();
    assert.match(await changes.innerText(), /状态\s+active\s+disabled/, 'field names are labelled, not codes');
    await screenshotClean(admin, 'audit-log');

    // Unfiltered, the demo's writes fill more than one page: "load more" appends the next, still newest first.
    await filters.getByRole('button', { name: '清除条件' }).click();
    await admin.getByText('已显示 50 条').waitFor();
    await admin.getByRole('button', { name: '加载更多' }).click();
    await admin.getByText(/已显示 (\d{3,}|[6-9]\d|5[1-9]) 条/).waitFor();
    const ids = (await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row-id')))).map(Number);
    assert.ok(ids.length > 50);
    assert.ok(
      ids.every((id, i) => i === 0 || id < ids[i - 1]),
      'newest first, no repeats across pages',
    );

    await admin.getByRole('button', { name: 'English' }).click();
    await admin.getByRole('heading', { name: 'Audit log' }).waitFor();
    await admin.getByRole('columnheader', { name: 'When' }).waitFor();
  });
});
