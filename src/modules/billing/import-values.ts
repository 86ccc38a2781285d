/**
 * Reading the values of a billing-system file, one row at a time as it streams (see run-import.ts): each parser
 * returns the value in the form COPY takes, or undefined when the text is not a valid one.
 */

/**
 * A date-time as billing systems and Excel write it: 2026-10-03 08:15[:30], '/' or '-' between the date's parts,
 * a 'T', months, days and hours with or without their leading zero (Excel's zh-CN 2026/12/5 9:05), or a date
 * alone (midnight).
 */
const DATE_TIME =
  /^(\d{4})[-/](0?[1-9]|1[0-2])[-/](0?[1-9]|[12]\d|3[01])(?:[ T]([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?)?$/;
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
    const [, y, mo, d, h = '0', mi = '00', s = '00'] = m;
    text = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')} ${h.padStart(2, '0')}:${mi}:${s}`;
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

const MONEY = /^\d{1,12}(\.\d+)?$/;

/**
 * An amount of money in yuan, allowing a ¥ sign and thousands separators, rounded to the fen by its value: a
 * spreadsheet's binary float (59.699999999999996 for a cell showing 59.70) is read to Excel's 15 digits first.
 */
export function parseMoney(raw: string): string | undefined {
  const text = raw.replace(/[,¥]/g, '');
  if (!MONEY.test(text)) return undefined;
  const fen = Math.round(Number((Number(text) * 100).toPrecision(15)));
  return (fen / 100).toFixed(2);
}
