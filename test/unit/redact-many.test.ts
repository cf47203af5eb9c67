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

  it('keeps the earlier kind where two finders claim the same span: a phone written as a QQ id is masked as a phone', () => {
    expect(redactText('加我QQ：13812345678，或者邮箱 lilei@163.com')).toBe('加我QQ：138****5678，或者邮箱 l***@163.com');
  });
});
