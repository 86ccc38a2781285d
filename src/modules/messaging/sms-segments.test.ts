import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { smsLength, splitSms } from './sms-segments.ts';

describe('SMS length as handsets count it', () => {
  it('fits 160 GSM-7 characters in one segment and needs two for 161 (153 each)', () => {
    assert.deepEqual(smsLength('a'.repeat(160)), { encoding: 'gsm7', units: 160, segments: 1, perSegment: 160 });
    assert.equal(smsLength('a'.repeat(161)).segments, 2);
    assert.equal(smsLength('a'.repeat(306)).segments, 2);
    assert.equal(smsLength('a'.repeat(307)).segments, 3);
  });
  it('counts an extension character such as € as two septets', () => {
    assert.equal(smsLength('€'.repeat(80)).units, 160);
    assert.equal(smsLength('€'.repeat(81)).segments, 2);
  });
  it('switches to UCS-2 for Chinese: 70 in one segment, 67 per part beyond', () => {
    assert.deepEqual(smsLength('您'.repeat(70)), { encoding: 'ucs2', units: 70, segments: 1, perSegment: 70 });
    assert.equal(smsLength('您'.repeat(71)).segments, 2);
    assert.equal(smsLength('您'.repeat(134)).segments, 2);
    assert.equal(smsLength('您'.repeat(135)).segments, 3);
  });
  it('splits a long text into parts that join back to it and each fit a segment', () => {
    const text = '尊敬的客户，'.repeat(30);
    const parts = splitSms(text);
    assert.equal(parts.length, smsLength(text).segments);
    assert.equal(parts.join(''), text);
    assert.ok(parts.every((p) => p.length <= 67));
  });
});
