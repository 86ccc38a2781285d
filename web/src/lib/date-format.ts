import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The one way the web app shows a moment or a date: in the reader's language, on the business clock (the server's
 * LIANXI_TIMEZONE, Asia/Shanghai by default), so a counter in Urumqi and a laptop set to UTC read the same times.
 * The API sends moments as ISO timestamps and business dates as YYYY-MM-DD.
 */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

type Moment = string | number | Date;

const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: string, kind: 'dateTime' | 'date' | 'time'): Intl.DateTimeFormat {
  const locale = lang === 'en' ? 'en-GB' : 'zh-CN';
  const key = `${locale}:${kind}`;
  let f = formats.get(key);
  if (!f) {
    const date = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;
    const time = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
    const options = kind === 'date' ? date : kind === 'time' ? time : { ...date, ...time };
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: BUSINESS_TIME_ZONE });
    formats.set(key, f);
  }
  return f;
}

/** A date-only value (YYYY-MM-DD) is a business date already: it is shown as it is, never shifted by a zone. */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function toDate(value: Moment): Date | null {
  const d = typeof value === 'string' && DATE_ONLY.test(value) ? new Date(`${value}T12:00:00+08:00`) : new Date(value);
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

/** Today's business date (YYYY-MM-DD), optionally some days on: the default of date fields. */
export function businessDate(daysFromToday = 0): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: BUSINESS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  if (!daysFromToday) return parts;
  const d = new Date(`${parts}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + daysFromToday);
  return d.toISOString().slice(0, 10);
}

/** The business month (YYYY-MM) today, optionally some months on (-1: last month). */
export function businessMonth(monthsFromNow = 0): string {
  const [y, m] = businessDate().split('-').map(Number);
  const index = y * 12 + (m - 1) + monthsFromNow;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The formatters bound to the reader's language: `const { dateTime, date } = useDateFormat()`. */
export function useDateFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(() => ({
    dateTime: (value: Moment | null | undefined) => formatDateTime(value, lang),
    date: (value: Moment | null | undefined) => formatDate(value, lang),
  }), [lang]);
}
