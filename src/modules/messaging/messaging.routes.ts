import { z } from 'zod';
import type { App, Services } from '../../platform/module.ts';
import { idParams, limit } from '../../platform/http/schemas.ts';
import { phoneFor } from '../../platform/access/masking.ts';
import { getCustomer } from '../customers/index.ts';
import { deliveryEventsHandler } from './delivery-events.ts';
import { startGateways } from './gateways.ts';
import { messagingError } from './messaging.errors.ts';
import { addToBlacklist, listBlacklist, removeFromBlacklist } from './blacklist.service.ts';
import {
  BlacklistEntry,
  BlacklistInput,
  Message,
  OptOut,
  OptOutInput,
  OutboxItem,
  Preview,
  PreviewInput,
  SendInput,
  Template,
  TemplateInput,
} from './messaging.schema.ts';
import { customerMessages } from './messages.repository.ts';
import { listOptOuts, optOutCustomer, removeOptOut } from './opt-outs.service.ts';
import { sendMessage } from './send-message.ts';
import { createTemplate, listTemplates, previewTemplate } from './templates.service.ts';

export async function messagingRoutes(app: App, { db, config }: Services): Promise<void> {
  const gateways = await startGateways(db, config, deliveryEventsHandler(db));
  app.addHook('onClose', () => gateways.close());
  const tags = ['messaging'];

  app.get(
    '/api/message-templates',
    {
      config: { permission: 'messaging:view' },
      schema: { tags, response: { 200: z.object({ items: z.array(Template) }) } },
    },
    async () => ({ items: await listTemplates(db) }),
  );
  app.post(
    '/api/message-templates',
    { config: { permission: 'messaging:edit' }, schema: { tags, body: TemplateInput, response: { 201: Template } } },
    async (req, reply) => reply.code(201).send(await createTemplate(db, req.ctx, req.body)),
  );
  app.post(
    '/api/message-templates/:id/preview',
    {
      config: { permission: 'messaging:view' },
      schema: { tags, params: idParams, body: PreviewInput, response: { 200: Preview } },
    },
    (req) => previewTemplate(db, req.ctx, req.params.id, req.body.customerId),
  );

  app.post(
    '/api/messages',
    { config: { permission: 'messaging:create' }, schema: { tags, body: SendInput, response: { 201: Message } } },
    async (req, reply) => reply.code(201).send(await sendMessage(db, req.ctx, req.body)),
  );
  app.get(
    '/api/customers/:id/messages',
    {
      config: { permission: 'messaging:view' },
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ limit }),
        response: { 200: z.object({ items: z.array(Message) }) },
      },
    },
    async (req) => {
      await getCustomer(db, req.ctx, req.params.id); // outside the caller's scope: not found
      return { items: await customerMessages(db, req.params.id, req.query.limit) };
    },
  );

  app.get(
    '/api/opt-outs',
    {
      config: { permission: 'messaging:view' },
      schema: { tags, response: { 200: z.object({ items: z.array(OptOut) }) } },
    },
    async (req) => ({ items: await listOptOuts(db, req.ctx) }),
  );
  app.post(
    '/api/opt-outs',
    { config: { permission: 'messaging:create' }, schema: { tags, body: OptOutInput, response: { 201: OptOut } } },
    async (req, reply) =>
      reply.code(201).send(await optOutCustomer(db, req.ctx, req.body.channel, req.body.customerId)),
  );
  app.delete(
    '/api/opt-outs/:id',
    { config: { permission: 'messaging:edit' }, schema: { tags, params: idParams } },
    async (req, reply) => {
      await removeOptOut(db, req.ctx, req.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/blacklist',
    {
      config: { permission: 'messaging:view' },
      schema: { tags, response: { 200: z.object({ items: z.array(BlacklistEntry) }) } },
    },
    async (req) => ({ items: await listBlacklist(db, req.ctx) }),
  );
  app.post(
    '/api/blacklist',
    {
      config: { permission: 'messaging:edit' },
      schema: { tags, body: BlacklistInput, response: { 201: BlacklistEntry } },
    },
    async (req, reply) => reply.code(201).send(await addToBlacklist(db, req.ctx, req.body)),
  );
  app.delete(
    '/api/blacklist/:id',
    { config: { permission: 'messaging:edit' }, schema: { tags, params: idParams } },
    async (req, reply) => {
      await removeFromBlacklist(db, req.ctx, req.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/messaging/test-outbox',
    {
      config: { permission: 'messaging:view' },
      schema: { tags, querystring: z.object({ limit }), response: { 200: z.object({ items: z.array(OutboxItem) }) } },
    },
    async (req) => {
      if (!gateways.sinks) throw messagingError('NO_TEST_OUTBOX');
      const rows = await db
        .selectFrom('messaging_test_outbox')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(req.query.limit)
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          channel: r.channel,
          sender: r.sender,
          recipient: r.channel === 'sms' ? (phoneFor(req.ctx, r.recipient) ?? '') : r.recipient,
          subject: r.subject,
          body: r.body,
          parts: r.parts,
          receivedAt: r.received_at.toISOString(),
        })),
      };
    },
  );
  app.get(
    '/api/messaging/status',
    { config: { authenticated: true }, schema: { tags, response: { 200: z.object({ localSinks: z.boolean() }) } } },
    async () => ({ localSinks: gateways.sinks !== undefined }),
  );
}
