/**
 * Business dates in the browser: days in the business time zone, on the server's clock (learnt at sign-in), so a
 * browser abroad, a machine on UTC at 00:30 Beijing time or a demo server with its clock set all agree with the
 * server on what "today" and "last month" are. Dates are 'YYYY-MM-DD', months 'YYYY-MM', as the API takes them.
 */
let timeZone = 'Asia/Shanghai';
let offsetMs = 0;

export function setServerClock(clock: { timeZone: string; now: string }): void {
  timeZone = clock.timeZone;
  offsetMs = Date.parse(clock.now) - Date.now();
}

export function businessTimeZone(): string {
  return timeZone;
}

/** The server's clock now (for "has this expired?"). */
export function serverNow(): Date {
  return new Date(Date.now() + offsetMs);
}

/** Today in the business time zone. */
export function businessToday(): string {
  // en-CA formats a date as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    Date.now() + offsetMs,
  );
}

export function thisMonth(): string {
  return businessToday().slice(0, 7);
}

function utcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function addDays(date: string, days: number): string {
  const d = utcDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A month ('YYYY-MM') moved by `months`. */
export function addMonths(month: string, months: number): string {
  const d = utcDate(`${month}-01`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 7);
}
