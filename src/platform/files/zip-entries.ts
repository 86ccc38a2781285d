import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import { fileError } from './file-limits.ts';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As the central directory declares it; the stream refuses to unpack one byte more. */
  size: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The entries of a zip file on disk, from its central directory (at the end of the file, which is why an
 * upload is spooled to disk first). Nothing is unpacked here.
 */
export async function zipEntries(path: string): Promise<Map<string, ZipEntry>> {
  const file = await open(path);
  try {
    const { size } = await file.stat();
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    await file.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--)
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    if (eocd < 0) throw fileError('NOT_XLSX', { detail: 'no zip directory' });
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (dirOffset + dirSize > size) throw fileError('NOT_XLSX', { detail: 'zip directory out of range' });
    const dir = Buffer.alloc(dirSize);
    await file.read(dir, 0, dirSize, dirOffset);
    const entries = new Map<string, ZipEntry>();
    for (let p = 0, n = 0; n < count; n++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL)
        throw fileError('NOT_XLSX', { detail: 'bad zip directory' });
      const nameLength = dir.readUInt16LE(p + 28);
      const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
      entries.set(name, {
        name,
        method: dir.readUInt16LE(p + 10),
        compressedSize: dir.readUInt32LE(p + 20),
        size: dir.readUInt32LE(p + 24),
        localHeaderOffset: dir.readUInt32LE(p + 42),
      });
      p += 46 + nameLength + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
    }
    return entries;
  } finally {
    await file.close();
  }
}

/**
 * One entry unpacked as a stream of bytes. An entry that declares more than `limit` bytes is refused before it
 * is read, and one that unpacks to more than it declared (a zip bomb lying about its size) is stopped there.
 */
export async function* unzipEntry(path: string, entry: ZipEntry, limit: number): AsyncGenerator<Buffer> {
  if (entry.size > limit || entry.size === 0xffffffff)
    throw fileError('UNPACKED_TOO_LARGE', { part: entry.name, limit: Math.round(limit / 1024 ** 2) });
  if (entry.method !== 0 && entry.method !== 8)
    throw fileError('NOT_XLSX', { detail: `compression method ${entry.method}` });
  const header = Buffer.alloc(30);
  const file = await open(path);
  try {
    await file.read(header, 0, 30, entry.localHeaderOffset);
  } finally {
    await file.close();
  }
  if (header.readUInt32LE(0) !== LOCAL) throw fileError('NOT_XLSX', { detail: `bad entry ${entry.name}` });
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (entry.compressedSize === 0) return;
  const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1 });
  const bytes = entry.method === 8 ? raw.pipe(createInflateRaw()) : raw;
  let seen = 0;
  try {
    for await (const chunk of bytes as AsyncIterable<Buffer>) {
      seen += chunk.length;
      if (seen > entry.size) throw fileError('NOT_XLSX', { detail: `${entry.name} unpacks to more than it declares` });
      yield chunk;
    }
  } catch (e) {
    if ((e as { code?: string }).code?.startsWith('Z_'))
      throw fileError('NOT_XLSX', { detail: `${entry.name} is corrupt` });
    throw e;
  } finally {
    raw.destroy();
    if (bytes !== raw) (bytes as NodeJS.ReadableStream & { destroy(): void }).destroy();
  }
}

/** A whole (small) entry as text. */
export async function unzipText(path: string, entry: ZipEntry, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of unzipEntry(path, entry, limit)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}
