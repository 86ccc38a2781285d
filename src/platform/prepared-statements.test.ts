import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import pg from 'pg';
import { freshDatabase, testDatabases } from '../testing/test-app.ts';
import type { DatabaseHandle } from './db.ts';

// Prepared statements exist on a PostgreSQL server only; PGlite runs each query in-process.
describe('prepared statements on PostgreSQL', { skip: !testDatabases().includes('postgres') }, () => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let database: DatabaseHandle;
  before(async () => {
    fresh = await freshDatabase('postgres');
    database = fresh.database;
    await sql`CREATE TABLE notes (id int PRIMARY KEY, body text)`.execute(database.db);
    await sql`INSERT INTO notes VALUES (1, 'first'), (2, 'second')`.execute(database.db);
  });
  after(() => fresh.drop());

  it('runs a parameterised query as a named statement, parsed once per connection', async () => {
    // One connection, so both runs and the catalogue look-up happen on it.
    const client = await database.pool!.connect();
    try {
      for (const id of [1, 2])
        assert.equal(
          (await client.query('SELECT body FROM notes WHERE id = $1', [id])).rows[0].body,
          ['first', 'second'][id - 1],
        );
      const prepared = await client.query(
        `SELECT name FROM pg_prepared_statements WHERE statement = 'SELECT body FROM notes WHERE id = $1'`,
      );
      assert.equal(prepared.rowCount, 1);
      assert.match(prepared.rows[0].name, /^lx_/);
    } finally {
      client.release();
    }
  });

  it('keeps answering when another process adds a column under a prepared SELECT *', async () => {
    const client = await database.pool!.connect();
    try {
      const query = 'SELECT * FROM notes WHERE id = $1';
      assert.deepEqual(Object.keys((await client.query(query, [1])).rows[0]), ['id', 'body']);
      const other = new pg.Client({ connectionString: fresh.url });
      await other.connect();
      await other.query('ALTER TABLE notes ADD COLUMN pinned boolean NOT NULL DEFAULT false');
      await other.end();
      assert.deepEqual((await client.query(query, [1])).rows[0], { id: 1, body: 'first', pinned: false });
      assert.deepEqual((await client.query(query, [2])).rows[0], { id: 2, body: 'second', pinned: false });
    } finally {
      client.release();
    }
  });

  it('leaves queries without parameters on the simple protocol, so a migration may hold several statements', async () => {
    const client = await database.pool!.connect();
    try {
      const results = (await client.query('SELECT 1 AS a; SELECT 2 AS b', [])) as unknown as pg.QueryResult[];
      assert.deepEqual(
        results.map((r) => r.rows[0]),
        [{ a: 1 }, { b: 2 }],
      );
    } finally {
      client.release();
    }
  });
});
