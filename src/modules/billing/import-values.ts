/**
 * Reading the values of a billing-system file, one row at a time as it streams (see run-import.ts): each parser
 * returns the value in the form COPY takes, or undefined when the text is not a valid one.
 */

/** A date-time as billing systems write it: 2026-10-03 08:15[:30], '/' or '-' between the date's parts, or a 'T'. */
const DATE_TIME = /^(\d{4})[-/](0[1-9]|1[0-2])[-/](0[1-9]|[12]\d|3[01])[ T]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;
/** The form most files use, which is already the form COPY takes: checked without taking it apart. */
const CANONICAL = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]) (?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;

export interface Timestamp {
  /** YYYY-MM-DD HH:MM:SS */
  text: string;
  /** The first day of its month, YYYY-MM-01. */
  month: string;
  hour: number;
}

export function parseTimestamp(raw: string): Timestamp | undefined {
  let text = raw;
  if (raw.length !== 19 || !CANONICAL.test(raw)) {
    const m = DATE_TIME.exec(raw);
    if (!m) return undefined;
    const [, y, mo, d, h, mi, s = '00'] = m;
    text = `${y}-${mo}-${d} ${h}:${mi}:${s}`;
  }
  // Year 0001 or 9999 is a typo, not a date (see platform/http/schemas.ts: business dates run from 1900 to 2100).
  if (text < '1900' || text >= '2101') return undefined;
  // The 30th of February passes the pattern; the month's length refuses it.
  if (text.charCodeAt(8) >= 50 && text.slice(8, 10) > '28') {
    const days = new Date(Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)), 0)).getUTCDate();
    if (Number(text.slice(8, 10)) > days) return undefined;
  }
  return { text, month: `${text.slice(0, 8)}01`, hour: (text.charCodeAt(11) - 48) * 10 + text.charCodeAt(12) - 48 };
}

const WHOLE = /^\d{1,15}$/;

/** A non-negative whole number (seconds, KB, messages). */
export function parseCount(raw: string): string | undefined {
  return WHOLE.test(raw) ? raw : undefined;
}

const MONEY = /^\d{1,12}(\.\d{1,2})?$/;

/** An amount of money in yuan, allowing a ¥ sign and thousands separators. */
export function parseMoney(raw: string): string | undefined {
  const text = raw.replace(/[,¥]/g, '');
  return MONEY.test(text) ? text : undefined;
}
