import { describe, expect, it } from 'vitest';
import { findPersonalNumbers } from '../../src/text/pii.js';
import { leavesAlone, masksAs } from '../support/redaction.js';

// Personal data an eleventh black-box review found in clear.

describe('parenthesised ideographs as digits', () => {
  masksAs([
    ['手机㈠㈢㈧㈠㈡㈢㈣㈤㈥㈦㈧', '手机138****5678'],
    ['电话：㈠㈢㈨ ㈠㈡㈢㈣ ㈤㈥㈦㈧', '电话：139****5678'],
    // Mixed with circled ideographs and plain digits.
    ['手机㈠3㊇1234㈤㈥㈦㈧', '手机138****5678'],
  ]);
  // A list numbered with them, and a rank.
  leavesAlone(['㈠ 先退货 ㈡ 再退款', '第㈠名', '㈠㈡㈢']);

  it('the pii-exposure reading finds the number too', () => {
    expect(findPersonalNumbers('您的手机㈠㈢㈧㈠㈡㈢㈣㈤㈥㈦㈧', { spellings: 'any' }).map((m) => m.digits)).toEqual(['13812345678']);
  });
});
