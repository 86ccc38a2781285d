import { existsSync } from 'node:fs';

/** The Chromium the browser tests drive: Debian's, or CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The one line `npm test` prints, before running anything, when a browser test is selected and there is no Chromium. */
export function missingChromium(): string | undefined {
  if (existsSync(chromiumPath)) return undefined;
  return `Browser tests (e2e/) need Chromium at ${chromiumPath}: apt-get install chromium fonts-wqy-microhei (or set CHROMIUM_PATH), or run only src/ tests: npm test -- src/`;
}
