import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCount, parseMoney, parseTimestamp } from './import-values.ts';

describe('reading the values of a billing file', () => {
  it('takes a date-time in the usual form as it is, and the other forms rewritten to it', () => {
    assert.deepEqual(parseTimestamp('2026-10-03 08:15:30'), {
      text: '2026-10-03 08:15:30',
      month: '2026-10-01',
      hour: 8,
    });
    assert.deepEqual(parseTimestamp('2026/10/03 21:30'), {
      text: '2026-10-03 21:30:00',
      month: '2026-10-01',
      hour: 21,
    });
    assert.equal(parseTimestamp('2026-10-03T23:59:59')?.text, '2026-10-03 23:59:59');
  });

  it('takes dates as Excel zh-CN writes them: no leading zeros, minutes without seconds, or the date alone', () => {
    assert.deepEqual(parseTimestamp('2026/12/5 9:05'), { text: '2026-12-05 09:05:00', month: '2026-12-01', hour: 9 });
    assert.equal(parseTimestamp('2026/12/5')?.text, '2026-12-05 00:00:00');
    assert.equal(parseTimestamp('2026-10-03')?.text, '2026-10-03 00:00:00');
    assert.equal(parseTimestamp('2026/2/30'), undefined);
  });

  it('refuses days a month does not have, in both forms, and knows leap years', () => {
    assert.equal(parseTimestamp('2026-02-29 10:00:00'), undefined);
    assert.equal(parseTimestamp('2026/04/31 10:00'), undefined);
    assert.equal(parseTimestamp('2028-02-29 10:00:00')?.month, '2028-02-01');
    assert.equal(parseTimestamp('2026-12-31 10:00:00')?.hour, 10);
  });

  it('refuses what is not a date-time', () => {
    for (const bad of [
      '',
      '2026-10',
      '2026-13-01 10:00:00',
      '2026-10-03 24:00:00',
      '2026-10-03 10:60:00',
      ' 2026-10-03 10:00:00',
      '2026-10-03 10:00:00.5',
    ]) {
      assert.equal(parseTimestamp(bad), undefined, bad);
    }
  });

  it('reads counts and money, rounding money to the fen by its value and refusing signs and words', () => {
    assert.equal(parseCount('0'), '0');
    assert.equal(parseCount('-5'), undefined);
    assert.equal(parseCount('1.5'), undefined);
    assert.equal(parseMoney('¥1,234.50'), '1234.50');
    assert.equal(parseMoney('59.699999999999996'), '59.70');
    assert.equal(parseMoney('1.005'), '1.01');
    assert.equal(parseMoney('50'), '50.00');
    assert.equal(parseMoney('ten'), undefined);
  });
});
