import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  return port;
}

/**
 * Starts Lianxi CRM as `node src/main.ts` in a child process, so that autocannon in the bench process does not
 * share the server's event loop (they still share the machine's cores). Request logging is off (LOG_LEVEL=warn):
 * one pino line per request would be measured as part of every lookup. Background jobs are off (LIANXI_JOBS=0).
 */
export async function startServer(
  env: Record<string, string>,
): Promise<{ baseUrl: string; pid: number; cpuMs(): number; exitCode(): number | null; stop(): Promise<void> }> {
  const port = await freePort();
  // LIANXI_JOBS=0: first-start jobs (the churn module scores every customer, say) would otherwise run during the
  // lookups and be measured as part of them; a section measures its jobs on its own.
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    LIANXI_DEMO: '0',
    LIANXI_JOBS: '0',
    ...env,
  };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, ['src/main.ts'], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = once(child, 'exit');
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error('the server did not start within 3 minutes');
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    /** For a fault test's kill -9. */
    pid: child.pid!,
    cpuMs: () => processCpuMs(child.pid!),
    /** null while the server runs; a fault test checks it never exited on its own. */
    exitCode: () => child.exitCode ?? (child.signalCode ? -1 : null),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

/** User + system CPU time of a process in ms, from /proc (Linux; its clock ticks are 1/100 s). */
function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}
