import { randomBytes } from 'node:crypto';
import { mkdir, open, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RequestContext } from '../../platform/access/context.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTransaction, type Db } from '../../platform/db.ts';
import * as repo from './work-orders.repository.ts';
import { workOrderError } from './work-orders.errors.ts';

export const ATTACHMENT_LIMIT_BYTES = 10 * 1024 * 1024;

/** The type is decided by the file's first bytes, never by its name or the browser's claim. */
export function sniffMimeType(head: Uint8Array): 'image/png' | 'image/jpeg' | 'application/pdf' | undefined {
  const starts = (bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return undefined;
}

/** Stored under the data directory, outside anything served statically, under a random name. */
export function attachmentsDir(dataDir: string): string {
  return path.join(dataDir, 'attachments');
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this strips
const UNSAFE_IN_FILE_NAMES = /[\u0000-\u001f"\\/]/g;

function safeFileName(name: string): string {
  const cleaned = path.basename(name).replace(UNSAFE_IN_FILE_NAMES, '_').slice(-120);
  return cleaned || 'attachment';
}

export interface Attachment {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  uploadedByName: string;
  createdAt: string;
}

export async function addAttachment(
  db: Db,
  ctx: RequestContext,
  dataDir: string,
  workOrderId: string,
  file: { fileName: string; data: Buffer },
): Promise<Attachment> {
  if (!(await repo.findWorkOrder(db, ctx, workOrderId))) throw workOrderError('WORK_ORDER_NOT_FOUND');
  if (file.data.length === 0) throw workOrderError('ATTACHMENT_MISSING');
  const mimeType = sniffMimeType(file.data.subarray(0, 16));
  if (!mimeType) throw workOrderError('ATTACHMENT_TYPE_NOT_ALLOWED');
  const dir = attachmentsDir(dataDir);
  await mkdir(dir, { recursive: true });
  const storageKey = `${workOrderId}-${randomBytes(16).toString('hex')}`;
  const filePath = path.join(dir, storageKey);
  await writeFile(filePath, file.data, { flag: 'wx', mode: 0o600 });
  try {
    return await withTransaction(db, async (trx) => {
      if (!(await repo.findWorkOrder(trx, ctx, workOrderId, true))) throw workOrderError('WORK_ORDER_NOT_FOUND');
      const fileName = safeFileName(file.fileName);
      const row = await trx
        .insertInto('work_order_attachments')
        .values({
          work_order_id: workOrderId,
          file_name: fileName,
          mime_type: mimeType,
          size_bytes: file.data.length,
          storage_key: storageKey,
          uploaded_by: ctx.employeeId,
        })
        .returning(['id', 'created_at'])
        .executeTakeFirstOrThrow();
      await repo.insertEvent(trx, {
        workOrderId,
        actorId: ctx.employeeId,
        actorName: ctx.name,
        action: 'attach',
        note: fileName,
      });
      await recordAudit(trx, ctx, {
        action: 'attach',
        entity: 'work_order',
        entityId: workOrderId,
        changes: { attachment: [null, { id: row.id, fileName, mimeType, size: file.data.length }] },
      });
      return {
        id: row.id,
        fileName,
        mimeType,
        sizeBytes: file.data.length,
        uploadedByName: ctx.name,
        createdAt: row.created_at.toISOString(),
      };
    });
  } catch (err) {
    // The file is only kept if its row committed.
    await unlink(filePath).catch(() => undefined);
    throw err;
  }
}

export async function listAttachments(
  db: Db,
  ctx: RequestContext,
  workOrderId: string,
): Promise<{ items: Attachment[] }> {
  if (!(await repo.findWorkOrder(db, ctx, workOrderId))) throw workOrderError('WORK_ORDER_NOT_FOUND');
  const rows = await db
    .selectFrom('work_order_attachments as a')
    .innerJoin('employees as e', 'e.id', 'a.uploaded_by')
    .select(['a.id', 'a.file_name', 'a.mime_type', 'a.size_bytes', 'e.name', 'a.created_at'])
    .where('a.work_order_id', '=', workOrderId)
    .orderBy('a.id')
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      fileName: r.file_name,
      mimeType: r.mime_type,
      sizeBytes: r.size_bytes,
      uploadedByName: r.name,
      createdAt: r.created_at.toISOString(),
    })),
  };
}

/** Opens an attachment for download, only through a work order the caller can see. */
export async function openAttachment(
  db: Db,
  ctx: RequestContext,
  dataDir: string,
  workOrderId: string,
  attachmentId: string,
) {
  if (!(await repo.findWorkOrder(db, ctx, workOrderId))) throw workOrderError('WORK_ORDER_NOT_FOUND');
  const row = await db
    .selectFrom('work_order_attachments')
    .select(['file_name', 'mime_type', 'size_bytes', 'storage_key'])
    .where('id', '=', attachmentId)
    .where('work_order_id', '=', workOrderId)
    .executeTakeFirst();
  if (!row) throw workOrderError('ATTACHMENT_NOT_FOUND');
  // Opened before the reply starts, so a file lost from disk (a restore without the files) is a 404 in the app's shape, not a broken stream.
  const file = await open(path.join(attachmentsDir(dataDir), row.storage_key)).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') throw workOrderError('ATTACHMENT_FILE_MISSING');
    throw e;
  });
  return {
    fileName: row.file_name,
    mimeType: row.mime_type,
    sizeBytes: row.size_bytes,
    stream: file.createReadStream(),
  };
}
