/**
 * `npm run screenshots`: refreshes the README's pictures in docs/screenshots by running the browser tests that take them
 * with LIANXI_SCREENSHOTS_DIR pointing there (a normal test run writes them under test-results/, which git ignores).
 * Builds the web app first. Extra arguments narrow the run: `npm run screenshots -- portal`.
 */
import { spawnSync } from 'node:child_process';
import { globSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { missingChromium } from '../e2e/support/chromium.ts';

const missing = missingChromium();
if (missing) {
  console.error(missing);
  process.exit(1);
}
const filters = process.argv.slice(2);
const files = globSync('e2e/**/*.test.ts')
  .sort()
  .filter((f) => readFileSync(f, 'utf8').includes('screenshot('))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
const build = spawnSync('npx', ['--no-install', 'vite', 'build', 'web', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
console.log(`Taking screenshots from ${files.length} browser test files into docs/screenshots`);
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-timeout=300000', ...files], {
  stdio: 'inherit',
  env: { ...process.env, LIANXI_SCREENSHOTS_DIR: path.resolve('docs/screenshots') },
});
process.exit(result.status ?? 1);
