import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { freshDatabase, testDatabases } from '../testing/test-app.ts';
import { migrate, migrationChecksum, MigrationEditedError, type MigrationSource } from './migrate.ts';
import type { Db } from './db.ts';

/** Two throw-away modules whose migrations log themselves, so the order they ran in can be read back. */
function scratchModules(): { root: string; sources: MigrationSource[]; write(id: string, text: string): string } {
  const root = mkdtempSync(path.join(tmpdir(), 'lianxi-migrate-'));
  const sources = ['alpha', 'beta'].map((module) => ({ module, dir: path.join(root, module) }));
  for (const s of sources) mkdirSync(s.dir);
  return {
    root,
    sources,
    write(id, text) {
      const file = path.join(root, id);
      writeFileSync(file, text);
      return file;
    },
  };
}
const logs = (name: string) => `INSERT INTO migration_log (name) VALUES ('${name}');\n`;

async function logged(db: Db): Promise<string[]> {
  return (await sql<{ name: string }>`SELECT name FROM migration_log ORDER BY seq`.execute(db)).rows.map((r) => r.name);
}

async function recordedChecksum(db: Db, module: string, name: string): Promise<string | null> {
  const r = await sql<{ checksum: string | null }>`SELECT checksum FROM schema_migrations
    WHERE module = ${module} AND name = ${name}`.execute(db);
  return r.rows[0].checksum;
}

for (const kind of testDatabases()) {
  describe(`migration runner on ${kind}`, () => {
    let fresh: Awaited<ReturnType<typeof freshDatabase>>;
    let db: Db;
    let scratch: ReturnType<typeof scratchModules>;

    before(async () => {
      fresh = await freshDatabase(kind);
      db = fresh.database.db;
      scratch = scratchModules();
    });
    after(async () => {
      await fresh.drop();
      rmSync(scratch.root, { recursive: true, force: true });
    });

    it('runs every file in one global order: modules as given, files by name within each, later files on a later start', async () => {
      scratch.write(
        'alpha/0001_log.sql',
        `CREATE TABLE migration_log (seq serial PRIMARY KEY, name text);\n${logs('a1')}`,
      );
      scratch.write('alpha/0010_ten.sql', logs('a10'));
      scratch.write('alpha/0002_two.sql', logs('a2'));
      scratch.write('beta/0001_one.sql', logs('b1'));
      assert.deepEqual(await migrate(db, scratch.sources), [
        'alpha/0001_log.sql',
        'alpha/0002_two.sql',
        'alpha/0010_ten.sql',
        'beta/0001_one.sql',
      ]);
      assert.deepEqual(await logged(db), ['a1', 'a2', 'a10', 'b1']);
      scratch.write('alpha/0011_later.sql', logs('a11'));
      assert.deepEqual(await migrate(db, scratch.sources), ['alpha/0011_later.sql']);
      assert.deepEqual(await migrate(db, scratch.sources), []);
      assert.deepEqual(await logged(db), ['a1', 'a2', 'a10', 'b1', 'a11']);
      const file = readFileSync(path.join(scratch.root, 'alpha/0002_two.sql'));
      assert.equal(await recordedChecksum(db, 'alpha', '0002_two.sql'), migrationChecksum(file));
    });

    it('refuses to start, naming the module and file, when an applied file was edited, and applies nothing', async () => {
      scratch.write('alpha/0002_two.sql', `${logs('a2')}${logs('a2 again')}`);
      scratch.write('beta/0002_new.sql', logs('b2'));
      await assert.rejects(migrate(db, scratch.sources), (err: Error) => {
        assert.ok(err instanceof MigrationEditedError);
        assert.match(err.message, /^Migration alpha\/0002_two\.sql was edited after it was applied/);
        assert.match(err.message, /new migration of module alpha/);
        return true;
      });
      assert.deepEqual(await logged(db), ['a1', 'a2', 'a10', 'b1', 'a11']);
      // Restored, it starts again, and the pending file runs.
      scratch.write('alpha/0002_two.sql', logs('a2'));
      assert.deepEqual(await migrate(db, scratch.sources), ['beta/0002_new.sql']);
    });

    it('accepts a rewrite only when the file names the checksum it replaces, and records the new one', async () => {
      const before = migrationChecksum(logs('b1'));
      const rewritten = `-- moved elsewhere\n-- replaces sha256: ${before}\nSELECT 1;\n`;
      scratch.write('beta/0001_one.sql', rewritten);
      assert.deepEqual(await migrate(db, scratch.sources), []);
      assert.equal(await recordedChecksum(db, 'beta', '0001_one.sql'), migrationChecksum(rewritten));
      // The declaration names the first version only: editing the rewrite again is an edit like any other.
      scratch.write('beta/0001_one.sql', `${rewritten}SELECT 2;\n`);
      await assert.rejects(migrate(db, scratch.sources), MigrationEditedError);
      scratch.write('beta/0001_one.sql', rewritten);
    });
  });

  describe(`checksum back-fill on a database from before checksums, on ${kind}`, () => {
    let fresh: Awaited<ReturnType<typeof freshDatabase>>;
    let scratch: ReturnType<typeof scratchModules>;
    before(async () => {
      fresh = await freshDatabase(kind);
      scratch = scratchModules();
    });
    after(async () => {
      await fresh.drop();
      rmSync(scratch.root, { recursive: true, force: true });
    });

    it('adds the column, records the checksum of each applied file instead of refusing, then guards it', async () => {
      const db = fresh.database.db;
      // schema_migrations as the runner made it before checksums, with alpha/0001 applied.
      await sql`CREATE TABLE schema_migrations (module text NOT NULL, name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (module, name))`.execute(db);
      const first = `CREATE TABLE migration_log (seq serial PRIMARY KEY, name text);\n${logs('a1')}`;
      await sql.raw(first).execute(db);
      await sql`INSERT INTO schema_migrations (module, name) VALUES ('alpha', '0001_log.sql')`.execute(db);
      scratch.write('alpha/0001_log.sql', first);
      scratch.write('beta/0001_one.sql', logs('b1'));

      assert.deepEqual(await migrate(db, scratch.sources), ['beta/0001_one.sql']);
      assert.equal(await recordedChecksum(db, 'alpha', '0001_log.sql'), migrationChecksum(first));
      assert.deepEqual(await logged(db), ['a1', 'b1']);
      scratch.write('alpha/0001_log.sql', `${first}${logs('sneaked in')}`);
      await assert.rejects(migrate(db, scratch.sources), /Migration alpha\/0001_log\.sql was edited/);
    });
  });
}
