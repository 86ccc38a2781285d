/**
 * The one owner of time. Business dates (bill months, due dates, SLA days, churn dates, report ranges, birthdays)
 * are calendar dates in the business time zone (LIANXI_TIMEZONE, default Asia/Shanghai), never UTC slices of a Date:
 * between 00:00 and 08:00 in Beijing the UTC date is still yesterday. Timestamps stay `Date`/`timestamptz`.
 *
 * Dates travel as 'YYYY-MM-DD' strings and months as 'YYYY-MM', exactly as PostgreSQL prints `date` and as the API
 * takes them. The clock can be set (tests, demo seeders, LIANXI_NOW for a whole process) without touching `Date`.
 */
import { readConfig } from './config.ts';

export type DateString = string;
export type MonthString = string;

interface ClockState {
  timeZone: string;
  /** Milliseconds added to the machine's time; 0 unless the clock was set. */
  offsetMs: number;
  /** A stopped clock always answers this instant. */
  frozenAt: number | undefined;
}

const state: ClockState = initialState();

function initialState(): ClockState {
  const config = readConfig();
  const s: ClockState = { timeZone: config.timeZone, offsetMs: 0, frozenAt: undefined };
  if (config.now) s.offsetMs = config.now.getTime() - Date.now();
  return s;
}

/** The current instant. */
export function now(): Date {
  return new Date(nowMs());
}

export function nowMs(): number {
  return state.frozenAt ?? Date.now() + state.offsetMs;
}

export function businessTimeZone(): string {
  return state.timeZone;
}

/**
 * Sets the clock: to an instant that keeps running from there (`{ running: true }`, what LIANXI_NOW does), or frozen.
 * `setClock(undefined)` goes back to the machine's time. For tests and demo seeders only.
 */
export function setClock(at: Date | string | undefined, options: { running?: boolean } = {}): void {
  if (at === undefined) {
    state.offsetMs = 0;
    state.frozenAt = undefined;
    return;
  }
  const instant = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(instant.getTime())) throw new Error(`setClock: not an instant: ${String(at)}`);
  if (options.running) {
    state.frozenAt = undefined;
    state.offsetMs = instant.getTime() - Date.now();
  } else {
    state.frozenAt = instant.getTime();
  }
}

export function setBusinessTimeZone(timeZone: string): void {
  new Intl.DateTimeFormat('en-US', { timeZone }); // throws RangeError on an unknown zone
  state.timeZone = timeZone;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface BusinessParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading of an instant in the business time zone. */
export function businessParts(at: Date = now()): BusinessParts {
  const out: Record<string, number> = {};
  for (const p of partsFormatter(state.timeZone).formatToParts(at)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return { year: out.year, month: out.month, day: out.day, hour: out.hour, minute: out.minute, second: out.second };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The business date of an instant ('YYYY-MM-DD'). */
export function toBusinessDate(at: Date): DateString {
  const p = businessParts(at);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/**
 * The wall-clock reading of an instant in the business time zone, 'YYYY-MM-DD HH:MM:SS'. Columns of type `timestamp`
 * (without time zone: usage records' and payments' times, as the operator's files write them) hold this; compare
 * them with `${toBusinessDateTime(at)}::timestamp`, never with a Date (a driver would send the machine's wall clock).
 */
export function toBusinessDateTime(at: Date): string {
  const p = businessParts(at);
  return `${toBusinessDate(at)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** Today in the business time zone. */
export function today(): DateString {
  return toBusinessDate(now());
}

/** This month in the business time zone ('YYYY-MM'). */
export function thisMonth(): MonthString {
  return today().slice(0, 7);
}

export function monthOf(date: DateString): MonthString {
  return date.slice(0, 7);
}

function parseDate(date: DateString): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function fromUtcCalendar(ms: number): DateString {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Calendar arithmetic on dates (no time zone involved: a date is a day, not an instant). */
export function addDays(date: DateString, days: number): DateString {
  const [y, m, d] = parseDate(date);
  return fromUtcCalendar(Date.UTC(y, m - 1, d + days));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: DateString, to: DateString): number {
  const [y1, m1, d1] = parseDate(from);
  const [y2, m2, d2] = parseDate(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** Adds months to a date, keeping the day where the month has it and else taking the month's last day (31 Jan + 1 = 28/29 Feb). */
export function addMonthsToDate(date: DateString, months: number): DateString {
  const [y, m, d] = parseDate(date);
  const first = Date.UTC(y, m - 1 + months, 1);
  const target = new Date(first);
  const last = daysInMonth(`${pad(target.getUTCFullYear(), 4)}-${pad(target.getUTCMonth() + 1)}`);
  return fromUtcCalendar(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, last)));
}

export function addMonths(month: MonthString, months: number): MonthString {
  return addMonthsToDate(`${month}-01`, months).slice(0, 7);
}

export function firstDayOfMonth(month: MonthString): DateString {
  return `${month}-01`;
}

export function daysInMonth(month: MonthString): number {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function lastDayOfMonth(month: MonthString): DateString {
  return `${month}-${pad(daysInMonth(month))}`;
}

/** The months from `from` to `to`, both included, in order. */
export function monthsBetween(from: MonthString, to: MonthString): MonthString[] {
  const out: MonthString[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The instant a business date starts (00:00 in the business time zone). */
export function startOfBusinessDay(date: DateString): Date {
  const [y, m, d] = parseDate(date);
  // Guess UTC midnight, then correct by the zone's offset at that instant (twice, for a day that changes offset).
  let guess = Date.UTC(y, m - 1, d);
  for (let i = 0; i < 2; i++) {
    const p = businessParts(new Date(guess));
    const shownAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    guess -= shownAsUtc - Date.UTC(y, m - 1, d);
  }
  return new Date(guess);
}

/** The instant a business date ends (the next day's start; use with `<`). */
export function endOfBusinessDay(date: DateString): Date {
  return startOfBusinessDay(addDays(date, 1));
}

/**
 * Runs `fn` with the clock frozen at `at`, then puts the clock back as it was. For demo seeders that replay
 * history (an account cancelled 40 days ago goes through the same rules as one cancelled today).
 */
export async function atInstant<T>(at: Date, fn: () => Promise<T>): Promise<T> {
  const saved = { ...state };
  state.frozenAt = at.getTime();
  try {
    return await fn();
  } finally {
    Object.assign(state, saved);
  }
}

/** A report period: the given bounds, else the `months` whole months up to today (from the first of the earliest). */
export function reportPeriod(
  f: { from?: DateString; to?: DateString },
  months = 12,
): { from: DateString; to: DateString } {
  const to = f.to ?? today();
  return { from: f.from ?? firstDayOfMonth(addMonths(monthOf(to), 1 - months)), to };
}

/** How many calendar months [from, to] touches, both included. */
export function monthSpan(from: DateString, to: DateString): number {
  const [y1, m1] = from.split('-').map(Number);
  const [y2, m2] = to.split('-').map(Number);
  return (y2 - y1) * 12 + m2 - m1 + 1;
}

/** Whether a 'YYYY-MM-DD' string names a day that exists (no 30 February). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(`${m[1]}-${m[2]}`);
}
