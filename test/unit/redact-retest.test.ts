import { describe, expect, it } from 'vitest';
import { redactText } from '../../src/text/redact.js';

// Spellings a second review found next to ones already masked.
describe('redaction of close spellings', () => {
  it.each([
    ['太过分了！Name: John Smith', ['John', 'Smith']],
    ['wei xin hao: zz_11223', ['zz_11223']],
    ['加我V X kk_10001', ['kk_10001']],
    ['微芯 kk_10002', ['kk_10002']],
    ['V❤信 kk_10003', ['kk_10003']],
  ])('%s', (text, secrets) => {
    const masked = redactText(text);
    for (const secret of secrets) expect(masked).not.toContain(secret);
  });

  it('leaves ordinary words alone', () => {
    for (const text of ['name: 请填写', 'I need a 5 x 7 photo', '芯片坏了，换一个']) expect(redactText(text)).toBe(text);
  });
});

describe('an @ spoken or typed as another word, sign or space before a well-known mail host', () => {
  it.each([
    ['lilei圈163.com', 'l***@163.com'],
    ['邮箱 lilei 在 163.com', '邮箱 l***@163.com'],
    ['lilei 圈 163 dot com', 'l***@163.com'],
    ['发 wang_wu在gmail。com 吧', '发 w***@gmail.com 吧'],
    ['lilei~qq．com', 'l***@qq.com'],
    ['lilei 126.net', 'l***@126.net'],
    ['zhang圈yahoo.com.cn', 'z***@yahoo.com.cn'],
    // `at` is read first: the name is what comes before it.
    ['xy12 at qq dot com吧', 'x***@qq.com吧'],
    // A name that ends in a digit before a host that starts with one: the sign is no gap inside a number.
    ['好的ab12~163。com麻烦您', '好的a***@163.com麻烦您'],
    ['ab12 163.com', 'a***@163.com'],
  ])('%s → %s', (text, masked) => {
    expect(redactText(text)).toBe(masked);
  });

  it.each([
    '我在163.com注册的',
    '请登录 https://mail.163.com/inbox 查看',
    'http://163.com',
    '在 qq.com 上',
    'a 在 qq.com',
    '官网 example.com 和 163.com',
    'lilei在163上买的',
  ])('leaves %s as it is', (text) => {
    expect(redactText(text)).toBe(text);
  });
});
