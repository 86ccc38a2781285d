import { sql } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import type { DatabaseHandle } from '../../platform/db.ts';

/**
 * Fast staging for imports: the file's records go by COPY into an unlogged table of text columns (one per
 * file column, plus the record number), outside any transaction; the import then validates and applies them
 * in one transaction with INSERT ... SELECT, and drops the stage. PGlite takes COPY through /dev/blob, one
 * piece at a time; a server takes one COPY stream.
 */
export async function createStage(database: DatabaseHandle, name: string, columns: number): Promise<void> {
  const cols = Array.from({ length: columns }, (_, i) => `c${i + 1} text`).join(', ');
  await sql.raw(`CREATE UNLOGGED TABLE ${name} (row_no bigint GENERATED ALWAYS AS IDENTITY, ${cols})`).execute(database.db);
}

export async function dropStage(database: DatabaseHandle, name: string): Promise<void> {
  await sql.raw(`DROP TABLE IF EXISTS ${name}`).execute(database.db);
}

export async function copyIntoStage(database: DatabaseHandle, name: string, columns: number, chunks: AsyncIterable<string>): Promise<void> {
  const list = Array.from({ length: columns }, (_, i) => `c${i + 1}`).join(', ');
  if (database.pglite) {
    const pglite = database.pglite;
    let header = true;
    for await (const chunk of chunks) {
      const copy = `COPY ${name} (${list}) FROM '/dev/blob' WITH (FORMAT csv, HEADER ${header})`;
      header = false;
      // Holding a Kysely connection queues everyone else, so the COPY never lands inside another request's transaction.
      await database.db.connection().execute(() => pglite.query(copy, [], { blob: new Blob([chunk]) }));
    }
    return;
  }
  const client = await database.pool!.connect();
  try {
    const stream = client.query(copyFrom(`COPY ${name} (${list}) FROM STDIN WITH (FORMAT csv, HEADER true)`));
    const done = new Promise<void>((resolve, reject) => { stream.on('finish', resolve); stream.on('error', reject); });
    for await (const chunk of chunks) {
      if (!stream.write(chunk)) await new Promise<void>((resolve, reject) => { stream.once('drain', resolve); stream.once('error', reject); });
    }
    stream.end();
    await done;
  } finally {
    client.release();
  }
}
