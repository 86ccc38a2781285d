import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Manifest } from './manifest.ts';
import type { Verification } from './verify-backup.ts';
import { backupError } from './backup.errors.ts';

const NAME = /^lianxi-backup-\d{8}T\d{9}Z\.tar\.gz$/;

/** What the backup page lists: the archive on disk, and what was recorded beside it (`<name>.json`). */
export interface BackupInfo {
  name: string;
  createdAt: string;
  sizeBytes: number;
  engine: Manifest['engine'] | null;
  tables: number | null;
  rows: number | null;
  files: number | null;
  verification: Verification | null;
}

type BackupRecord = Omit<BackupInfo, 'name' | 'sizeBytes'>;

/** `lianxi-backup-20261203T104100123Z.tar.gz`: sorts by time, and says when it was taken (UTC). */
export function backupFileName(at: Date): string {
  return `lianxi-backup-${at.toISOString().replace(/[-:.]/g, '')}.tar.gz`;
}

/** The path of a backup by its name; anything else (a path, another file) is not found. */
export function backupPath(dir: string, name: string): string {
  if (!NAME.test(name)) throw backupError('BACKUP_NOT_FOUND');
  return path.join(dir, name);
}

export async function recordBackup(
  dir: string,
  name: string,
  manifest: Manifest,
  verification: Verification,
): Promise<void> {
  const record: BackupRecord = {
    createdAt: manifest.createdAt,
    engine: manifest.engine,
    tables: manifest.tables.length,
    rows: manifest.tables.reduce((sum, t) => sum + t.rows, 0),
    files: manifest.files.length,
    verification,
  };
  await writeFile(path.join(dir, `${name}.json`), JSON.stringify(record, null, 1), { mode: 0o600 });
}

/** Every archive in the folder, newest first. An archive copied in by hand shows without a recorded verification. */
export async function listBackups(dir: string): Promise<BackupInfo[]> {
  const names = (await readdir(dir).catch(() => [] as string[]))
    .filter((n) => NAME.test(n))
    .sort()
    .reverse();
  const infos: BackupInfo[] = [];
  for (const name of names) {
    const file = await stat(path.join(dir, name)).catch(() => undefined);
    if (!file) continue;
    const record = await readFile(path.join(dir, `${name}.json`), 'utf8').then(
      (text) => JSON.parse(text) as BackupRecord,
      () => undefined,
    );
    infos.push({
      name,
      sizeBytes: file.size,
      createdAt: record?.createdAt ?? file.mtime.toISOString(),
      engine: record?.engine ?? null,
      tables: record?.tables ?? null,
      rows: record?.rows ?? null,
      files: record?.files ?? null,
      verification: record?.verification ?? null,
    });
  }
  return infos;
}

/** Keeps the newest `keep` archives and deletes the rest with their records. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const old = (await listBackups(dir)).slice(keep).map((b) => b.name);
  for (const name of old) {
    await rm(path.join(dir, name), { force: true });
    await rm(path.join(dir, `${name}.json`), { force: true });
  }
  return old;
}
