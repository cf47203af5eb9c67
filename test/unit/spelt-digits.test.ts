import { describe, expect, it } from 'vitest';
import { MappedText } from '../../src/text/mapped-text.js';
import { findPersonalNumbers, piiView } from '../../src/text/pii.js';
import { leavesAlone, masksAs } from '../support/redaction.js';
import { digitSpelling, readSpeltDigits } from '../../src/text/spelt-digits.js';

describe('digitSpelling: one table for every spelling of a digit', () => {
  it.each([
    ['7', '7'], ['七', '7'], ['柒', '7'], ['幺', '1'], ['〇', '0'], ['零', '0'],
    ['o', '0'], ['O', '0'], ['l', '1'], ['I', '1'], ['|', '1'], ['丨', '1'],
    ['six', '6'], ['Six', '6'], ['SIX', '6'], ['zero', '0'],
  ])('%s is %s', (spelling, digit) => {
    expect(digitSpelling(spelling)).toBe(digitSpelling(digit));
    expect(digitSpelling(spelling)).toBe(digit);
  });

  it('knows nothing else', () => {
    for (const spelling of ['L', 'a', '十', 'ten', '']) expect(digitSpelling(spelling)).toBeUndefined();
  });
});

describe('readSpeltDigits', () => {
  it('reads letters, words and Chinese digits inside a number, and maps each back to what was typed', () => {
    const text = '电话 1３8-4七29-105six 谢谢';
    const view = piiView(text);
    expect(view.text).toBe('电话 13847291056 谢谢');
    const [hit] = findPersonalNumbers(text, { spellings: 'any' });
    expect(text.slice(hit!.start, hit!.end)).toBe('1３8-4七29-105six');
  });

  it.each([
    ['电话 138 o4729 1056', '电话 138 04729 1056'],
    ['I384729IO56', '13847291056'],
    ['i384729io56', '13847291056'],
    ['l384729lO56', '13847291056'],
    ['1384729l05six', '13847291056'],
    ['丨38 4729 1O56', '138 4729 1056'],
    // English digit words standing between groups of digits, or seven of them and more.
    ['138 four seven two nine 1056', '138 4 7 2 9 1056'],
    ['one three eight four seven two nine one zero five six', '1 3 8 4 7 2 9 1 0 5 6'],
  ])('%s reads as %s', (text, read) => {
    expect(readSpeltDigits(MappedText.of(text)).text).toBe(read);
  });

  it.each([
    // Letters in words, or alone, are letters.
    'hello 13847291056',
    'I 13847291056',
    'hello138o4729105',
    'oil 1384729105',
    'one 13847291056',
    'I have one two three apples 13812345678',
    '13812345678 one 13912345678',
    'iPhone 13 Pro 256G',
    // Too few written digits, too many letters, or two numbers side by side.
    'lol 1o1 l0l',
    '型号 l3ooooooooo',
    'A1O2-B3O4',
    '13812345678|13912345678',
    // Words with Chinese numerals.
    '一两个 三五天 十一点',
  ])('leaves %s as it is', (text) => {
    expect(readSpeltDigits(MappedText.of(text)).text).toBe(text);
  });
});

describe('redaction of numbers spelt with look-alike letters, words and mixed widths', () => {
  masksAs([
    ['电话 138 o4729 1056', '电话 138*****1056'],
    ['1３8-4七29-105six', '138****1056'],
    ['电话 I384729IO56 找我', '电话 138****1056 找我'],
    ['call me on 138 four seven two nine 1056', 'call me on 138****1056'],
    ['one three eight four seven two nine one zero five six', '138****1056'],
  ]);

  // English words with o, l and I in them.
  leavesAlone(['I love it, order 12345 is fine', 'Hello, I will call you at 10 o clock', 'all 100 of them']);
});
