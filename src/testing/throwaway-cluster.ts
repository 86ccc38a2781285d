import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chownSync, existsSync, globSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './server-process.ts';

/**
 * A PostgreSQL cluster of a test's own, on a free loopback port, in a temporary directory: something a test may stop
 * and restart without touching the shared server. Needs PostgreSQL's server binaries (Debian's `postgresql` package).
 */
export interface ThrowawayCluster {
  url: string;
  stop(): void;
  start(): void;
  /**
   * `pg_ctl restart -m fast`: what an operator's restart does to the connections of a running app. Asynchronous, so a
   * test's load goes on while the database is down; resolves once it accepts connections again.
   */
  restart(): Promise<void>;
  destroy(): Promise<void>;
}

/** Where initdb and pg_ctl are, or why a cluster cannot be made here (the test then skips with that reason). */
export function clusterBinaries(): { bin: string } | { missing: string } {
  const bin = globSync('/usr/lib/postgresql/*/bin/initdb')
    .sort()
    .pop()
    ?.replace(/\/initdb$/, '');
  if (!bin) return { missing: 'PostgreSQL server binaries (initdb) are not installed: apt-get install postgresql' };
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0)
    return { missing: 'running as root, and there is no postgres user to run initdb as' };
  return { bin };
}

export async function startThrowawayCluster(bin: string): Promise<ThrowawayCluster> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lianxi-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim();
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim();
    chownSync(dir, Number(ids), Number(gid));
  }
  const command = (tool: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
  const run = (tool: string, args: string[]) => {
    const result = spawnSync(...command(tool, args), { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  };
  const data = path.join(dir, 'data');
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  const ctlArgs = (args: string[]) => ['-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '60', ...args];
  const ctl = (...args: string[]) => run('pg_ctl', ctlArgs(args));
  const options = ['-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`];
  ctl('start', ...options);
  let restarting: Promise<void> | undefined;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => ctl('stop', '-m', 'fast'),
    start: () => ctl('start', ...options),
    restart: () => {
      restarting = promisify(execFile)(...command('pg_ctl', ctlArgs(['restart', '-m', 'fast', ...options]))).then(
        () => undefined,
      );
      return restarting;
    },
    destroy: async () => {
      await restarting?.catch(() => {});
      if (existsSync(path.join(data, 'postmaster.pid'))) ctl('stop', '-m', 'immediate');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
