import { isCalendarDate, today } from '../../platform/clock.ts';
/**
 * Pure rules about Chinese identity documents and phone numbers, unit-tested on their own.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CODES = '10X98765432';

/** GB 11643-1999 check character of the first 17 digits. */
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CODES[sum % 11];
}

export type IdCardProblem = 'format' | 'birth_date' | 'checksum';

/** Why an 18-digit resident ID number is invalid, or null when it is valid. */
export function idCardProblem(value: string, asOf: string = today()): IdCardProblem | null {
  if (!/^\d{17}[\dX]$/.test(value)) return 'format';
  const birth = idCardBirthDate(value);
  if (!isCalendarDate(birth) || birth > asOf || birth < '1900-01-01') return 'birth_date';
  if (idCardCheckChar(value.slice(0, 17)) !== value[17]) return 'checksum';
  return null;
}

export function idCardBirthDate(value: string): string {
  return `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
}

/** The 17th digit is odd for men, even for women. */
export function idCardGender(value: string): 'male' | 'female' {
  return Number(value[16]) % 2 === 1 ? 'male' : 'female';
}

/** Mainland mobile (11 digits, 1[3-9]…) or landline with area code (010-12345678, 0531-8888888). */
export const MOBILE = /^1[3-9]\d{9}$/;
export const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

export function isPhone(value: string): boolean {
  return MOBILE.test(value) || LANDLINE.test(value);
}

/** Strips spaces and a +86 prefix that people type. */
export function normalisePhone(value: string): string {
  return value.replace(/[\s()]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
}
