import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addMonths, thisMonth } from '../src/platform/clock.ts';
import { customerOnPackage, USAGE_HEADER } from '../src/modules/billing/billing-test-support.ts';
import { loginAs, startBrowserSuite, type BrowserSuite } from './support/browser.ts';

const ROWS = 330_000;

/** A monthly usage file of about 20 MB, written to disk (the browser reads it from there, as from a user's disk). */
async function writeUsageFile(path: string, month: string): Promise<void> {
  const out = createWriteStream(path);
  out.write(USAGE_HEADER + '\n');
  for (let i = 0; i < ROWS; i += 10_000) {
    let text = '';
    for (let j = i; j < i + 10_000; j++) {
      const day = String(1 + (j % 28)).padStart(2, '0');
      text += `L${String(j).padStart(9, '0')},${j % 2 ? '13500000011' : '13500000012'},call,local,out,${month}-${day} 10:00:00,60,busy\n`;
    }
    if (!out.write(text)) await once(out, 'drain');
  }
  out.write(`L-BAD,13599999999,call,local,out,${month}-01 10:00:00,60,busy\n`);
  out.end();
  await once(out, 'finish');
}

describe('a large usage file through the import page', () => {
  let suite: BrowserSuite;
  let dir: string;
  before(async () => {
    suite = await startBrowserSuite();
    const admin = await suite.app.login('admin');
    await customerOnPackage(suite.app, admin, '13500000011', [{ code: '5G-SILVER', startsOn: '2026-01-01' }]);
    await customerOnPackage(suite.app, admin, '13500000012', [{ code: '5G-GOLD', startsOn: '2026-01-01' }]);
    dir = mkdtempSync(join(tmpdir(), 'lianxi-large-'));
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await suite?.close();
  });

  test('previews from the start of the file, shows the upload going up, imports every row and reports the bad one', async () => {
    const path = join(dir, '月度话单.csv');
    await writeUsageFile(path, addMonths(thisMonth(), -2));
    assert.ok(statSync(path).size > 20 * 1024 * 1024);
    const page = await suite.newPage();
    await loginAs(page, 'admin', { path: '/billing/imports' });
    await page.getByLabel(/^文件（CSV/).setInputFiles(path);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    assert.equal(await preview.locator('tbody tr').count(), 10);
    const mapping: [RegExp, string][] = [
      [/^记录号/, 'record_id'],
      [/^客户/, 'phone'],
      [/^业务类型/, 'type'],
      [/^通话类型/, 'call_type'],
      [/^呼叫方向/, 'direction'],
      [/^开始时间/, 'start_time'],
      [/^数量/, 'quantity'],
      [/^忙闲时/, 'period'],
    ];
    for (const [label, column] of mapping) await page.getByLabel(label).selectOption(column);
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.getByTestId('import-progress').waitFor();
    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: 240_000 });
    assert.match(await report.getByRole('status').innerText(), new RegExp(`成功 ${ROWS} 行，失败 1 行`));
    // The progress stays at the whole file once it has gone up.
    assert.match(await page.getByTestId('import-progress').innerText(), /已上传 2\d\.\d MB/);
    assert.equal(await page.getByLabel('上传进度').getAttribute('value'), '100');
    assert.match(
      await page.getByTestId('import-errors').innerText(),
      new RegExp(`${ROWS + 2}\\s+找不到客户“13599999999”`),
    );
  });
});
