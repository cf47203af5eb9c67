import { describe, expect, it } from 'vitest';
import { isShareableTopic, redactText } from '../../src/text/redact.js';

describe('redactText', () => {
  it.each([
    ['电话13912345678', '电话139****5678'],
    ['手机 +86 139-1234-5678 随时打', '手机 139****5678 随时打'],
    ['全角１３９１２３４５６７８', '全角139****5678'],
    ['身份证440305199211184526', '身份证440***********4526'],
    ['证件号11010519491231002x', '证件号110***********002x'],
    ['卡号 6222 0212 3456 7890 123', '卡号 622************0123'],
    ['座机 0571 88886666', '座机 0571-********'],
    ['邮箱 zhang.san@example.com', '邮箱 z***@example.com'],
    ['微信号：abc_12345', '微信号：a*******5'],
    ['我叫王小明', '我叫王**'],
    ['收件人：李华 电话 13812345678', '收件人：李* 电话 138****5678'],
    ['收件人李华电话找不到', '收件人李*电话找不到'],
    ['联系人欧阳娜娜', '联系人****'],
    ['陈先生您好', '*先生您好'],
    ['您好王先生，谢谢李小姐', '您好*先生，谢谢*小姐'],
    ['我是王小明', '我是王**'],
    ['卡号６２２２　０２００　１２３４　５６７８', '卡号622*********5678'],
    ['ＺＨＡＮＧ＠ｑｑ．ｃｏｍ', 'Z***@qq.com'],
    ['打 139 - 1234 - 5678 或 139.1234.5678', '打 139****5678 或 139****5678'],
    ['座机(0571)88776655', '座机0571-********'],
    ['扣扣12345678，wechat: zhangsan88', '扣扣1******8，wechat: z********8'],
  ])('%s → %s', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it.each([
    '我叫你们经理来',
    '我叫什么不重要',
    '订单三天了还没发货',
    '优惠券满300减50',
    '小哥哥先生气了',
  ])('leaves "%s" alone', (input) => {
    expect(redactText(input)).toBe(input);
  });

  it('never leaves an 11-digit run whole', () => {
    for (const text of ['订单号202611020001234567', '单号：SF1234567890123', '13912345678', '440305199211184526']) {
      expect(redactText(text)).not.toMatch(/[0-9]{11}/);
    }
  });
});

describe('isShareableTopic', () => {
  it('keeps ordinary words and drops names, places and words jieba does not know', () => {
    for (const word of ['快递', '发票', '退款']) expect(isShareableTopic(word)).toBe(true);
    for (const word of ['王小明', '杭州市', '司马']) expect(isShareableTopic(word)).toBe(false);
  });

  it('drops compound surnames that jieba holds as ordinary words', () => {
    for (const word of ['上官', '欧阳', '慕容']) expect(isShareableTopic(word)).toBe(false);
  });
});
