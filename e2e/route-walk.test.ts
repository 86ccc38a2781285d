/**
 * Issue 12's route walk: the admin opens every staff page of the web app, in Chinese and in English, and each page must
 * show no console or page error, fit a 390 px phone without scrolling sideways, speak English in the English UI's
 * headings/buttons/labels/table headers/nav links, and show no raw snake_case codes in the Chinese UI.
 * The routes come from the features' route tables (web/src/features/<f>/<f>-feature.tsx, gathered by web/src/app/features.tsx);
 * a route with an :id opens the first record linked from its list.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { loginAs, startBrowserSuite, type BrowserSuite } from './support/browser.ts';
import { createCustomer, regionId } from './support/customers.ts';
import { thisMonth } from '../src/platform/clock.ts';
import { seedThesisProfiles } from '../src/modules/segmentation/segmentation-test-support.ts';

const WEB_APP = path.resolve(import.meta.dirname, '../web/src/app');

/** Every `{ path: '…' }` of the route table: the feature files that features.tsx imports, read as text (they are TSX). */
function staffRoutes(): string[] {
  const registry = readFileSync(path.join(WEB_APP, 'features.tsx'), 'utf8');
  const files = [...registry.matchAll(/from '(\.\.\/features\/[^']+)'/g)].map((m) => path.resolve(WEB_APP, m[1]));
  const routes = files.flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/\{\s*path:\s*'([^']+)'/g)].map((m) => m[1]),
  );
  assert.ok(routes.length > 30, `found ${routes.length} routes in the route table`);
  return routes;
}

/** Where the first record of an :id route is linked from. */
const LIST_OF: Record<string, string> = {
  '/customers/:id': '/customers',
  '/segmentation/runs/:id': '/segmentation',
  '/knowledge/articles/:id': '/knowledge',
  '/knowledge/questions/:id': '/knowledge/questions',
  '/system/roles/:id': '/system/roles',
  '/work-orders/:id': '/work-orders?queue=all',
};

/**
 * Known defects the walk finds whose fix is larger than a line; each entry names the route, the check and the offending text,
 * and why it stays for now. The walk fails on anything else.
 */
const KNOWN: { route: string; check: string; text: RegExp; why: string }[] = [
  // Not a defect: the customer's name (user data) is the heading of their 360° page.
  { route: '/customers/:id', check: 'cjk', text: /^邹明远/, why: 'customer name as heading' },
  // Not a defect: an article's and a question's title (authored content, in the language it was written in) is its heading.
  { route: '/knowledge/articles/:id', check: 'cjk', text: /./, why: 'article title as heading' },
  { route: '/knowledge/questions/:id', check: 'cjk', text: /./, why: 'question title as heading' },
  // Defect, larger than a line: a run stores one name per cluster, seeded from the Chinese suggestion; the profile table's
  // headers show the stored names. Needs names kept per language (or seeded in the creator's language) in segmentation.
  { route: '/segmentation/runs/:id', check: 'cjk', text: /族|主流/, why: 'cluster names stored in Chinese only' },
  // Defect, cause not yet found: on the system pages with a DataTable (employees, API tokens; /system opens employees) the
  // table widens the page at 390 px although it sits in a .table-wrap that scrolls elsewhere (customers, work orders).
  ...['/system', '/system/employees', '/system/api-tokens'].map((route) => ({
    route,
    check: 'overflow',
    text: /table\.table/,
    why: 'system table widens the page on a phone',
  })),
];

const LABELLED = 'h1, h2, h3, h4, button, label, th, nav a';
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const SNAKE = /\b[a-z]+_[a-z_]+\b/;

/**
 * In the browser: null when the page fits its width, else the width and the outermost elements sticking out (to name the culprit).
 * A string, so playwright ships it as is (the test's own TypeScript has no DOM types).
 */
const WIDER_THAN_SCREEN = `(() => {
  const root = document.scrollingElement;
  if (root.scrollWidth <= root.clientWidth + 1) return null;
  const out = (el) => el.getBoundingClientRect().right > root.clientWidth + 1;
  const culprits = [...document.querySelectorAll('main *')].filter((el) => out(el) && !out(el.parentElement));
  return root.scrollWidth + ' > ' + root.clientWidth + ': ' + culprits.slice(0, 3).map((el) => el.tagName.toLowerCase() + '.' + [...el.classList].join('.')).join(' ');
})()`;

/**
 * Not the UI's own words: the language switch (中文 / English in their own script, on purpose), the user menu (the signed-in
 * person's name) and identifiers set in monospace (usernames, role codes, numbers: data shown as entered).
 */
const NOT_UI_TEXT = '.lang-switch, [data-testid="user-menu"], .mono';

/**
 * Visible texts of the elements matched by `selector`, without NOT_UI_TEXT (nor its parts inside a matched element)
 * and without anything inside an element matching `skip`.
 */
async function visibleTexts(page: Page, selector: string, skip = NOT_UI_TEXT): Promise<string[]> {
  // The test's TypeScript has no DOM types: the little of the DOM used here, typed by hand.
  interface El {
    innerText: string;
    checkVisibility(): boolean;
    closest(s: string): El | null;
    querySelectorAll(s: string): Iterable<El>;
  }
  return page.evaluate(
    ([selector, skip, notUiText]) =>
      [...(globalThis as unknown as { document: El }).document.querySelectorAll(selector)]
        .filter((el) => el.checkVisibility() && !el.closest(skip))
        .map((el) =>
          [...el.querySelectorAll(notUiText)]
            .reduce((text, part) => text.replace(part.innerText, ''), el.innerText)
            .trim(),
        )
        .filter(Boolean),
    [selector, skip, NOT_UI_TEXT] as const,
  );
}

/** Resolves an :id route to the first matching link on its list page (null when the list has none). */
async function firstRecord(page: Page, route: string, staticRoutes: string[]): Promise<string | null> {
  const list = LIST_OF[route];
  assert.ok(list, `${route} needs an entry in LIST_OF`);
  await page.goto(list);
  await page.waitForLoadState('networkidle');
  const pattern = `^${route.replace(':id', '[^/?#]+')}$`;
  const hrefs = await page
    .locator('a[href]')
    .evaluateAll((as) => as.map((a) => new URL((a as unknown as { href: string }).href).pathname));
  return hrefs.find((h) => new RegExp(pattern).test(h) && !staticRoutes.includes(h)) ?? null;
}

describe('every staff page, in Chinese and in English', () => {
  let suite: BrowserSuite;
  before(async () => {
    suite = await startBrowserSuite({ demoCustomers: 6 });
    // One work order, so /work-orders/:id has a record to open.
    const admin = await suite.app.login('admin');
    const customer = await createCustomer(admin, { name: '邹明远', regionId: await regionId(admin, 'JN') });
    const types = new Map<string, string>(
      (await admin.get('/api/work-orders/types')).body.items.map((t: { code: string; id: string }) => [t.code, t.id]),
    );
    const created = await admin.post('/api/work-orders', {
      customerId: customer.id,
      typeId: types.get('fault'),
      subtypeId: types.get('broadband_down'),
      businessType: 'broadband',
      contactPhone: '13912345678',
      description: '宽带无法上网',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    // One segmentation run (over seeded usage), so /segmentation/runs/:id has one too.
    const active = await suite.app.services.db
      .selectFrom('customers')
      .select('id')
      .where('status', '=', 'active')
      .execute();
    await seedThesisProfiles(
      suite.app,
      active.map((r) => r.id),
      [thisMonth()],
    );
    const run = await admin.post('/api/segmentation/runs', { month: thisMonth(), k: 3, seed: 7 });
    assert.equal(run.status, 202, JSON.stringify(run.body));
    await suite.app.services.jobs.runDue();
  });
  after(async () => {
    await suite?.close();
  });

  for (const lang of ['zh', 'en'] as const) {
    test(`admin walks every route in ${lang === 'zh' ? 'Chinese' : 'English'}`, async () => {
      const routes = staffRoutes();
      const staticRoutes = routes.filter((r) => !r.includes(':'));
      const page = await suite.newPage();
      await loginAs(page, 'admin');
      if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
      // Listening from here on: the login page's own 401 (who am I, before signing in) is expected.
      const errors: string[] = [];
      let current = '';
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`${current}: console: ${msg.text()}`);
      });
      page.on('pageerror', (err) => errors.push(`${current}: page error: ${err.message}`));

      const findings: string[] = [];
      const report = (route: string, check: string, text: string) => {
        if (!KNOWN.some((k) => k.route === route && k.check === check && k.text.test(text)))
          findings.push(`${route} [${check}] ${text}`);
      };
      for (const route of routes) {
        current = route;
        const url = route.includes(':') ? await firstRecord(page, route, staticRoutes) : route;
        if (!url) {
          findings.push(`${route}: its list ${LIST_OF[route]} links no record`);
          continue;
        }
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.goto(url);
        await page.waitForLoadState('networkidle');
        await page.locator('main h1, main h2').first().waitFor();

        if (lang === 'en') {
          // A name inside a table cell (a product's name as its edit button) is data, as the cell is.
          for (const text of await visibleTexts(page, LABELLED, `${NOT_UI_TEXT}, td`))
            if (CJK.test(text)) report(route, 'cjk', text);
        } else {
          for (const text of await visibleTexts(page, `${LABELLED}, td`)) {
            const code = text.match(SNAKE);
            if (code) report(route, 'snake_case', code[0]);
          }
        }

        await page.setViewportSize({ width: 390, height: 844 });
        const overflow = (await page.evaluate(WIDER_THAN_SCREEN)) as string | null;
        if (overflow) report(route, 'overflow', overflow);
      }
      for (const e of errors) report(e.slice(0, e.indexOf(':')), 'error', e);
      assert.deepEqual(findings, [], findings.join('\n'));
    });
  }
});
