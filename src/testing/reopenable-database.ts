import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type DbKind } from '../platform/db.ts';
import { freshDatabase, type OpenedDatabase } from './test-app.ts';

/**
 * A database that outlives one app instance, for tests of what survives a restart: a PGlite data
 * directory in a temp folder, or a fresh database on the server. `open()` gives a new connection each
 * time (pass it to `startTestApp(kind, { database })`; closing the app closes only the connection);
 * `destroy()` removes the database at the end.
 */
export async function reopenableDatabase(
  kind: DbKind,
): Promise<{ open(): Promise<OpenedDatabase>; destroy(): Promise<void> }> {
  if (kind === 'pglite') {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'lianxi-pglite-'));
    return {
      open: async () => {
        const database = await openDatabase({ dataDir });
        return { database, drop: () => database.close() };
      },
      destroy: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const server = await freshDatabase(kind);
  await server.database.close();
  return {
    open: async () => {
      const database = await openDatabase({ databaseUrl: server.url, poolSize: 10 });
      return { database, drop: () => database.close() };
    },
    // drop() closes the (already closed) first handle again, then drops the database.
    destroy: () => server.drop(),
  };
}
