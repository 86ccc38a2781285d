/**
 * `npm run bench [-- section ...]`: loads a large data set, then measures the API under load beside the raw
 * database ceiling for the same work, and prints one table. Sections live in bench/sections/*.bench.ts and run
 * in file-name order; see bench/support/section.ts for their phases and docs/benchmarks.md for the figures.
 *
 * On PostgreSQL (DATABASE_URL set) the bench works in its own database (lianxi_bench, recreated each run);
 * otherwise in a PGlite directory under the temp dir. BENCH_REUSE=1 keeps an already loaded one.
 * BENCH_CUSTOMERS, BENCH_DURATION (seconds per measurement) and BENCH_CONNECTIONS (e.g. "100,1000") override the defaults.
 * `--quick` (or BENCH_QUICK=1) shortens the journey (the seed's 1,000-agent scenario) from 5 minutes to 30 s.
 */
import { globSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchTarget, loadOnce, openBenchDatabase } from './support/bench-database.ts';
import { formatTable } from './support/report.ts';
import { startServer } from '../src/testing/server-process.ts';
import type { BenchContext, BenchSection, BenchSettings, Figure } from './support/section.ts';

const started = performance.now();
const log = (message: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const chosen = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = globSync('sections/*.bench.ts', { cwd: import.meta.dirname }).sort();
const sections: BenchSection[] = [];
for (const file of files) {
  const { section } = (await import(path.join(import.meta.dirname, file))) as { section: BenchSection };
  if (chosen.length === 0 || chosen.includes(section.name)) sections.push(section);
}
if (sections.length === 0) throw new Error(`no section named ${chosen.join(', ')}; there are: ${files.join(', ')}`);

const target = benchTarget();
const settings: BenchSettings = {
  customers: Number(process.env.BENCH_CUSTOMERS ?? (target.kind === 'postgres' ? 1_000_000 : 200_000)),
  connections: (process.env.BENCH_CONNECTIONS ?? '100,1000').split(',').map(Number),
  duration: Number(process.env.BENCH_DURATION ?? 10),
  password: 'bench-password-2026',
  quick: flags.includes('--quick') || process.env.BENCH_QUICK === '1',
};
log(
  `Lianxi CRM bench on ${target.describe}; ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB; Node ${process.version}`,
);
log(
  `sections: ${sections.map((s) => s.name).join(', ')}; ${settings.customers.toLocaleString('en-US')} customers; connections ${settings.connections.join(', ')}; ${settings.duration} s each`,
);

const figures: Figure[] = [];
const database = await openBenchDatabase(target, process.env.BENCH_REUSE === '1', settings.password);
try {
  const bench: BenchContext = { settings, database, log };
  for (const s of sections)
    await s.load?.({ ...bench, once: (key, load) => loadOnce(database, key, load).then(() => undefined) });
  for (const s of sections) await s.prepare?.(bench);
  for (const s of sections) if (s.raw) figures.push(...(await s.raw(bench)));
} finally {
  await database.close();
}

log('starting the server (node src/main.ts) in a child process');
const server = await startServer(target.env);
try {
  for (const s of sections)
    if (s.api) figures.push(...(await s.api({ settings, baseUrl: server.baseUrl, log, serverCpuMs: server.cpuMs })));
} finally {
  await server.stop();
}

console.log(
  `\n${target.describe} · ${settings.customers.toLocaleString('en-US')} customers · ${os.cpus().length} cores (bench, server and database share them)\n`,
);
console.log(formatTable(figures));
console.log('');
for (const s of sections) for (const line of s.verdicts?.(figures) ?? []) console.log(line);
log('done');
