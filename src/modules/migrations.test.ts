import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { migrate } from '../platform/migrate.ts';
import { freshDatabase, testDatabases } from '../testing/test-app.ts';
import { modules } from './registry.ts';

/** The global order: modules as the registry lists them, files by name within each (see docs/DEVELOPING.md). */
const sources = modules.flatMap((m) => (m.migrationsDir ? [{ module: m.name, dir: m.migrationsDir }] : []));
const files = sources.flatMap(({ module, dir }) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.sql'))
        .sort()
        .map((name) => ({
          id: `${module}/${name}`,
          module,
          sql: statementsOf(readFileSync(path.join(dir, name), 'utf8')),
        }))
    : [],
);

/** The SQL without comments and with string literals emptied, so that neither can look like a statement. */
function statementsOf(text: string): string {
  return text.replace(/--[^\n]*/g, '').replace(/'(?:[^']|'')*'/g, "''");
}

/** Tables any module's migration may write, and why. */
const SHARED: Record<string, string> = {
  roles: 'a module grants its own permissions to the standard roles (or adds a standard role for its work)',
  audit_log: 'a migration that changes business data audits it, like every write',
};

const NAME = '([a-z_][a-z0-9_]*)';
/** Statements that change a table; the table is the last group. */
const CHANGES = [
  `ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?${NAME}`,
  `INSERT\\s+INTO\\s+${NAME}`,
  `(?<!\\b(?:ON|FOR|DO)\\s+)UPDATE\\s+(?:ONLY\\s+)?${NAME}`,
  `DELETE\\s+FROM\\s+${NAME}`,
  `DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?${NAME}`,
  `TRUNCATE\\s+(?:TABLE\\s+)?${NAME}`,
  `CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:${NAME}\\s+)?ON\\s+(?:ONLY\\s+)?${NAME}`,
].map((re) => new RegExp(re, 'gi'));

describe('migrations', () => {
  it('each module changes only its own tables (and its own temporary ones), apart from the shared few', () => {
    const owner = new Map<string, string>();
    for (const f of files)
      for (const m of f.sql.matchAll(new RegExp(`CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?${NAME}`, 'gi'))) {
        const table = m[1].toLowerCase();
        assert.ok(
          !owner.has(table) || owner.get(table) === f.module,
          `${f.id} creates ${table}, a table of ${owner.get(table)}`,
        );
        owner.set(table, f.module);
      }
    const foreign: string[] = [];
    for (const f of files) {
      const temporary = new Set(
        [...f.sql.matchAll(new RegExp(`CREATE\\s+TEMP(?:ORARY)?\\s+TABLE\\s+${NAME}`, 'gi'))].map((m) =>
          m[1].toLowerCase(),
        ),
      );
      for (const re of CHANGES)
        for (const m of f.sql.matchAll(re)) {
          const table = m
            .slice(1)
            .findLast((g) => g !== undefined)!
            .toLowerCase();
          if (owner.get(table) === f.module || temporary.has(table) || table in SHARED) continue;
          foreign.push(`${f.id}: ${m[0].replace(/\s+/g, ' ')} (a table of ${owner.get(table) ?? 'no module'})`);
        }
    }
    assert.deepEqual(foreign, []);
  });

  it('the checker sees a change to another module’s table', () => {
    const sample = statementsOf(
      "-- UPDATE customers in a comment\nALTER TABLE customers ADD COLUMN x text; SELECT 'UPDATE work_orders';",
    );
    const hits = CHANGES.flatMap((re) => [...sample.matchAll(re)].map((m) => m[1]));
    assert.deepEqual(hits, ['customers']);
  });
});

/**
 * Databases whose migrations ran before a change moved to its owner: the first versions of segmentation/0001 (which
 * added customers.segment), work-orders/0005's conversion in portal/0002 and auth/0004's move in portal/0003 were
 * applied, the owners' new files were not. The start accepts the rewritten files and the owners' files change nothing.
 */
const FIRST_VERSIONS = [
  ['segmentation', '0001_segmentation.sql', 'c6e404933e2c002d205ab337324d06d856218d178329945a09900e81c773e035'],
  ['portal', '0002_requests_to_work_orders.sql', '54c7b40127104a25b0e86c00d3d96efb2d64a358117f89e761c1fcb312ee1d52'],
  ['portal', '0003_login_throttle.sql', '63e19501760f7c2762d0ed139502124f2d00fa3b4f1345fc46db79c68472c424'],
];
const MOVED_TO_OWNERS = [
  ['auth', '0004_portal_lockouts.sql'],
  ['customers', '0004_segment_column.sql'],
  ['work-orders', '0005_portal_requests_to_work_orders.sql'],
];

for (const kind of testDatabases()) {
  describe(`a database migrated before the moves to the owners, on ${kind}`, () => {
    let fresh: Awaited<ReturnType<typeof freshDatabase>>;
    before(async () => {
      fresh = await freshDatabase(kind);
    });
    after(() => fresh.drop());

    it('starts: the rewritten files are accepted, the owners’ new files run and change nothing', async () => {
      const db = fresh.database.db;
      await migrate(db, sources);
      for (const [module, name, checksum] of FIRST_VERSIONS)
        await sql`UPDATE schema_migrations SET checksum = ${checksum} WHERE module = ${module} AND name = ${name}`.execute(
          db,
        );
      for (const [module, name] of MOVED_TO_OWNERS)
        await sql`DELETE FROM schema_migrations WHERE module = ${module} AND name = ${name}`.execute(db);
      const schema = () =>
        sql<{ t: string; c: string }>`SELECT table_name AS t, column_name AS c FROM information_schema.columns
          WHERE table_schema = current_schema() ORDER BY 1, 2`.execute(db);
      const before = (await schema()).rows;

      assert.deepEqual(
        await migrate(db, sources),
        MOVED_TO_OWNERS.map((f) => f.join('/')),
      );
      assert.deepEqual((await schema()).rows, before);
      const stale = await sql<{ n: number }>`SELECT count(*)::int AS n FROM schema_migrations
        WHERE checksum IN (${sql.join(FIRST_VERSIONS.map((f) => f[2]))})`.execute(db);
      assert.equal(stale.rows[0].n, 0);
    });
  });
}
