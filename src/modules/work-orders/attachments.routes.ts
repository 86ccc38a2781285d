import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { App, Services } from '../../platform/module.ts';
import { id } from '../../platform/http/schemas.ts';
import { ATTACHMENT_LIMIT_BYTES, addAttachment, listAttachments, openAttachment } from './attachments.ts';
import { workOrderError } from './work-orders.errors.ts';

const Attachment = z.object({
  id,
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number(),
  uploadedByName: z.string(),
  createdAt: z.string(),
});

export async function attachmentRoutes(app: App, { db, config }: Services): Promise<void> {
  const tags = ['work-orders'];
  // Multipart parsing only where uploads are accepted.
  await app.register(async (scope: App) => {
    await scope.register(multipart, { limits: { fileSize: ATTACHMENT_LIMIT_BYTES, files: 1, fields: 0 } });
    scope.post(
      '/api/work-orders/:id/attachments',
      {
        config: { permission: 'work-orders:edit' },
        schema: { tags, params: z.object({ id }), consumes: ['multipart/form-data'], response: { 201: Attachment } },
      },
      async (req, reply) => {
        if (!req.isMultipart()) throw workOrderError('ATTACHMENT_MISSING');
        const file = await req.file();
        if (!file) throw workOrderError('ATTACHMENT_MISSING');
        const tooLarge = () =>
          workOrderError('ATTACHMENT_TOO_LARGE', { limitMb: ATTACHMENT_LIMIT_BYTES / 1024 / 1024 });
        let data: Buffer;
        try {
          data = await file.toBuffer();
        } catch (err) {
          if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
          throw err;
        }
        // The limit can be reached on the very last chunk, after the library's own check.
        if (file.file.truncated || data.length > ATTACHMENT_LIMIT_BYTES) throw tooLarge();
        return reply
          .code(201)
          .send(await addAttachment(db, req.ctx, config.dataDir, req.params.id, { fileName: file.filename, data }));
      },
    );
  });
  app.get(
    '/api/work-orders/:id/attachments',
    {
      config: { permission: 'work-orders:view' },
      schema: { tags, params: z.object({ id }), response: { 200: z.object({ items: z.array(Attachment) }) } },
    },
    (req) => listAttachments(db, req.ctx, req.params.id),
  );
  app.get(
    '/api/work-orders/:id/attachments/:attachmentId',
    {
      config: { permission: 'work-orders:view' },
      schema: { tags, params: z.object({ id, attachmentId: id }) },
    },
    async (req, reply) => {
      const file = await openAttachment(db, req.ctx, config.dataDir, req.params.id, req.params.attachmentId);
      return reply
        .header('content-type', file.mimeType)
        .header('content-length', String(file.sizeBytes))
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(file.stream);
    },
  );
}
