/**
 * `npm test`: lints (formatting, lint rules, module boundaries), type-checks, builds the web app (the browser tests load it), then runs every test file,
 * unit, API and browser, with node's test runner. API tests run on PGlite, and on PostgreSQL too when
 * DATABASE_URL is set. Extra arguments narrow the run to matching files: `npm test -- customers`.
 */
import { spawnSync } from 'node:child_process';
import { globSync } from 'node:fs';

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const filters = process.argv.slice(2);
if (!process.env.SKIP_LINT) run('npm', ['run', '--silent', 'lint']);
if (!process.env.SKIP_TYPECHECK) run('npx', ['--no-install', 'tsc', '-p', 'tsconfig.json', '--noEmit']);
if (!process.env.SKIP_WEB_BUILD && globSync('web/index.html').length) {
  run('npx', ['--no-install', 'tsc', '-p', 'web/tsconfig.json', '--noEmit']);
  run('npx', ['--no-install', 'vite', 'build', 'web', '--logLevel', 'warn']);
}
const files = globSync(['src/**/*.test.ts', 'e2e/**/*.test.ts']).sort()
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
console.log(`Running ${files.length} test files on ${process.env.DATABASE_URL ? 'PGlite and PostgreSQL' : 'PGlite'}`);
run(process.execPath, ['--test', '--test-concurrency=2', '--test-timeout=300000', ...files]);
