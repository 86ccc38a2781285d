import { addDays, businessParts, now, startOfBusinessDay, toBusinessDate } from '../../platform/clock.ts';
import { readConfig } from '../../platform/config.ts';

const quietHours = readConfig().quietHours;

/**
 * When a marketing message may go out: undefined now, else the end of the current quiet hours (LIANXI_QUIET_HOURS,
 * business time zone), e.g. the next 08:00 for 21-8. Service messages never ask.
 */
export function quietUntil(at: Date = now()): Date | undefined {
  if (!quietHours) return undefined;
  const { startHour, endHour } = quietHours;
  const { hour } = businessParts(at);
  const quiet = startHour > endHour ? hour >= startHour || hour < endHour : hour >= startHour && hour < endHour;
  if (!quiet) return undefined;
  const day = hour >= endHour ? addDays(toBusinessDate(at), 1) : toBusinessDate(at);
  return new Date(startOfBusinessDay(day).getTime() + endHour * 3_600_000);
}
