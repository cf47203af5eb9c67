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

describe('a full name as the owner of an order, an account or a document', () => {
  masksAs([
    ['这是王建国的订单', '这是王**的订单'],
    ['订单是王建国的', '订单是王**的'],
    ['这个订单是李娜的吧', '这个订单是李*的吧'],
    ['下单的是王建国', '下单的是王**'],
    ['收货的是王建国本人', '收货的是王**本人'],
    ['下单的是王建国吗', '下单的是王**吗'],
    ['以王建国的名义下单', '以王**的名义下单'],
    ['用王建国的身份证', '用王**的身份证'],
    ['王建国的手机号', '王**的手机号'],
    ['好的，王建国的订单已经发出', '好的，王**的订单已经发出'],
    ['收货的是欧阳锋', '收货的是***'],
  ]);
  // Pronouns, staff, a courier, a company, a question; a title after the surname, a shop, a place, a day, a product's version.
  leavesAlone(['这是我们的订单', '这是您的订单', '这是客服的问题', '是快递的订单', '以公司的名义', '下单的是什么', '是李老师的订单', '这是张总的订单', '是苏宁的订单', '这是江苏的订单', '这是周末的订单', '下单的是高配版', '用黄金的账号']);
});
