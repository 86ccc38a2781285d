import type { RequestContext } from './context.ts';
import { can } from './permissions.ts';

/** 13812345678 → 138****5678; landlines keep their area code and last 4 digits. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '****';
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

/** 110101199003071234 → 1101**********1234 */
export function maskIdCard(idCard: string): string {
  if (idCard.length < 8) return '********';
  return idCard.slice(0, 4) + '*'.repeat(idCard.length - 8) + idCard.slice(-4);
}

export function seesSensitive(ctx: RequestContext): boolean {
  return can(ctx, 'sensitive:view');
}

/** Masks the value unless the caller may see sensitive fields. */
export function phoneFor(ctx: RequestContext, phone: string | null): string | null {
  return phone === null || seesSensitive(ctx) ? phone : maskPhone(phone);
}

export function idCardFor(ctx: RequestContext, idCard: string | null): string | null {
  return idCard === null || seesSensitive(ctx) ? idCard : maskIdCard(idCard);
}
