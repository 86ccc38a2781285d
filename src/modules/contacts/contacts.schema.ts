import { z } from 'zod';
import { TEXT_LIMITS } from '../../shared/text-limits.ts';
import { cursor, id, limit } from '../../platform/http/schemas.ts';
import { phoneNo } from '../customers/index.ts';

export const CONTACT_ROLES = ['legal_representative', 'finance', 'technical', 'purchasing', 'family', 'other'] as const;

export const Contact = z.object({
  id,
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  title: z.string().nullable(),
  notes: z.string().nullable(),
  customers: z.array(
    z.object({ customerId: id, customerNo: z.string(), customerName: z.string(), role: z.enum(CONTACT_ROLES) }),
  ),
});
export type Contact = z.infer<typeof Contact>;

export const ContactInput = z.object({
  name: z.string().trim().min(1).max(100),
  phone: phoneNo.nullable().optional(),
  email: z.email().max(TEXT_LIMITS.contacts.email).nullable().optional(),
  title: z.string().trim().max(50).nullable().optional(),
  notes: z.string().trim().max(1000).nullable().optional(),
});
export type ContactInput = z.infer<typeof ContactInput>;

export const ContactQuery = z.object({
  q: z.string().trim().max(50).optional(),
  customerId: id.optional(),
  limit,
  cursor,
});
export const LinkContact = z.object({ contactId: id, role: z.enum(CONTACT_ROLES) });
export const CustomerContactParams = z.object({ id, contactId: id });
