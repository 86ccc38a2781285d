import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import pg from 'pg';
import { testDatabases } from '../testing/test-app.ts';
import { openDatabase, type DatabaseHandle } from './db.ts';

// Only a server's connections can be ended from outside; PGlite runs in-process.
describe('a pooled PostgreSQL connection ended while idle', { skip: !testDatabases().includes('postgres') }, () => {
  const heard: Error[] = [];
  let database: DatabaseHandle;
  before(async () => {
    database = await openDatabase({
      databaseUrl: process.env.DATABASE_URL,
      poolSize: 2,
      onError: (err) => heard.push(err),
    });
  });
  after(() => database?.close());

  it('is reported to onError, and the pool goes on answering with a new connection', async () => {
    const pool = database.pool!;
    const client = await pool.connect();
    const pid: number = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    client.release();
    assert.equal(pool.idleCount, 1);

    // What a server restart does to an idle connection: another session ends it.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      assert.equal((await other.query('SELECT pg_terminate_backend($1) AS ended', [pid])).rows[0].ended, true);
    } finally {
      await other.end();
    }
    // Without a listener the pool's 'error' event would have no one to hear it and end this process here.
    for (let i = 0; i < 100 && heard.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(heard.length, 1);
    assert.match(heard[0].message, /terminat/i);

    const answer = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(database.db);
    assert.notEqual(answer.rows[0].pid, pid);
  });
});
