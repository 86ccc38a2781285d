/**
 * Browser tests drive Debian's Chromium through playwright-core against a real Lianxi CRM (PGlite, demo data)
 * serving the built web app from web/dist (`npm test` builds it first). Each test gets a fresh browser context
 * (no cookies, no localStorage) and logs in through the login page, as a person would.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../src/testing/test-app.ts';
import { chromiumPath } from './chromium.ts';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];
/**
 * Where screenshot() writes: test-results/screenshots (git-ignored), so a test run never rewrites a tracked file.
 * `npm run screenshots` sets LIANXI_SCREENSHOTS_DIR to docs/screenshots to refresh the README's pictures.
 */
const SCREENSHOTS = path.resolve(
  process.env.LIANXI_SCREENSHOTS_DIR || path.resolve(import.meta.dirname, '../../test-results/screenshots'),
);
const WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');

export interface BrowserSuite {
  app: TestApp;
  baseUrl: string;
  /** A page in a fresh context (own cookies and storage), 1280×800, Simplified Chinese. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Copies the built web app to a private directory for this test file's server: `npm test` (or anyone's `npm run build:web`)
 * may rebuild web/dist while browser tests run, and a half-written build must not reach them. Retries until the copy is whole:
 * index.html and every asset it references.
 */
async function snapshotWebBuild(): Promise<string> {
  const target = mkdtempSync(path.join(tmpdir(), 'lianxi-web-'));
  for (let attempt = 0; ; attempt++) {
    try {
      cpSync(WEB_DIST, target, { recursive: true });
      const html = readFileSync(path.join(target, 'index.html'), 'utf8');
      const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]);
      if (assets.length > 0 && assets.every((a) => existsSync(path.join(target, a)))) return target;
    } catch {
      // a file vanished mid-copy: the build is being rewritten
    }
    if (attempt === 60) throw new Error('web/dist is missing or incomplete: run `npm run build:web`');
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** `database` and `config` go to startTestApp (a PGlite data directory instead of memory, a backup folder…). */
export async function startBrowserSuite(
  opts: Pick<NonNullable<Parameters<typeof startTestApp>[1]>, 'demoCustomers' | 'database' | 'config'> = {},
): Promise<BrowserSuite> {
  const webDist = await snapshotWebBuild();
  const app = await startTestApp('pglite', { ...opts, config: { ...opts.config, webDist } });
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  } catch (err) {
    await app.close();
    rmSync(webDist, { recursive: true, force: true });
    throw err;
  }
  const contexts: BrowserContext[] = [];
  return {
    app,
    baseUrl: app.baseUrl,
    async newPage() {
      const context = await browser.newContext({
        baseURL: app.baseUrl,
        viewport: { width: 1280, height: 800 },
        locale: 'zh-CN',
      });
      context.setDefaultTimeout(30_000); // generous: the suite shares 2 cores with API tests
      contexts.push(context);
      return context.newPage();
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await app.close();
      rmSync(webDist, { recursive: true, force: true });
    },
  };
}

/** Logs in through the login page (opening `path` first, so the app lands there afterwards). */
export async function loginAs(
  page: Page,
  username: string,
  opts: { password?: string; path?: string } = {},
): Promise<void> {
  await page.goto(opts.path ?? '/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(opts.password ?? ADMIN_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('user-menu').waitFor();
}

/** Saves a screenshot of the page as <name>.png under SCREENSHOTS (docs/screenshots only through `npm run screenshots`). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** Waits until the table (by data-testid) shows exactly `count` rows, e.g. a search's answer replacing the previous page. */
export async function waitForRowCount(page: Page, testId: string, count: number): Promise<void> {
  await page.waitForFunction(
    ([id, n]) =>
      (
        globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }
      ).document.querySelectorAll(`[data-testid="${id}"] tbody tr`).length === n,
    [testId, count] as const,
  );
}
