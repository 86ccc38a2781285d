import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openDatabase } from '../src/platform/db.ts';
import { loginAs, screenshot, startBrowserSuite, waitForRowCount, type BrowserSuite } from './support/browser.ts';

/** An administrator backs up from the system pages and sees the backup verified, with a download and the restore commands. */
describe('backup and restore page', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'lianxi-e2e-backup-'));
  const dataDir = path.join(scratch, 'data');
  let suite: BrowserSuite;
  let admin: Page;

  before(async () => {
    const database = await openDatabase({ dataDir });
    suite = await startBrowserSuite({
      database: { database, drop: () => database.close() },
      config: { dataDir, backupDir: path.join(scratch, 'backups') },
    });
    admin = await suite.newPage();
    await loginAs(admin, 'admin', { path: '/system/backups' });
  });
  after(async () => {
    await suite?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  test('backs up now, shows the backup verified with its size, and offers the download and the restore commands', async () => {
    await admin.getByRole('link', { name: '备份与恢复' }).waitFor();
    await admin.getByText('还没有备份').waitFor();
    await admin.getByRole('button', { name: '立即备份' }).click();
    await admin.getByRole('button', { name: '正在备份…' }).waitFor();
    // The jobs runner is not started in tests: run the queued backup here, as the jobs process would.
    await suite.app.services.jobs.runDue();
    await waitForRowCount(admin, 'backup-table', 1);
    const row = admin.getByTestId('backup-table').locator('tbody tr').first();
    await row.getByText('已验证').waitFor();
    assert.match(await row.innerText(), /\d+\.\d MB/);
    const href = await row.getByRole('link', { name: '下载' }).getAttribute('href');
    assert.match(href!, /^\/api\/backups\/lianxi-backup-\d{8}T\d{9}Z\.tar\.gz$/);
    await admin.getByText('npm run restore -- lianxi-backup-….tar.gz').waitFor();
    for (const toast of await admin.locator('.toast').all()) await toast.click().catch(() => {});
    await screenshot(admin, 'system-backups');
  });

  test('is not offered to an account manager', async () => {
    const manager = await suite.newPage();
    await loginAs(manager, 'zhangwei', { path: '/system/backups' });
    await manager.getByText('页面不存在').waitFor();
    assert.equal(await manager.getByRole('button', { name: '立即备份' }).count(), 0);
  });
});
