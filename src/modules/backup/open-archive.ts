import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { extractArchive, listFiles } from './archive.ts';
import { MANIFEST_FORMAT, sha256OfFile, type FileSum, type Manifest } from './manifest.ts';
import { backupError } from './backup.errors.ts';

export interface OpenedArchive {
  manifest: Manifest;
  /** The extracted database: a PGlite data directory or a pg_dump file. */
  databasePath: string;
  /** The extracted folder holding `<store>/…` files. */
  filesDir: string;
  /** What the extracted files really are (compared with the manifest's list). */
  files: FileSum[];
}

/** Unpacks an archive into `scratch` and reads its manifest, refusing anything that is not a Lianxi backup. */
export async function openArchive(file: string, scratch: string): Promise<OpenedArchive> {
  try {
    await extractArchive(file, scratch);
  } catch (err) {
    throw backupError('BACKUP_INVALID', { reason: (err as Error).message });
  }
  const manifest = await readManifest(path.join(scratch, 'manifest.json'));
  const databasePath = path.join(scratch, manifest.engine === 'pglite' ? 'pgdata' : 'database.dump');
  if (!existsSync(databasePath))
    throw backupError('BACKUP_INVALID', { reason: `${path.basename(databasePath)} missing` });
  const filesDir = path.join(scratch, 'files');
  return { manifest, databasePath, filesDir, files: await sumFiles(filesDir) };
}

/** Size and sha256 of every file under a folder of `<store>/…` files. */
export async function sumFiles(dir: string): Promise<FileSum[]> {
  const sums: FileSum[] = [];
  for (const relative of await listFiles(dir)) {
    const file = path.join(dir, relative);
    sums.push({ path: relative, size: (await stat(file)).size, sha256: await sha256OfFile(file) });
  }
  return sums;
}

async function readManifest(file: string): Promise<Manifest> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    throw backupError('BACKUP_INVALID', { reason: 'manifest.json missing or unreadable' });
  }
  if (
    manifest.format !== MANIFEST_FORMAT ||
    !Array.isArray(manifest.tables) ||
    !Array.isArray(manifest.files) ||
    !['pglite', 'postgres'].includes(manifest.engine)
  ) {
    throw backupError('BACKUP_INVALID', { reason: `manifest.json is not ${MANIFEST_FORMAT}` });
  }
  return manifest;
}
