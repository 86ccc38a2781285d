import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import {
  addDays,
  addMonths,
  addMonthsToDate,
  daysBetween,
  endOfBusinessDay,
  lastDayOfMonth,
  monthsBetween,
  now,
  setClock,
  startOfBusinessDay,
  thisMonth,
  today,
  toBusinessDate,
} from './clock.ts';

describe('the clock', () => {
  after(() => setClock(undefined));

  it('gives the Beijing date, not the UTC one, between 00:00 and 08:00 Beijing time', () => {
    setClock('2026-12-02T16:30:00Z'); // 00:30 on 3 December in Beijing
    assert.equal(today(), '2026-12-03');
    assert.equal(toBusinessDate(new Date('2026-12-02T15:59:59Z')), '2026-12-02');
  });

  it('turns the month over at Beijing midnight on New Year', () => {
    setClock('2026-12-31T15:30:00Z');
    assert.equal(today(), '2026-12-31');
    assert.equal(thisMonth(), '2026-12');
    setClock('2026-12-31T16:30:00Z');
    assert.equal(today(), '2027-01-01');
    assert.equal(thisMonth(), '2027-01');
  });

  it('keeps running from a set instant when asked to', async () => {
    setClock('2030-01-01T00:00:00Z', { running: true });
    const first = now().getTime();
    await new Promise((r) => setTimeout(r, 5));
    assert.ok(now().getTime() > first);
    assert.ok(first >= Date.parse('2030-01-01T00:00:00Z'));
  });

  it('does calendar arithmetic across month ends and leap days', () => {
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addDays('2027-02-28', 1), '2027-03-01');
    assert.equal(addDays('2026-01-01', -1), '2025-12-31');
    assert.equal(addMonthsToDate('2027-01-31', 1), '2027-02-28');
    assert.equal(addMonthsToDate('2028-01-31', 1), '2028-02-29');
    assert.equal(addMonths('2026-12', 1), '2027-01');
    assert.equal(addMonths('2026-01', -2), '2025-11');
    assert.equal(lastDayOfMonth('2028-02'), '2028-02-29');
    assert.equal(daysBetween('2026-12-25', '2027-01-04'), 10);
    assert.deepEqual(monthsBetween('2026-11', '2027-02'), ['2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('starts a business day at midnight in the business zone', () => {
    assert.equal(startOfBusinessDay('2026-12-03').toISOString(), '2026-12-02T16:00:00.000Z');
    assert.equal(endOfBusinessDay('2026-12-31').toISOString(), '2026-12-31T16:00:00.000Z');
  });
});

describe('wall-clock times', () => {
  it('reads an instant as Beijing wall-clock time, for timestamp columns', async () => {
    const { toBusinessDateTime } = await import('./clock.ts');
    assert.equal(toBusinessDateTime(new Date('2026-12-31T16:30:05Z')), '2027-01-01 00:30:05');
  });
});
