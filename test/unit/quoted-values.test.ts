import { describe, expect, it } from 'vitest';
import { quotedValues, replaceQuotedValues } from '../../src/text/quoted-values.js';

describe('values quoted in a message about the data', () => {
  it.each([
    ['未知的角色 "乔峰"：应为 customer', ['乔峰']],
    ['“小鱼儿 2026-11-02”像一行发送人', ['小鱼儿 2026-11-02']],
    ['内容是 "{"name":"王建国"}"，应为字符串', ['{"name":"王建国"}']],
    ['未知的角色 "{"王建国":1}"：映射 "roles"', ['{"王建国":1}', 'roles']],
    ['未知的角色 "["欧阳锋","13812345678"]"', ['["欧阳锋","13812345678"]']],
    // Quotation marks and brackets inside a JSON string, escaped or not.
    ['内容是 "{"a":"}\\"]","b":"王建国"}"，应为字符串', ['{"a":"}\\"]","b":"王建国"}']],
    // Cut after 40 characters, as describeValue cuts a long value.
    [`内容是 "${'{"name":"王建国","phone":"13812345678","x":"yy'.slice(0, 40)}…"，应为字符串`, [`${'{"name":"王建国","phone":"13812345678","x":"yy'.slice(0, 40)}…`]],
    ['一个 " 没有关上的引号', []],
  ])('%s', (text, values) => {
    expect(quotedValues(text)).toEqual(values);
  });

  it('replaces each value in its own marks and keeps the rest', () => {
    expect(replaceQuotedValues('a "{"b":"c"}" d “e” f', (value, open, close) => `${open}<${value.length}>${close}`)).toBe('a "<9>" d “<1>” f');
  });
});
