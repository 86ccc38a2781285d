import { createReadStream, createWriteStream, type Dirent } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import tar from 'tar-stream';

/**
 * A backup is one gzip-compressed tar file (`tar xzf` opens it too): the database (a pg_dump file or a PGlite data
 * directory), the attachment files, and manifest.json. Entries are streamed, never held in memory whole.
 */
export class ArchiveWriter {
  readonly #pack = tar.pack();
  readonly #done: Promise<void>;

  constructor(file: string) {
    this.#done = pipeline(this.#pack, createGzip({ level: 6 }), createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  }

  addBuffer(name: string, data: Buffer): Promise<void> {
    return new Promise((resolve, reject) =>
      this.#pack.entry({ name, size: data.length, mode: 0o600 }, data, (err) => (err ? reject(err) : resolve())),
    );
  }

  /** Adds a file that nothing writes to any more (a copy, or a finished dump). */
  async addFile(name: string, file: string): Promise<void> {
    const { size } = await stat(file);
    await new Promise<void>((resolve, reject) => {
      const entry = this.#pack.entry({ name, size, mode: 0o600 }, (err) => (err ? reject(err) : resolve()));
      createReadStream(file).on('error', reject).pipe(entry);
    });
  }

  /** Adds every file and folder (PostgreSQL needs its empty ones) under `dir` as `prefix/relative/path`. */
  async addDirectory(prefix: string, dir: string): Promise<void> {
    for (const relative of await listFolders(dir)) {
      await new Promise<void>((resolve, reject) =>
        this.#pack.entry({ name: `${prefix}/${relative}`, type: 'directory', mode: 0o700 }, (err) =>
          err ? reject(err) : resolve(),
        ),
      );
    }
    for (const relative of await listFiles(dir)) await this.addFile(`${prefix}/${relative}`, path.join(dir, relative));
  }

  async finish(): Promise<void> {
    this.#pack.finalize();
    await this.#done;
  }
}

/** Unpacks an archive into `dir` (which must be empty), refusing entries that would land outside it. */
export async function extractArchive(file: string, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    const target = path.resolve(dir, header.name);
    const inside = target.startsWith(path.resolve(dir) + path.sep);
    if (inside && header.type === 'directory') {
      stream.resume();
      mkdir(target, { recursive: true, mode: 0o700 }).then(() => next(), next);
      return;
    }
    if (header.type !== 'file' || !inside) {
      stream.resume();
      stream.on('end', next);
      return;
    }
    mkdir(path.dirname(target), { recursive: true })
      .then(() => pipeline(stream, createWriteStream(target, { mode: 0o600 })))
      .then(() => next(), next);
  });
  await pipeline(createReadStream(file), createGunzip(), extract);
}

/** Every regular file under `dir`, as paths relative to it (with `/`), in a stable order; none when it does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  return (await walk(dir)).filter((e) => e.isFile).map((e) => e.relative);
}

async function listFolders(dir: string): Promise<string[]> {
  return (await walk(dir)).filter((e) => !e.isFile).map((e) => e.relative);
}

async function walk(dir: string): Promise<{ relative: string; isFile: boolean }[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return entries
    .filter((e) => e.isFile() || e.isDirectory())
    .map((e) => ({
      relative: path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'),
      isFile: e.isFile(),
    }))
    .sort((a, b) => (a.relative < b.relative ? -1 : 1));
}
