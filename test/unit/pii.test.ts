import { describe, expect, it } from 'vitest';
import {
  findBankCards,
  findMobileNumbers,
  findPersonalNumbers,
  findResidentIds,
  isPlausibleBankCard,
  isValidResidentId,
  maskMiddle,
  maskPersonalNumber,
  passesLuhn,
  residentIdCheckChar,
} from '../../src/text/pii.js';

describe('GB 11643 resident ID check', () => {
  it('computes the check character from the 17 weighted digits', () => {
    expect(residentIdCheckChar('11010519880315123')).toBe('2');
    expect(residentIdCheckChar('32058219750101109')).toBe('X');
  });

  it('accepts a valid ID, with X in either case', () => {
    expect(isValidResidentId('110105198803151232')).toBe(true);
    expect(isValidResidentId('32058219750101109X')).toBe(true);
    expect(isValidResidentId('32058219750101109x')).toBe(true);
  });

  it('refuses a wrong check character, an impossible birth date and the wrong length', () => {
    expect(isValidResidentId('110105198803151230')).toBe(false);
    expect(isValidResidentId('110105198802301235')).toBe(false); // check character right, 30 February
    expect(isValidResidentId('11010519880315123')).toBe(false);
    expect(() => residentIdCheckChar('1234')).toThrow();
  });
});

describe('Luhn check', () => {
  it('accepts card numbers and refuses one changed digit', () => {
    expect(passesLuhn('6222021234567894')).toBe(true);
    expect(passesLuhn('4367420012345673')).toBe(true);
    expect(passesLuhn('6222021234567895')).toBe(false);
    expect(passesLuhn('')).toBe(false);
  });

  it('needs 16–19 digits and not a run of one digit to be a plausible card', () => {
    expect(isPlausibleBankCard('0000000000000000')).toBe(false);
    expect(isPlausibleBankCard('6217001234567890122')).toBe(true);
    expect(isPlausibleBankCard('79927398713')).toBe(false); // Luhn-valid, too short
  });
});

describe('finding numbers in text', () => {
  it('finds mobiles with +86 and separators, not inside longer runs or after letters', () => {
    expect(findMobileNumbers('电话 +86 138-1234-5678').map((m) => m.digits)).toEqual(['13812345678']);
    expect(findMobileNumbers('订单1381234567890')).toEqual([]);
    expect(findMobileNumbers('code a13812345678')).toEqual([]);
    expect(findMobileNumbers('138****5678')).toEqual([]);
  });

  it('finds IDs and cards only when their checks pass', () => {
    expect(findResidentIds('号码110105198803151232').map((m) => m.digits)).toEqual(['110105198803151232']);
    expect(findResidentIds('号码110105198803151230')).toEqual([]);
    expect(findBankCards('卡 6222 0212 3456 7894 ').map((m) => m.digits)).toEqual(['6222021234567894']);
    expect(findBankCards('卡 6222021234567895')).toEqual([]);
  });

  it('reports an 18-digit string once, as an ID before a card', () => {
    const found = findPersonalNumbers('110105198803151232 与 13812345678');
    expect(found.map((m) => m.kind)).toEqual(['residentId', 'mobile']);
    expect(found[0]).toMatchObject({ start: 0, end: 18 });
  });
});

describe('masks', () => {
  it('keeps the usual head and tail of each kind', () => {
    expect(maskPersonalNumber({ kind: 'mobile', digits: '13812345678' })).toBe('138****5678');
    expect(maskPersonalNumber({ kind: 'residentId', digits: '110105198803151232' })).toBe('110105********1232');
    expect(maskPersonalNumber({ kind: 'bankCard', digits: '6222021234567894' })).toBe('6222********7894');
    expect(maskMiddle('123', 2, 2)).toBe('***');
  });
});
