import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { MANIFEST_SETTINGS, tableSums, type TableSum } from './manifest.ts';
import { backupError } from './backup.errors.ts';

/**
 * `pg_dump -Fc` of the whole database, and the table sums, from one snapshot: the sums run in a REPEATABLE READ
 * transaction that exports its snapshot, and pg_dump reads through that snapshot (`--snapshot`), so the manifest
 * describes exactly the rows in the dump while the application keeps writing. Uncompressed: the archive is gzipped.
 */
export async function dumpPostgres(pool: pg.Pool, databaseUrl: string, file: string): Promise<TableSum[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const {
      rows: [{ snapshot }],
    } = await client.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
    await client.query(MANIFEST_SETTINGS);
    const tables = await tableSums(async (text) => (await client.query(text)).rows);
    await runTool('pg_dump', [
      '--format=custom',
      '--compress=0',
      `--snapshot=${snapshot}`,
      `--file=${file}`,
      `--dbname=${databaseUrl}`,
    ]);
    await client.query('COMMIT');
    return tables;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Restores a dump into an empty database, all or nothing. */
export async function restorePostgres(file: string, databaseUrl: string): Promise<void> {
  await runTool('pg_restore', [
    '--no-owner',
    '--no-privileges',
    '--exit-on-error',
    '--single-transaction',
    `--dbname=${databaseUrl}`,
    file,
  ]);
}

/** Whether the database already holds tables (a restore then needs --force). */
export async function holdsPostgresTables(databaseUrl: string): Promise<boolean> {
  return withClient(databaseUrl, async (client) => {
    const { rows } =
      await client.query(`SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`);
    return rows[0].n > 0;
  });
}

/** Empties the public schema (restore --force). */
export async function clearPostgres(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, (client) => client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public'));
}

/** A new, empty database on the same server, for verifying a backup; `drop()` removes it. */
export async function scratchPostgres(databaseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `lianxi_verify_${randomBytes(6).toString('hex')}`;
  await withClient(databaseUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withClient(databaseUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}

async function withClient<T>(databaseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Runs pg_dump or pg_restore (from postgresql-client), failing with its own error text. */
function runTool(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'ENOENT' ? backupError('BACKUP_TOOL_MISSING', { command }) : err),
    );
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${stderr.trim()}`)),
    );
  });
}
