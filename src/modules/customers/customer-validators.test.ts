import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  idCardBirthDate,
  idCardCheckChar,
  idCardGender,
  idCardProblem,
  isPhone,
  normalisePhone,
} from './customer-validators.ts';

describe('ID-card rules (GB 11643)', () => {
  it('accepts the standard example and derives birth date and gender', () => {
    assert.equal(idCardProblem('11010519491231002X'), null);
    assert.equal(idCardBirthDate('11010519491231002X'), '1949-12-31');
    assert.equal(idCardGender('11010519491231002X'), 'female');
    assert.equal(idCardGender('110101199003071256'.slice(0, 17) + idCardCheckChar('11010119900307125')), 'male');
  });
  it('computes the check character, X included', () => {
    assert.equal(idCardCheckChar('11010519491231002'), 'X');
    assert.equal(idCardCheckChar('44052418800101001'), '4');
  });
  it('refuses a wrong check digit, an impossible birth date, a future birth date and a bad format', () => {
    assert.equal(idCardProblem('110105194912310021'), 'checksum');
    const feb30 = '11010519900230001';
    assert.equal(idCardProblem(feb30 + idCardCheckChar(feb30)), 'birth_date');
    const future = '11010520990101001';
    assert.equal(idCardProblem(future + idCardCheckChar(future)), 'birth_date');
    assert.equal(idCardProblem('1101051949123100'), 'format');
    assert.equal(idCardProblem('11010519491231002x'), 'format');
  });
});

describe('phone rules', () => {
  it('accepts mainland mobiles and landlines with area code', () => {
    for (const phone of ['13812345678', '19912345678', '010-12345678', '0531-8888888', '053188888888'])
      assert.ok(isPhone(phone), phone);
  });
  it('refuses numbers that are neither', () => {
    for (const phone of ['12812345678', '1381234567', '8888888', '+8613812345678', 'abc'])
      assert.ok(!isPhone(phone), phone);
  });
  it('strips spaces and the +86 prefix people type', () => {
    assert.equal(normalisePhone('+86 138 1234 5678'), '13812345678');
    assert.equal(normalisePhone('0531-8888888'), '0531-8888888');
  });
});
