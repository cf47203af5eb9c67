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

describe('a name greeted in English, after Dear and a title or alone at the start of a line', () => {
  masksAs([
    ['Dear Mr. Smith,', 'Dear Mr. S****,'],
    ['Dear Ms Jones', 'Dear Ms J****'],
    ['Dear Dr. Watson, your order has shipped', 'Dear Dr. W*****, your order has shipped'],
    ['Hi Mary,', 'Hi M***,'],
    ['Hello John Smith', 'Hello J********'],
    ['Hi Mary Jones!', 'Hi M********!'],
    ['Hey Sara, sorry for the delay', 'Hey S***, sorry for the delay'],
    ['订单已发出\nHi Mary，请查收', '订单已发出\nHi M***，请查收'],
    // A reply on Twitter opens with the mentions it answers.
    ['@105855 Hi Thomas, this is correct', '@105855 Hi T*****, this is correct'],
  ]);
  // Words that are greeted and are no one's name ("Hello World" is a program's first words), a greeting with a
  // comma after it, a lone title, a mention, and an initial.
  leavesAlone(['Hi there', 'Hi There!', 'Hello team', 'Hi all', 'Hi All,', 'Hi Guys,', 'Hello Sir,', 'Dear customer', 'Dear Sir or Madam,', 'Hi, I need help', 'Hello World', 'Hello World!', 'Dear Mr', 'Hi @mary_jones99', "Hi I'm stuck", 'Hey J.']);
});
