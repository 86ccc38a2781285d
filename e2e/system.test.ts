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
  after(async () => { await suite?.close(); });

  const roleOf = async (code: string) =>
    ((await api.get('/api/roles')).body.items as { code: string; permissions: string[]; dataScope: string }[]).find((r) => r.code === code)!;
  const employeeRow = (username: string) => admin.getByTestId('employee-table').locator('tbody tr').filter({ hasText: username });

  test('the org tree shows the branch, and a new team is added under the call centre', async () => {
    const callCentre = admin.getByRole('treeitem', { name: '呼叫中心', exact: true });
    await callCentre.getByRole('treeitem', { name: '外呼一组' }).waitFor();
    await callCentre.locator('> .org-tree__row').getByRole('button', { name: '添加下级' }).click();
    const dialog = admin.getByRole('dialog', { name: '在「呼叫中心」下添加机构' });
    await dialog.getByRole('textbox', { name: '名称', exact: true }).fill('外呼二组');
    await dialog.getByLabel('英文名称').fill('Outbound team 2');
    await dialog.getByLabel('代码').fill('CC-T2');
    assert.equal(await dialog.getByLabel('类型').inputValue(), 'team', 'a unit under a department is most likely a team');
    await dialog.getByRole('button', { name: '保存' }).click();
    await callCentre.getByRole('treeitem', { name: '外呼二组' }).waitFor();

    const units = (await api.get('/api/org-units')).body.items as { id: string; code: string; parentId: string; kind: string }[];
    const team = units.find((u) => u.code === 'CC-T2');
    assert.equal(team?.parentId, units.find((u) => u.code === 'CC')!.id);
    assert.equal(team?.kind, 'team');
  });

  test('an administrator creates a telemarketer in the call-centre team', async () => {
    await admin.getByRole('link', { name: '员工', exact: true }).click();
    await admin.getByRole('button', { name: '新建员工' }).click();
    const dialog = admin.getByRole('dialog', { name: '新建员工' });
    await dialog.getByLabel('用户名').fill(newcomer.username);
    await dialog.getByLabel('初始密码').fill('short');
    await dialog.getByLabel('姓名').fill(newcomer.name);
    const team = await dialog.getByLabel('所属机构').locator('option', { hasText: '外呼一组' }).getAttribute('value');
    await dialog.getByLabel('所属机构').selectOption(team!);
    await dialog.getByLabel('电话营销员').check();
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('密码至少 8 个字符').waitFor();
    await dialog.getByLabel('初始密码').fill(newcomer.password);
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });

    await admin.getByLabel('搜索员工').fill(newcomer.username);
    await admin.getByLabel('搜索员工').press('Enter');
    const row = employeeRow(newcomer.username);
    await row.waitFor();
    assert.match(await row.innerText(), /李小明[\s\S]*外呼一组[\s\S]*电话营销员[\s\S]*在职/);
    await screenshot(admin, 'system-employees');

    const created = (await api.get('/api/employees?q=xiaoming')).body.items[0];
    const roles = (await api.get('/api/roles')).body.items as { id: string; code: string }[];
    assert.deepEqual(created.roleIds, [roles.find((r) => r.code === 'telemarketer')!.id]);
    assert.equal(created.orgUnitId, team);
  });

  test('the role editor gives telemarketers their team\'s customers and the export action', async () => {
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
    await screenshot(admin, 'system-roles');
    await admin.getByRole('button', { name: '保存' }).click();
    const row = admin.getByTestId('role-table').locator('tbody tr').filter({ hasText: 'telemarketer' });
    await row.filter({ hasText: '本班组' }).waitFor();

    const role = await roleOf('telemarketer');
    assert.deepEqual([...role.permissions].sort(), [...before.permissions, 'customers:export'].sort(), 'only the ticked box was added');
    assert.equal(role.dataScope, 'team');
  });

  test('the new telemarketer signs in and sees masked phones, and no system management', async () => {
    telemarketer = await suite.newPage();
    await loginAs(telemarketer, newcomer.username, { password: newcomer.password });
    const phones = telemarketer.getByTestId('customer-table').getByTestId('phone');
    await phones.first().waitFor();
    const shown = await phones.allInnerTexts();
    assert.ok(shown.length > 0, 'the team\'s customers are listed');
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

    const call = () => fetch(`${suite.baseUrl}/api/customers?limit=1`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal((await call()).status, 200);
    await shown.getByRole('button', { name: '我已保存' }).click();

    const row = admin.getByTestId('token-table').locator('tbody tr').filter({ hasText: '计费系统对接' });
    await row.filter({ hasText: token.slice(0, 8) }).waitFor();
    await row.filter({ hasText: '有效' }).waitFor();
    await row.getByRole('button', { name: '吊销' }).click();
    await admin.getByRole('dialog', { name: '吊销令牌' }).getByRole('button', { name: '吊销' }).click();
    await row.filter({ hasText: '已吊销' }).waitFor();
    assert.equal((await call()).status, 401);
  });

  test('the audit log filters to the employee\'s sign-in, and shows the disabling field by field', async () => {
    await admin.getByRole('link', { name: '审计日志' }).click();
    const filters = admin.getByRole('search', { name: '审计日志' });
    await filters.getByLabel('操作人').fill(newcomer.name);
    await filters.getByLabel('操作', { exact: true }).fill('login');
    await filters.getByRole('button', { name: '查询' }).click();
    const rows = admin.getByTestId('audit-table').locator('tbody tr[data-row-id]');
    await admin.waitForURL(/action=login/);
    await rows.first().filter({ hasText: '登录' }).waitFor();
    const texts = await rows.allInnerTexts();
    assert.equal(texts.length, 1, 'one successful sign-in (the refused one after disabling is a login_failed)');
    assert.match(texts[0], /李小明[\s\S]*登录[\s\S]*登录会话/);
    await rows.first().getByRole('button', { name: /展开/ }).click();
    await admin.getByTestId('audit-changes').filter({ hasText: newcomer.username }).waitFor();

    const employeeId = (await api.get('/api/employees?q=xiaoming')).body.items[0].id as string;
    await filters.getByRole('button', { name: '清除条件' }).click();
    await filters.getByLabel('对象类型').fill('employee');
    await filters.getByLabel('对象编号').fill(employeeId);
    await filters.getByRole('button', { name: '查询' }).click();
    await admin.waitForURL(new RegExp(`entityId=${employeeId}`));
    const disabled = rows.filter({ hasText: '停用' });
    await disabled.waitFor();
    assert.equal(await rows.count(), 2, 'created, then disabled');
    await disabled.getByRole('button', { name: /展开/ }).click();
    const changes = admin.getByTestId('audit-changes');
    await changes.filter({ hasText: 'status' }).waitFor();
    assert.match(await changes.innerText(), /status\s+active\s+disabled/);
    await screenshot(admin, 'audit-log');
  });
});
