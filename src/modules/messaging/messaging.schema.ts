import { z } from 'zod';
import { id } from '../../platform/http/schemas.ts';

export const CHANNELS = ['sms', 'email'] as const;
export const PURPOSES = ['marketing', 'service'] as const;
export const MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'failed', 'skipped'] as const;
export type Channel = (typeof CHANNELS)[number];
export type Purpose = (typeof PURPOSES)[number];
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const TemplateInput = z.object({
  name: z.string().trim().min(1).max(100),
  channel: z.enum(CHANNELS),
  purpose: z.enum(PURPOSES),
  locale: z.enum(['zh', 'en']),
  subject: z.string().trim().max(200).nullish(),
  body: z.string().min(1).max(5000),
});
export type TemplateInput = z.infer<typeof TemplateInput>;
export const Template = TemplateInput.extend({ id, subject: z.string().nullable(), createdAt: z.string() });
export type Template = z.infer<typeof Template>;

export const PreviewInput = z.object({ customerId: id });
export const Preview = z.object({
  subject: z.string().nullable(),
  body: z.string(),
  /** SMS only: the parts a handset will receive, and the encoding that decides it. */
  segments: z.number().int(),
  encoding: z.enum(['gsm7', 'ucs2']).nullable(),
});

export const SendInput = z
  .object({
    customerId: id,
    channel: z.enum(CHANNELS),
    templateId: id.optional(),
    text: z.string().min(1).max(5000).optional(),
    subject: z.string().trim().max(200).optional(),
    purpose: z.enum(PURPOSES).default('service'),
    /** A client-chosen key: sending again with the same key returns the first message rather than a second one. */
    idempotencyKey: z.string().min(8).max(100).optional(),
  })
  .refine((v) => (v.templateId === undefined) !== (v.text === undefined), {
    message: 'give either templateId or text',
    path: ['text'],
  });
export type SendInput = z.infer<typeof SendInput>;

/** A message as staff see it: never the address (the server filled it in from the customer record). */
export const Message = z.object({
  id,
  customerId: id,
  channel: z.enum(CHANNELS),
  purpose: z.enum(PURPOSES),
  templateId: id.nullable(),
  subject: z.string().nullable(),
  body: z.string(),
  segments: z.number().int(),
  status: z.enum(MESSAGE_STATUSES),
  statusReason: z.string().nullable(),
  sentByName: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
});
export type Message = z.infer<typeof Message>;

export const OptOutInput = z.object({ channel: z.enum(CHANNELS), customerId: id });
export const OptOut = z.object({
  id,
  channel: z.enum(CHANNELS),
  address: z.string(),
  source: z.enum(['staff', 'reply', 'link']),
  createdAt: z.string(),
});
/** An address given directly (a number or an email that is no customer's), or a customer's address on a channel. */
export const BlacklistInput = z.object({
  address: z
    .string()
    .trim()
    .max(254)
    .regex(/^(\+?\d{5,20}|[^\s@]+@[^\s@]+\.[^\s@]+)$/)
    .optional(),
  customerId: id.optional(),
  channel: z.enum(CHANNELS).optional(),
  reason: z.string().trim().max(200).optional(),
});
export type BlacklistInput = z.infer<typeof BlacklistInput>;
export const BlacklistEntry = z.object({
  id,
  address: z.string(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});
export const OutboxItem = z.object({
  id,
  channel: z.enum(CHANNELS),
  sender: z.string().nullable(),
  recipient: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  parts: z.number().int(),
  receivedAt: z.string(),
});
