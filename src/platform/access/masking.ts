import type { RequestContext } from './context.ts';
import { can } from './permissions.ts';
import { platformError } from '../errors.ts';
import { registerFieldMessages } from '../http/field-messages.ts';

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

export function seesSensitive(ctx: Pick<RequestContext, 'permissions'>): boolean {
  return can(ctx, 'sensitive:view');
}

/** Masks the value unless the caller may see sensitive fields. */
export function phoneFor(ctx: RequestContext, phone: string | null): string | null {
  return phone === null || seesSensitive(ctx) ? phone : maskPhone(phone);
}

export function idCardFor(ctx: RequestContext, idCard: string | null): string | null {
  return idCard === null || seesSensitive(ctx) ? idCard : maskIdCard(idCard);
}

/**
 * A birth date is digits 7–14 of the ID card, exactly the part its mask hides: shown beside a masked number it
 * leaves a few thousand candidates, which an exact ID-card search then confirms. Hidden from masked roles.
 */
export function birthDateFor(ctx: RequestContext, birthDate: string | null): string | null {
  return seesSensitive(ctx) ? birthDate : null;
}

// Whole numbers inside free text (import errors, audit details, log lines): a mainland mobile, an 18-character
// ID card (region, a 19xx/20xx birth date, sequence, check character) and a landline with its area code.
const MOBILE = /(?<![\dA-Za-z])(?:\+?86[\s-]?)?1[3-9]\d{9}(?![\dA-Za-z])/g;
const ID_CARD = /(?<![\dA-Za-z])\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])/g;
const LANDLINE = /(?<![\dA-Za-z])0\d{2,3}-\d{7,8}(?![\dA-Za-z])/g;

/** Every phone or ID-card number in a text, masked as the fields are. */
export function maskNumbersInText(text: string): string {
  return text
    .replace(ID_CARD, maskIdCard)
    .replace(MOBILE, (m) => maskPhone(m.replace(/^\+?86[\s-]?/, '')))
    .replace(LANDLINE, maskPhone);
}

/** A JSON-like value with every string's numbers masked (history entries, audit changes, error lists). */
export function maskNumbersIn<T>(value: T): T {
  if (typeof value === 'string') return maskNumbersInText(value) as T;
  if (Array.isArray(value)) return value.map((v) => maskNumbersIn(v)) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskNumbersIn(v)])) as T;
  }
  return value;
}

/** The value as the caller may see it: unchanged with `sensitive:view`, its numbers masked without. */
export function textFor<T>(ctx: RequestContext, value: T): T {
  return seesSensitive(ctx) ? value : maskNumbersIn(value);
}

/**
 * How a search by phone digits may match. A masked caller already sees a number's first 3 and last 4 digits;
 * a suffix search with 5–10 digits would reveal the hidden middle one digit at a time (about 20 searches per
 * number). So without `sensitive:view` only the last 4 digits (which the mask shows) or the whole number match.
 */
export function phoneSearchFor(ctx: RequestContext, digits: string): 'suffix' | 'whole' {
  if (seesSensitive(ctx) || digits.length === 4) return 'suffix';
  if (digits.length >= 7) return 'whole';
  throw platformError('VALIDATION_FAILED', undefined, { q: PHONE_SEARCH_MESSAGE });
}

export const PHONE_SEARCH_MESSAGE = 'search a phone by its last 4 digits or the whole number';
registerFieldMessages({ [PHONE_SEARCH_MESSAGE]: '请输入号码后 4 位或完整号码' });
