import { describe, expect, it } from 'vitest';
import { redactText } from '../../src/text/redact.js';

describe('redaction of a long message with many matches', () => {
  it('masks every address, and every phone inside or beside one, however many there are', () => {
    const segment = (i: number) => `第${i}单寄到杭州市西湖区文三路${90 + i}号，电话1381234${String(5000 + i)}；`;
    const text = Array.from({ length: 300 }, (_, i) => segment(i)).join('');
    const masked = redactText(text);
    expect(masked).not.toMatch(/文三路|1381234\d{4}/u);
    expect(masked.match(/138\*{4}\d{4}/gu)).toHaveLength(300);
    expect(masked.match(/杭州市西湖区\*+/gu)).toHaveLength(300);
    // Text between the matches is kept.
    expect(masked.match(/第\d+单寄到/gu)).toHaveLength(300);
  });

  it('masks more greeted names and parts of phone numbers than a call takes arguments', () => {
    const greeted = redactText('Hi Li Lei, '.repeat(200_000));
    expect(greeted.slice(0, 22)).toBe('Hi L****, Hi L****, Hi');
    expect(greeted).not.toContain('Lei');
    const parts = redactText('138开头的，后面是12345678，'.repeat(150_000));
    expect(parts).not.toContain('12345678');
  }, 60_000);

  it('keeps the earlier kind where two finders claim the same span: a phone written as a QQ id is masked as a phone', () => {
    expect(redactText('加我QQ：13812345678，或者邮箱 lilei@163.com')).toBe('加我QQ：138****5678，或者邮箱 l***@163.com');
  });
});

describe('redaction of names and addresses that hold other personal data', () => {
  it('masks an e-mail address whose name holds a phone number as an e-mail, not as a phone', () => {
    expect(redactText('我的邮箱 13812345678_wangjg@163.com')).toBe('我的邮箱 1***@163.com');
    expect(redactText('邮箱：wangjg_13812345678@163.com')).toBe('邮箱：w***@163.com');
    expect(redactText('邮箱 wang.jg-13812345678@163.com')).toBe('邮箱 w***@163.com');
    expect(redactText('电话 13812345678，邮箱 wangjg@163.com')).toBe('电话 138****5678，邮箱 w***@163.com');
  });

  it('masks a full name before 先生, 女士 or 小姐, as it masks a surname alone', () => {
    expect(redactText('王建国先生您好')).toBe('***先生您好');
    expect(redactText('李小红女士，您的快递到了')).toBe('***女士，您的快递到了');
    expect(redactText('欧阳建国先生')).toBe('****先生');
    expect(redactText('王先生您好')).toBe('*先生您好');
    // A spaced given name is masked whole.
    expect(redactText('姓名 王 建 国')).toBe('姓名 王**');
    expect(redactText('收件人：李 小 红 电话 138 1234 5678')).toBe('收件人：李** 电话 138****5678');
    // The name is read back from the form of address to the nearest surname: 谢 of 谢谢 is one too.
    expect(redactText('谢谢李小姐')).toBe('谢谢*小姐');
    expect(redactText('老李先生您好')).toBe('老*先生您好');
  });

  it('leaves a form of address with no name before it, and words that only start with a surname', () => {
    for (const text of ['这位先生您好', '尊敬的顾客您好', '失信于客户', '应付客户的办法']) expect(redactText(text)).toBe(text);
  });
});

describe('redaction of spellings a later review found', () => {
  it('reads a spoken @ in brackets, and a doubled @', () => {
    for (const text of ['邮箱 lilei【圈】163.com', '邮箱 lilei（圈）163.com', '邮箱 lilei@@163.com']) expect(redactText(text)).toBe('邮箱 l***@163.com');
    expect(redactText('请访问 www.a.com（和）163.com')).toBe('请访问 www.a.com（和）163.com');
  });

  it('masks an address after 送货到, 快递到, 我家在 or 家住, and leaves those words in other sentences', () => {
    expect(redactText('送货到上海浦东张江路88号')).not.toContain('张江路');
    expect(redactText('我家在文三路90号3幢')).toBe('我家在********');
    for (const text of ['我家在等你回复', '送货到了吗', '快递到哪里了']) expect(redactText(text)).toBe(text);
  });
});
