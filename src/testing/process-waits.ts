import type { ChildProcess } from 'node:child_process';

/** Resolves with the child's exit code (null when a signal ended it, as kill -9 does). */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/**
 * Asks every 100 ms until `check` answers something other than undefined. The bound (two minutes by default) is not
 * a timed assertion: it only makes a broken run fail instead of hanging.
 */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  { seconds = 120 }: { seconds?: number } = {},
): Promise<T> {
  for (let i = 0; i < seconds * 10; i++) {
    const found = await check();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}
