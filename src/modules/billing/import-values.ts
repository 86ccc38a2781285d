/**
 * Reading the values of a billing-system file, one row at a time as it streams (see run-import.ts): each parser
 * returns the value in the form COPY takes, or undefined when the text is not a valid one.
 */

/** A date-time as billing systems write it: 2026-10-03 08:15[:30], '/' or '-' between the date's parts, or a 'T'. */
const DATE_TIME = /^(\d{4})[-/](0[1-9]|1[0-2])[-/](0[1-9]|[12]\d|3[01])[ T]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

export interface Timestamp {
  /** YYYY-MM-DD HH:MM:SS */
  text: string;
  /** The first day of its month, YYYY-MM-01. */
  month: string;
  hour: number;
}

export function parseTimestamp(raw: string): Timestamp | undefined {
  const m = DATE_TIME.exec(raw);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '00'] = m;
  // The 30th of February passes the pattern; the month's length refuses it.
  if (d > '28' && Number(d) > new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate()) return undefined;
  return { text: `${y}-${mo}-${d} ${h}:${mi}:${s}`, month: `${y}-${mo}-01`, hour: Number(h) };
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
