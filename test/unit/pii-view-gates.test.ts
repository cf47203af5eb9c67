import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MappedText } from '../../src/text/mapped-text.js';
import { afterAtSigns, DOT_WORD, findPersonalNumbers, mayHoldAccountId, mayHoldNumber, PATTERN_NEEDS, piiView } from '../../src/text/pii.js';

// Pieces of the spellings the personal-data view undoes, so that random texts often hold them.
const PIECES = [
  'a', 'Z', 'K', '\u212a', 'at', 'AT', ' at ', '艾特', '@', '@@', ' @ ', '163', '1', '0', '5', '一', '三', '八', '幺',
  ' dot ', '(dot)', '点', '。', '，', '.', ' . ', '-', '_', ' ', '\t', '、', '/', '~', 'com', 'qq', '微信', 'vx', '加我',
  '号', '：', '王', '客服', '【', '】', '\n',
  // Pieces of the landlines, addresses, names and ids that the finders read.
  '电话', '座机', 'tel', 'Phone', '09', '0912', '(021)', '6666', '8888', '345', '678', '2', '42 ', 'Main', ' Street', ' St',
  '小区', '3栋', '2单元', '501', '叫', '找', '张学友', 'Thanks, ', 'John Smith', 'telegram', 'line id', 'john.smith99', '绿泡泡',
  'name ', 'recipient ', 'Name: ', 'Hi ', 'Mary', '!', '的订单', '是', '下单的', 'wang jianguo', 'Regards, ', '名字', '改成', '应该是', '这个名字', ' 女 ', '落款', '家属', ' here', '路', '100号', '3楼', '301室', '&#', '64;', '%25', '%40',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((pieces) => pieces.join(''));
// A match of each gated pattern, inside random text, so that every test is held to its pattern.
const EXAMPLES = [
  '138加4729加1056', 'lilei at qq', 'lilei @qq.com', '138 5555', 'john点smith@gmail.com', 'wangwu@qq，com', '微信 abc_1234',
  '电话66668888', '0912-345-678', '42 Main Street', 'ship to 42 baker st', '小区3栋2单元501', '找张学友', 'Thanks, John Smith',
  'telegram @abc_1234', 'Skype: john.smith99', '前三位138', '138开头', '客户张三丰13812345678', '(415) 555-2671', '078-05-1120', 'A123456(7)', 'Hi Mary Jones,', 'name=王建国',
  'name John Smith', 'recipient Mary Jones', 'name: wang jianguo', 'Regards, Mary Jones 13812345678', '500 5th Ave', 'ship to 221 2nd street', 'John Smith here.', '中山路100号3楼301室', 'mailto:lilei%40163.com', 'lilei 艾特 一六三 点 com', 'kk 下划线 一零零一七', 'kk_一零零一七', '@一六三', '[王建国]', '@王建国 你好', '落款 王建国', '经办人  王 建国', 'lilei&#64;163.com', '&#x31;&#51;', '，建设的建', '，国家那个国。', '发票抬头：王建国', '抬头写李娜，', '\nHi Mary,', '@105855 Hey Sara!', '这是王建国的订单', '订单是李娜的', '收货的是王建国', 'l i l e i 艾特 q q 点 com',
  '名字打错了，应该是王建国', '填的王建国这个名字', '改下名字，王建国', '王秀英 女 1990年', '落款王建国', 'my name is jianguo wang', 'lilei(a)qq.com', '你好王建国', '谢谢王建国的耐心等待', '\nFrom: Mary Jones', 'Mary Jones <m@x.com>', 'Mary Jones wrote:', '王&ZeroWidthSpace;建国', '闲鱼号 lulu_2026', '用户ID：lulu_2026',
  // English prose around a full name.
  'Attn: Mary Jones', 'ship it to Mary Jones', "It's Mary Jones", 'Mary Jones is my name',
  // Each family of account labels.
  '加v：abc123', '薇：kk_1001', 'q 45678903', '扣 45678905', '微 abc123', 'V信 abc123', 'v❤ abc123', '威x abc123', '卫星号 abc123', '加个卫星 abc123', '【QQ】12345678',
  'wei xin: abc123', 'WeChat: abc123', '绿泡泡 abc_123', 'LINE abc_1234', 'tg abc_1234', 'tg: abc_1234', 'Line ID: abc_1234', 'WhatsApp abc_1234', '钉钉 abc_1234', '飞书 abc_1234',
  '旺旺号 abc_123', '抖音 dy_88888', 'B站账号 abc_123', '我的instagram是 lulu_2026', 'facebook：lulu.chen.2026', 'ig: lulu_2026', '我的ID是lulu_2026',
  '登录账号：lulu_2026', '通行账号是m24849350', 'my user name abc_1234', 'my handle is abc_1234', 'my wechat is kk_10017', 'ＱＱ：１２３４５６７８',
];
const textWithExample = fc.oneof(text, fc.tuple(text, fc.constantFrom(...EXAMPLES), text).map(([before, example, after]) => before + example + after));

function matchStarts(pattern: RegExp, value: string): number[] {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  return [...value.matchAll(global)].filter((m) => m[0].length > 0).map((m) => m.index);
}

describe('the personal-data view skips steps that cannot match', () => {
  it('each gated pattern matches only in texts that pass its test', () => {
    const matched = new Set<RegExp>();
    const check = (value: string) => {
      for (const [pattern, needs] of PATTERN_NEEDS) {
        if (matchStarts(pattern, value).length === 0) continue;
        matched.add(pattern);
        expect(needs(value), `${pattern.source.slice(0, 40)} in ${JSON.stringify(value)}`).toBe(true);
      }
    };
    // Each example on its own first, so that which patterns are reached does not depend on the random texts.
    for (const example of EXAMPLES) check(example);
    fc.assert(fc.property(textWithExample, check), { numRuns: 3000 });
    // The texts reach every pattern, so that each test above is held to something.
    expect(PATTERN_NEEDS.filter(([pattern]) => !matched.has(pattern)).map(([pattern]) => pattern.source.slice(0, 40))).toEqual([]);
  });

  it('builds no view for a text with too few letters and digits for a number or an account id', () => {
    // Everything the view reads as a digit, a letter, a dot, a dash or an underscore, in its spellings.
    const digits = ['1', '３', '①', '⑴', '¹', '١', '𝟕', '七', '幺', '两', 'seven', 'O', 'l', 'I', '|', '丨', '.', '．', '_', '＿', '-', '－', '—', '−', 'x', ' ', '，', '\u200b', '转', '点', '@'];
    const digitText = fc.array(fc.constantFrom(...digits, ...PIECES), { minLength: 4, maxLength: 30 }).map((pieces) => pieces.join(''));
    const ID_SHAPE = /[A-Za-z0-9](?:[A-Za-z0-9_-]|\.(?=[A-Za-z0-9])){4}/u;
    let numbers = 0;
    let ids = 0;
    fc.assert(
      fc.property(fc.oneof(digitText, textWithExample), (value) => {
        for (const reading of ['certain', 'eager'] as const) {
          const view = piiView(value, reading).text;
          if (findPersonalNumbers(view).length > 0) {
            numbers++;
            expect(mayHoldNumber(value), JSON.stringify(value)).toBe(true);
          }
          if (ID_SHAPE.test(view)) {
            ids++;
            expect(mayHoldAccountId(value), JSON.stringify(value)).toBe(true);
          }
        }
      }),
      { numRuns: 4000 },
    );
    // The random texts reach both tests often (about 50 to 100 times each in 4,000 runs); a floor
    // well below that holds the generator to them without failing by chance.
    expect(numbers).toBeGreaterThan(15);
    expect(ids).toBeGreaterThan(15);
    // Each way of writing a digit, in a number the finders read.
    for (const spelt of ['丨3812345678', '１３８１２３４５６７８', '幺三八四七二九一零五六', 'one three eight four seven two nine one zero five six', '①③⑧①②③④⑤⑥⑦⑧', 'l38l2345678', '𝟏𝟑𝟖𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖', '❶❸❽❶❷❸❹❺❻❼❽', '㊀㊂㊇㊀㊁㊂㊃㊄㊅㊆㊇', '㈠㈢㈧㈠㈡㈢㈣㈤㈥㈦㈧', '१३८१२३४५६७८', '⓵⓷⓼⓵⓶⓷⓸⓹⓺⓻⓼']) {
      expect(findPersonalNumbers(spelt, { spellings: 'any' }), spelt).toHaveLength(1);
      expect(mayHoldNumber(spelt), spelt).toBe(true);
    }
    expect(mayHoldNumber('好的，我帮您查一下订单，请稍等')).toBe(false);
    expect(mayHoldNumber('幺三八四七二九一零五六')).toBe(true);
    expect(mayHoldAccountId('微信 ab_1')).toBe(false);
  });

  it('lists every position where an e-mail dot word after an @ starts', () => {
    fc.assert(
      fc.property(text, (value) => {
        const starts = [...afterAtSigns(value)];
        expect([...starts].sort((a, b) => a - b)).toEqual(starts);
        expect(new Set(starts).size).toBe(starts.length);
        for (const start of matchStarts(DOT_WORD, value)) expect(starts, JSON.stringify(value)).toContain(start);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the same dot words trying only those positions as scanning every character', () => {
    const dot = () => '.';
    fc.assert(
      fc.property(text, (value) => {
        const scanned = MappedText.of(value).replace(DOT_WORD, dot);
        const tried = MappedText.of(value).replace(DOT_WORD, dot, afterAtSigns);
        expect(tried.text).toBe(scanned.text);
        expect(tried.original(0, tried.text.length)).toEqual(scanned.original(0, scanned.text.length));
      }),
      { numRuns: 2000 },
    );
    expect(MappedText.of('lilei@163 dot com').replace(DOT_WORD, dot, afterAtSigns).text).toBe('lilei@163.com');
  });
});

describe('MappedText.replace', () => {
  it('gives the same copy whether it scans or tries every listed position', () => {
    const patterns = [/(?<=[0-9])[ -](?=[0-9])/gu, /a+|@/giu, /(?<![a-z])at(?![a-z])/gu, /x*/gu];
    fc.assert(
      fc.property(text, fc.constantFrom(...patterns), (value, pattern) => {
        const every = function* (s: string) {
          for (let i = 0; i <= s.length; i++) yield i;
        };
        const scanned = MappedText.of(value).replace(pattern, (m) => `<${m[0]}>`);
        const tried = MappedText.of(value).replace(pattern, (m) => `<${m[0]}>`, every);
        expect(tried.text).toBe(scanned.text);
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves the pattern ready for the next caller', () => {
    const pattern = /b/gu;
    MappedText.of('abcb').replace(pattern, () => 'B');
    expect(pattern.lastIndex).toBe(0);
    expect(MappedText.of('abcb').replace(pattern, () => 'B').text).toBe('aBcB');
  });
});
