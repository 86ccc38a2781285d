import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';

/**
 * Writes an upload to a private temporary file, runs `fn` on it and removes it: for formats that must be read
 * out of order (an xlsx is a zip whose directory sits at its end), without holding the file in memory.
 */
export async function withSpooledFile<T>(bytes: AsyncIterable<Buffer>, fn: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'lianxi-upload-'));
  try {
    const path = join(dir, 'upload');
    await pipeline(Readable.from(bytes), createWriteStream(path, { mode: 0o600 }));
    return await fn(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
