import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, addMonths, businessTimeZone, businessToday, thisMonth } from './business-date.ts';

/**
 * The one way the web app shows a moment or a date: in the reader's language, on the business clock (the server's
 * LIANXI_TIMEZONE, learnt at sign-in by business-date.ts), so a counter in Urumqi and a laptop set to UTC read the
 * same times. The API sends moments as ISO timestamps and business dates as YYYY-MM-DD.
 */

type Moment = string | number | Date;

const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: string, kind: 'dateTime' | 'date' | 'time'): Intl.DateTimeFormat {
  const locale = lang === 'en' ? 'en-GB' : 'zh-CN';
  const timeZone = businessTimeZone();
  const key = `${locale}:${kind}:${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    const date = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;
    const time = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
    const options = kind === 'date' ? date : kind === 'time' ? time : { ...date, ...time };
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formats.set(key, f);
  }
  return f;
}

/** A date-only value (YYYY-MM-DD) is a business date already: it is shown as it is, never shifted by a zone. */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function toDate(value: Moment): Date | null {
  const d = typeof value === 'string' && DATE_ONLY.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function formatDateTime(value: Moment | null | undefined, lang: string): string {
  const d = value == null ? null : toDate(value);
  return d ? formatter(lang, 'dateTime').format(d) : '—';
}

export function formatDate(value: Moment | null | undefined, lang: string): string {
  const d = value == null ? null : toDate(value);
  return d ? formatter(lang, 'date').format(d) : '—';
}

/** Today's business date (YYYY-MM-DD) on the server's clock, optionally some days on: the default of date fields. */
export function businessDate(daysFromToday = 0): string {
  return addDays(businessToday(), daysFromToday);
}

/** The business month (YYYY-MM) on the server's clock, optionally some months on (-1: last month). */
export function businessMonth(monthsFromNow = 0): string {
  return addMonths(thisMonth(), monthsFromNow);
}

/** The formatters bound to the reader's language: `const { dateTime, date } = useDateFormat()`. */
export function useDateFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(
    () => ({
      dateTime: (value: Moment | null | undefined) => formatDateTime(value, lang),
      date: (value: Moment | null | undefined) => formatDate(value, lang),
    }),
    [lang],
  );
}
