import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMATTERS } from '../src/formatters/index.js';
import { REPORT_FORMATS } from '../src/report/formats/index.js';
import { piiView, residentIdCheckChar } from '../src/text/pii.js';
import { redactText } from '../src/text/redact.js';
import { REPO_CONFIG, runCli } from './support/cli.js';

/**
 * Personal data in many spellings, inside Chinese text, goes through `lint --redact` and
 * `report --redact` in every format; none of it may come out, compared on the normalised view
 * (separators, zero-width characters, full width and Chinese digits undone).
 */

const DIR = mkdtempSync(path.join(tmpdir(), 'supportlint-redact-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));
const ENV = { SUPPORTLINT_REDACT_KEY: 'property-test-key' };

const digitString = (min: number, max: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));

const mobile = fc.tuple(fc.constantFrom('13', '15', '17', '18', '19'), digitString(9, 9)).map(([a, b]) => a + b);
const residentId = fc
  .tuple(fc.constantFrom('110101', '440305', '310104', '510107'), fc.date({ min: new Date('1950-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }), digitString(3, 3))
  .map(([region, birth, seq]) => {
    const first17 = region + birth.toISOString().slice(0, 10).replace(/-/g, '') + seq;
    return first17 + residentIdCheckChar(first17);
  });
const bankCard = fc.tuple(fc.integer({ min: 16, max: 19 }), digitString(18, 18)).map(([length, body]) => {
  const partial = ('62' + body).slice(0, length - 1);
  for (let check = 0; check <= 9; check++) {
    const digits = partial + check;
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
      let d = Number(digits[digits.length - 1 - i]);
      if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    if (sum % 10 === 0) return digits;
  }
  throw new Error('unreachable');
});

const CHINESE: Record<string, string[]> = {
  '0': ['零', '〇'], '1': ['一', '幺'], '2': ['二', '两'], '3': ['三'], '4': ['四'], '5': ['五'], '6': ['六'], '7': ['七'], '8': ['八'], '9': ['九'],
};
const SUPERSCRIPT = [...'⁰¹²³⁴⁵⁶⁷⁸⁹'];
const SUBSCRIPT = [...'₀₁₂₃₄₅₆₇₈₉'];
// Negative-circled, double-circled and Devanagari digits, and circled and parenthesised ideographs (〇 for 0, which has none).
const NEGATIVE_CIRCLED = [...'⓿❶❷❸❹❺❻❼❽❾'];
const DOUBLE_CIRCLED = ['0', ...'⓵⓶⓷⓸⓹⓺⓻⓼⓽'];
const DEVANAGARI = [...'०१२३४५६७८९'];
const CIRCLED_IDEOGRAPH = ['〇', ...'㊀㊁㊂㊃㊄㊅㊆㊇㊈'];
const PARENTHESISED_IDEOGRAPH = ['〇', ...'㈠㈡㈢㈣㈤㈥㈦㈧㈨'];
const SEPARATORS = [' ', '-', '，', '_', '/', '.', ',', '、', ' - '];
// Words people put between the groups of a phone number: only redaction reads these.
const WORD_SEPARATORS = ['加', '转', '空格', '杠', ' 加 '];

// Letters typed for 1 and 0 in a mobile number ("l384729lO56").
const LOOKALIKES: Array<[string, string]> = [['l', 'O'], ['I', 'o'], ['l', '0'], ['1', 'O']];

/** The digits with up to four of their 1s and 0s (after the first digit) typed as letters. */
function withLookalikes(digits: string, one: string, zero: string): string {
  let swapped = 0;
  return [...digits].map((d, i) => (i > 0 && swapped < 4 && (d === '1' || d === '0') ? (swapped++, d === '1' ? one : zero) : d)).join('');
}

// Letters and strokes typed for 0 and 1, English digit words, and full-width digits, mixed in one
// number ("1３8-4七29-105six", "I384729IO56"): at most four letters or words, the rest digits.
const HOMOGLYPHS: Record<string, string[]> = { '0': ['o', 'O', '〇', '零'], '1': ['l', 'I', '|', '丨'] };
const DIGIT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** The digits with up to three 0s and 1s as look-alikes, some digits full width or Chinese, and perhaps the last as an English word. */
function withHomoglyphs(digits: string, picks: readonly number[], lastAsWord: boolean): string {
  let letters = lastAsWord ? 1 : 0;
  const out = [...digits].map((d, i) => {
    const pick = picks[i]!;
    // An ID number's check character (X) has no word and no Chinese numeral: it stays as it is.
    if (!/[0-9]/u.test(d)) return d;
    if (i === digits.length - 1 && lastAsWord) return DIGIT_WORDS[Number(d)]!;
    if (i > 0 && HOMOGLYPHS[d] && letters < 3 && pick % 3 === 0) {
      const glyph = HOMOGLYPHS[d][pick % HOMOGLYPHS[d].length]!;
      if (/[A-Za-z|]/u.test(glyph)) letters++;
      return glyph;
    }
    if (pick % 5 === 1) return String.fromCharCode(d.charCodeAt(0) + 0xfee0);
    if (pick % 7 === 2) return CHINESE[d]![0]!;
    return d;
  });
  return ` ${out.join('')} `;
}

/** A digit string in one of the spellings people use to get a number past a filter. */
function spelt(digits: string): fc.Arbitrary<string> {
  const groups = (sizes: number[]) => {
    const out: string[] = [];
    let at = 0;
    for (const size of sizes) {
      if (at >= digits.length) break;
      out.push(digits.slice(at, at + size));
      at += size;
    }
    if (at < digits.length) out.push(digits.slice(at));
    return out;
  };
  const sizes = digits.length === 11 ? [3, 4, 4] : digits.length === 18 ? [6, 8, 4] : [4, 4, 4, 4];
  return fc.oneof(
    fc.constant(digits),
    fc.constantFrom(...SEPARATORS).map((sep) => groups(sizes).join(sep)),
    ...(digits.length === 11 ? [fc.constantFrom(...WORD_SEPARATORS).map((sep) => groups(sizes).join(sep))] : []),
    fc.array(fc.nat(), { minLength: digits.length, maxLength: digits.length }).map((picks) => [...digits].map((d, i) => (CHINESE[d] ? CHINESE[d][picks[i]! % CHINESE[d].length] : d)).join('')),
    fc.nat().map((seed) => [...digits].map((d, i) => d + (i < digits.length - 1 && (seed >> i % 30) & 1 ? '\u200b' : '')).join('')),
    fc.constant([...digits].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join('')),
    // HTML character references, as a web console exports them.
    fc.constant(` ${[...digits].map((d) => `&#${d.charCodeAt(0)};`).join('')} `),
    // Superscript and subscript digits.
    fc.constantFrom(SUPERSCRIPT, SUBSCRIPT, NEGATIVE_CIRCLED, DOUBLE_CIRCLED, DEVANAGARI, CIRCLED_IDEOGRAPH, PARENTHESISED_IDEOGRAPH).map((script) => [...digits].map((d) => script[Number(d)] ?? d).join('')),
    ...(digits.length === 11 ? [fc.constantFrom(...LOOKALIKES).map(([one, zero]) => ` ${withLookalikes(digits, one, zero)} `)] : []),
    fc.tuple(fc.array(fc.nat(), { minLength: digits.length, maxLength: digits.length }), fc.boolean()).map(([picks, lastAsWord]) => withHomoglyphs(digits, picks, lastAsWord)),
    // Every digit an English word, or the middle digits of a phone ("138 four seven two nine 1056").
    fc.constant(` ${[...digits].map((d) => DIGIT_WORDS[Number(d)]).join(' ')} `),
    ...(digits.length === 11 ? [fc.constant(` ${digits.slice(0, 3)} ${[...digits.slice(3, 7)].map((d) => DIGIT_WORDS[Number(d)]).join(' ')} ${digits.slice(7)} `)] : []),
  );
}

const letters = (min: number, max: number) => fc.array(fc.constantFrom(...'abcdefghjkmnpqrstuvwxyz'), { minLength: min, maxLength: max }).map((a) => a.join(''));
const emailParts = fc.tuple(letters(4, 8), digitString(2, 3), fc.constantFrom('qq.com', '163.com', 'gmail.com', 'example.cn'));
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '欧阳'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉萍红娥玲芬燕'];
const PINYIN = ['Zhang', 'Wang', 'Li', 'Liu', 'Chen', 'Wei', 'Fang', 'Jing', 'Qiang', 'Lei'];

interface Pii {
  /** How it is written in the message. */
  text: string;
  /** What must not survive, as the normalised view reads it. */
  secrets: string[];
  /** It ends the message: nothing is written after it. */
  last?: boolean;
}

const digitsPii = fc.oneof(mobile, residentId, bankCard).chain((digits) => spelt(digits).map((text): Pii => ({ text, secrets: [digits] })));
// A mobile number in two halves, each after a word that says which: the first seven are what must not survive.
const halvesPii = mobile.chain((digits) =>
  fc
    .constantFrom(`手机号后四位${digits.slice(7)}，前七位${digits.slice(0, 7)}，`, `尾号${digits.slice(7)}，前面是${digits.slice(0, 7)}，`, `前七位${digits.slice(0, 7)}，后四位${digits.slice(7)}，`)
    .map((text): Pii => ({ text, secrets: [digits.slice(0, 7)] })),
);
// A resident ID number in two parts, after a word for one or split across a line: what follows its first three digits must not survive.
const idPartsPii = residentId.chain((id) =>
  fc.constantFrom<Pii>(
    { text: `身份证前六位${id.slice(0, 6)} 后面是${id.slice(6)}，`, secrets: [id.slice(0, 6), id.slice(6)] },
    { text: `身份证 ${id.slice(0, 12)}\n${id.slice(12)}，`, secrets: [id.slice(0, 12), id.slice(12)] },
    { text: ` ${id.slice(0, 15)}\n${id.slice(15)} `, secrets: [id.slice(0, 15), id.slice(15)] },
  ),
);
// The same in three parts, or in a first three and a last eight: what follows the first three must not survive.
const partsPii = mobile.chain((digits) =>
  fc
    .constantFrom<Pii>(
      { text: `前三位${digits.slice(0, 3)}，中间四位${digits.slice(3, 7)}，后四位${digits.slice(7)}，`, secrets: [`中间四位${digits.slice(3, 7)}`, `后四位${digits.slice(7)}`] },
      { text: `手机号是${digits.slice(0, 3)}开头的，后面是${digits.slice(3)}，`, secrets: [digits.slice(3)] },
    ),
);
// A landline with its area code in brackets and the number split, or after a word for a phone; a
// Taiwan mobile number in groups. What must not survive is the whole number, which the view joins.
const subscriber = fc.tuple(fc.integer({ min: 2, max: 9 }), digitString(3, 3), digitString(4, 4)).map(([first, rest, last]) => [`${first}${rest}`, last] as const);
const landlinePii = fc.tuple(fc.constantFrom('021', '0571', '010'), subscriber).chain(([area, [head, tail]]) =>
  fc
    .constantFrom(`市話 (02)${head}-${tail}，`, `座机(${area})${head}-${tail}，`, `（${area}）${head} ${tail}，`, `区号${area} 电话${head}${tail}，`, `电话：${head}-${tail}，`, `固话是 ${head}${tail}，`, `tel: ${head} ${tail}，`)
    .map((text): Pii => ({ text, secrets: [head + tail] })),
);
const taiwanMobilePii = fc.tuple(digitString(2, 2), digitString(3, 3), digitString(3, 3)).chain(([a, b, c]) => {
  const digits = `09${a}${b}${c}`;
  return fc.constantFrom(`台湾手机09${a}-${b}-${c}，`, ` 09${a} ${b} ${c} `, ` 09 ${a}${b.slice(0, 2)} ${b.slice(2)}${c} `).map((text): Pii => ({ text, secrets: [digits] }));
});
// North American phone numbers, US Social Security numbers and Hong Kong identity card numbers.
const otherPlacesNumberPii = fc.tuple(fc.integer({ min: 200, max: 399 }), fc.integer({ min: 200, max: 999 }), digitString(4, 4), digitString(2, 2), digitString(6, 6)).chain(([area, exchange, line, group, body]) =>
  fc.constantFrom<Pii>(
    // As the normalised view reads them: the groups joined.
    { text: ` (${area}) ${exchange}-${line} `, secrets: [`${exchange}${line}`] },
    { text: ` (${area})${exchange}${line} `, secrets: [`${exchange}${line}`] },
    { text: ` ${area}-${exchange}-${line} `, secrets: [`${area}${exchange}${line}`] },
    { text: ` SSN ${area}-${group}-${line} `, secrets: [`${area}${group}${line}`] },
    { text: ` HK ID A${body}(7) `, secrets: [body] },
  ),
);
const emailPii = emailParts.chain(([name, num, domain]) => {
  const local = name + num;
  const [host, tld] = domain.split('.') as [string, string];
  return fc
    .constantFrom(
      `${local}@${domain}`,
      `${local} at ${host} dot ${tld}`,
      `${local}@${host}。${tld}`,
      `${local}(at)${host}(dot)${tld}`,
      `${local}(a)${domain}`,
      `${local} (a) ${host}.${tld}`,
      `${local}#${domain}`,
      // Percent-encoded in a link, once or twice, and as an HTML character reference.
      ` mailto:${local}%40${domain} `,
      ` ${local}%2540${domain} `,
      ` ${local}&#64;${domain} `,
      ` ${local}&commat;${domain} `,
      // Dictated to a speech recogniser, also letter by letter.
      ...(host === '163' ? [` ${local} 艾特 一六三 点 ${tld} `] : []),
      ...(host === 'example' ? [] : [` ${[...local].join(' ')} 艾特 ${[...host].join(' ')} 点 ${tld} `]),
      `${local} @ ${domain}`,
      `${local} @ ${host} . ${tld}`,
      ` ${[...`${local}@${domain}`].join(' ')} `,
      ...(host === 'example' ? [] : [`${local}@${host}`, `${local} at ${host} `]),
      // An @ spoken or typed as another word, sign or space before a well-known mail host.
      ...(host === 'example' ? [] : [`${local}圈${domain}`, ` ${local} 在 ${domain}`, `${local}艾特${host}点${tld}`, ` ${local} ${domain}`, `${local}~${host}。${tld}`]),
      // Brackets, spaces and @ signs for the @ before a well-known mail host.
      ...(host === 'example' ? [] : [`${local}@ @${domain}`, `${local}【@】${domain}`, `${local} (@) ${domain}`, `${local}【 圈 】${domain}`]),
    )
    .map((text): Pii => ({ text, secrets: [local] }));
});
// A Latin name in an e-mail's header or quote line.
const mailHeaderNamePii = fc
  .tuple(fc.constantFrom('\nFrom: ', '\nTo: ', '\nCc: ', ' On Mon, Nov 2, 2026, '), fc.constantFrom(...PINYIN), fc.constantFrom(...PINYIN), fc.constantFrom('', ' <someone@example.com>'))
  .map(([header, a, b, address]): Pii => ({ text: header.startsWith(' On') ? `${header}${a} ${b}${address} wrote:\n` : `${header}${a} ${b}${address}\n`, secrets: [`${a} ${b}`] }));
// An account on more platforms, and a user's or a member's id.
const moreAccountPii = fc
  .tuple(fc.constantFrom('闲鱼号 ', '用户ID：', '会员号 ', '知乎 id: ', '豆瓣账号 ', 'discord: ', 'Snapchat: ', 'steam: ', 'github: ', '游戏ID：'), letters(3, 6), fc.constantFrom('_', ''), digitString(2, 4))
  .map(([cue, name, sign, digits]): Pii => ({ text: ` ${cue}${name}${sign}${digits}，`, secrets: [`${name.slice(1)}${sign}${digits}`] }));
// An address's name given apart from its host, after a word for a mailbox.
const emailPiecesPii = emailParts.chain(([name, num, domain]) => {
  const local = name + num;
  const host = domain === 'example.cn' ? 'qq' : domain.split('.')[0]!;
  return fc
    .constantFrom(`邮箱是${local}，${host}的，`, `邮箱 ${local} 后面是 ${host}.com，`, `邮箱用户名${local}，后缀@${host}.com，`, `${host}邮箱 ${local}，`, ` email: ${local}, ${host} `, `邮箱前缀${local}，${host}的，`, `${host}邮箱是${local}，`)
    .map((text): Pii => ({ text, secrets: [local] }));
});
// An address with a comma and more of the sentence after it: a name and a phone number, then a Latin word.
const emailThenSentencePii = fc.tuple(emailParts, fc.constantFrom(...SURNAMES), fc.constantFrom(...GIVEN), mobile, fc.constantFrom('ok', 'OK', 'thanks', 'bye')).map(
  ([[name, num, domain], s, g, digits, word]): Pii => ({ text: `邮箱${name}${num}@${domain}，${s}${g}，${digits}，${word}`, secrets: [`${name}${num}`, digits], last: true }),
);
// A spelt-out dot inside an address's name: its first word must not survive.
const dottedEmailPii = fc.tuple(emailParts, letters(3, 6)).chain(([[name, num, domain], second]) => {
  const [host, tld] = domain.split('.') as [string, string];
  return fc
    .constantFrom(`${name}${num} dot ${second} at ${host} dot ${tld}`, `${name}${num}(dot)${second}@${domain}`, `${name}${num} dot ${second}@${domain}`)
    .map((text): Pii => ({ text: ` ${text} `, secrets: [`${name}${num}`] }));
});
// Han characters in an address's name, alone or glued to digits and signs: the name is masked whole.
const hanEmailPii = fc.tuple(fc.constantFrom(...SURNAMES), fc.constantFrom(...GIVEN), mobile, letters(3, 5)).chain(([s, g, digits, latin]) =>
  fc
    .constantFrom<Pii>(
      { text: ` ${s}${g}@公司.中国 `, secrets: [`${s}${g}@公司.中国`] },
      { text: ` ${s}${g}${digits}@163.com `, secrets: [`${s}${g}`, digits] },
      { text: `，${s}${g}_${latin}@qq.com `, secrets: [`${s}${g}`, `_${latin}`] },
    ),
);
// Every separator people put between a label and its value, and the label in brackets.
const LABEL_SEPARATORS: Array<(label: string) => string> = [
  ...[':', '：', '=', '＝', ' = ', '-', '—', '/', '|', '｜', '→', ' ', '是', '为'].map((sign) => (label: string) => label + sign),
  ...['【】', '[]', '（）', '()'].map(([open, close]) => (label: string) => `${open}${label}${close}`),
  // In quotation marks, as JSON and form data write them.
  (label: string) => `{"${label}":"`,
  (label: string) => `'${label}': '`,
  (label: string) => `${label}="`,
  (label: string) => `"${label}" : “`,
];
const NAME_LABELS = ['收货人', '收件人', '姓名', '联系人', '签收人', '发件人', '取件人', '下单人', '称呼'];
const accountPii = fc.oneof(
  fc
    .tuple(fc.constantFrom(...LABEL_SEPARATORS.map((separator) => separator('微信')), ...LABEL_SEPARATORS.map((separator) => separator('微信号')), 'V信 ', '薇信：', 'Wechat:', '微信号：', 'vx：', 'wx ', '加v：', '➕V ', '微.信 ', '加V ', 'v：', 'wei xin: ', 'v❤ ', '薇❤：', '卫星号 ', '威x ', '微心 ', '加个卫星 ', '联系我 wx: ', '加我薇 信 ', '加我 V X ', '加我威❤ ', '绿泡泡 ', 'line id: ', 'LINE ', 'telegram @', 'tg ', 'Skype: ', 'WhatsApp: ', '钉钉号 ', '飞书 ', '淘宝账号：', '旺旺号 ', '抖音号 ', 'my wechat is ', 'my wechat id is ', '抖音 ', '我的B站账号：', 'TikTok账号：', '我的instagram是 ', '我的ig：', 'facebook: ', '我的账号是 ', '登录账号：', '我的ID是', 'my instagram is @', 'my username is '), letters(1, 1), letters(3, 6), digitString(2, 4))
    .map(([cue, a, b, c]): Pii => ({ text: cue + a + b + (cue === '抖音 ' ? '_' : '') + c, secrets: [a + b + (cue === '抖音 ' ? '_' : '') + c] })),
  // In a file's name, the extension after it: "微信kk_44444.jsonl".
  fc
    .tuple(fc.constantFrom('微信', '微信号：', 'QQ号', '导出/微信号 '), letters(2, 4), fc.constantFrom('', '_'), digitString(4, 6), fc.constantFrom('jsonl', 'csv', 'txt', 'jpg'))
    .map(([cue, a, sign, digits, extension]): Pii => ({ text: ` ${cue}${a}${sign}${digits}.${extension} `, secrets: [`${a}${sign}${digits}`] })),
  fc.tuple(fc.constantFrom(...LABEL_SEPARATORS.map((separator) => separator('QQ号')), '企鹅号', 'Q Q：', 'QQ ', '扣扣', '抠抠 ', 'my qq is ', 'Q:', '加q', 'q ', '扣 ', 'q号 ', 'Q号：'), fc.integer({ min: 1, max: 9 }), digitString(7, 9)).chain(([cue, first, rest]) =>
    fc.constantFrom(`${first}${rest}`, [...`${first}${rest}`].map((d) => CHINESE[d]![0]).join('')).map((id): Pii => ({ text: cue + id, secrets: [`${first}${rest}`] })),
  ),
);
const namePii = fc.tuple(fc.constantFrom(...SURNAMES), fc.array(fc.constantFrom(...GIVEN), { minLength: 1, maxLength: 2 }).map((g) => g.join(''))).chain(([s, g]) =>
  fc
    .tuple(fc.constantFrom(`我叫${s}${g}，`, `我叫${s} ${g}，`, `我姓${s}，叫${s}${g}，`, `收件人：${s}${g}，`), fc.constantFrom(...NAME_LABELS), fc.constantFrom(...LABEL_SEPARATORS))
    .chain(([said, label, separator]) => fc.constantFrom(said, `${separator(label)}${s}${g}，`, `${label}（${s}${g}），`))
    .map((text): Pii => ({ text, secrets: [s + g] })),
);
// A name spelt character by character after it is given, as a caller does: each spelling must not survive.
const SPELT_GIVEN_NAMES: Array<[string, string[]]> = [['建国', ['建设的建', '国家的国']], ['小红', ['大小的小', '红色那个红']], ['伟', ['伟大的伟']], ['娜', ['婀娜的娜']]];
const speltNamePii = fc
  .tuple(fc.constantFrom('我叫', '我姓王，叫', '名字是'), fc.constantFrom(...SURNAMES), fc.constantFrom(...SPELT_GIVEN_NAMES))
  .map(([cue, s, [given, spellings]]): Pii => ({ text: `${cue}${s}${given}，${spellings.join('，')}，`, secrets: spellings }));
// The label of a person in a form or a record, with a colon, an equals sign, a bar or an arrow, or in brackets.
const FORM_NAME_LABELS = ['经办人', '负责人', '申请人', '投保人', '被保险人', '乘机人', '车主', '签名', '实名'];
const FORM_SIGNS: Array<(label: string) => string> = [...[':', '：', '=', ' = ', '|', '→', '：  '].map((sign) => (label: string) => label + sign), ...['【】', '[]', '（）'].map(([open, close]) => (label: string) => `${open}${label}${close}`)];
const formNamePii = fc
  .tuple(fc.constantFrom(...FORM_NAME_LABELS), fc.constantFrom(...FORM_SIGNS), fc.constantFrom(...SURNAMES), fc.array(fc.constantFrom(...GIVEN), { minLength: 1, maxLength: 2 }).map((g) => g.join('')))
  .map(([label, sign, s, g]): Pii => ({ text: `${sign(label)}${s}${g}，`, secrets: [s + g] }));
// An @handle given as a contact after a platform's name, with a sign, 是 or 为, or called the writer's own: all but its first character must not survive.
// A full-width ＠ or an ideographic space as an IME in full-width mode types them.
const handlePii = fc
  .tuple(fc.constantFrom('微博：', '微博 ：', '微博=', '抖音是', '微博是', '我的抖音是 ', '小红书号：', '我的微博 ', '我的微博\u3000', '我的微博是', 'twitter: '), fc.constantFrom('@', '＠'), fc.constantFrom(...SURNAMES), fc.constantFrom(...GIVEN), fc.constantFrom('爱摄影', '_1990', '的小店'))
  .map(([cue, at, s, g, tail]): Pii => ({ text: ` ${cue}${at}${s}${g}${tail} `, secrets: [`${g}${tail}`] }));
// A nickname after a platform's word for one or after 昵称/网名, also in traditional characters (暱稱).
// In quotation marks, with a space, in a link (percent-encoded or not), and a member name on Taobao.
const nicknamePii = fc
  .tuple(fc.constantFrom('微信名：', '我的微信暱稱：', '暱稱：', '昵称是', '网名是', '微信昵称 '), fc.constantFrom(...SURNAMES), fc.constantFrom(...GIVEN), fc.constantFrom('爱摄影', '的小店', '乱撞'))
  .chain(([cue, s, g, tail]) =>
    fc.constantFrom<Pii>(
      { text: ` ${cue}${s}${g}${tail}，`, secrets: [`${g}${tail}`] },
      { text: ` 昵称「${s}${g}${tail}」`, secrets: [`${g}${tail}`] },
      { text: ` 昵称“${s}${g}${tail}”`, secrets: [`${g}${tail}`] },
      { text: ` 微信名：${s}${g} ${tail}，`, secrets: [tail] },
      { text: ` https://a.com/?nickname=${s}${g}${tail}&x=1 `, secrets: [`${g}${tail}`] },
      { text: ` https://a.com/?nickname=${encodeURIComponent(`${s}${g}${tail}`)} `, secrets: [`${g}${tail}`, encodeURIComponent(`${g}${tail}`).toLowerCase()] },
      { text: ` 旺旺：${s}${g}${tail}2026，`, secrets: [`${g}${tail}2026`] },
      { text: ` 我的淘宝id是 ${s}${g}${tail}2026，`, secrets: [`${g}${tail}2026`] },
    ),
  );
// The same with only spaces between, where only a full name counts ("落款 王建国"), perhaps spaced itself ("落款 王 建国").
const spacedFormNamePii = fc
  .tuple(fc.constantFrom('落款', '签名', '署名', '经办人', '申请人'), fc.constantFrom(' ', '  ', '\t'), fc.constantFrom('王', '李', '张', '刘', '陈'), fc.constantFrom('', ' '), fc.constantFrom('建国', '秀英', '小红', '志强'))
  .map(([label, spaces, s, gap, g]): Pii => ({ text: `${label}${spaces}${s}${gap}${g}，`, secrets: [g] }));
// A full name in a greeting, before a form of address, or after a title in English.
const greetingNamePii = fc.tuple(fc.constantFrom(...SURNAMES), fc.array(fc.constantFrom(...GIVEN), { minLength: 1, maxLength: 2 }).map((g) => g.join(''))).chain(([s, g]) =>
  fc.constantFrom(`尊敬的${s}${g}客户，`, `，${s}${g}您好，`, `亲爱的${s}${g}同学，`, `亲爱的${s}${g}，`, `${s}${g}（先生），`, `，${s}${g}老师，`).map((text): Pii => ({ text, secrets: [s + g] })),
);
// A full name beside a phone number, whole or masked, or before 收.
const phoneNamePii = fc.tuple(fc.constantFrom(...SURNAMES), fc.array(fc.constantFrom(...GIVEN), { minLength: 1, maxLength: 2 }).map((g) => g.join('')), mobile).chain(([s, g, digits]) => {
  const masked = `${digits.slice(0, 3)}****${digits.slice(7)}`;
  return fc
    .constantFrom(`，${s}${g} ${digits}，`, `，${s}${g}，${masked}，`, `手机 ${masked} ${s}${g}收，`, `，${[...s + g].join(' ')} ${masked}，`, `，${s}${g}收，`, `客户${s}${g}${masked}聊天记录，`)
    .map((text): Pii => ({ text, secrets: [s + g, [...s + g].join(' '), ...(text.includes(digits) ? [digits] : [])] }));
});
// A full name after 叫 whoever says it, after a verb for reaching someone, after 鄙人, or after 转 right after a phone number.
const calledNamePii = fc
  .tuple(fc.constantFrom('我老公叫', '我妈叫', '他叫', '她叫', '我朋友叫', '找', '请转告', '通知', '鄙人', '138****5678转', '帮我找一下', '寄给', '发给', '麻烦', '我老婆', '我朋友', '我老公是', '我先生', '孩子爸爸', '机主', '机主是', '付款人', '汇款人是', '我叫“', '我叫 《', '我係', '我嘅名係', '，在下'), fc.constantFrom('王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周'), fc.constantFrom('建国', '秀英', '学友', '德华', '杰伦', '小红', '志强', '丽娟'))
  .chain(([verb, s, g]) =>
    // Or standing alone: before 是我本人, greeted after an @, as the speaker of a line, in brackets, after From:.
    // Or as an invoice's title, after 帮 and 写, signing off a letter, and as the owner of an order or a document.
    fc
      .constantFrom(`${verb}${s}${g}，`, `，${s}${g}是我本人，`, `，这是${s}${g}的订单，`, `，订单是${s}${g}的，`, `，下单的是${s}${g}，`, `，以${s}${g}的名义下单，`, `，${s}${g}的手机号，`, ` @${s}${g} 你好，`, `\n${s}${g}：在吗，`, `[${s}${g}]`, ` From: ${s}${g}，`, `，${s}${g}是我爸，`, `发票抬头：${s}${g}，`, `帮${s}${g}查一下，`, `写${s}${g}的名字，`, `。${s}${g} 敬上`, `此致敬礼 ${s}${g}。`, `谢谢——${s}${g}。`)
      .map((text): Pii => ({ text, secrets: [s + g] })),
  );
// A name in Latin letters that signs off the message.
const closingNamePii = fc
  .tuple(fc.constantFrom('Regards, ', 'Thanks, ', 'Signed, ', 'Best regards,\n', 'Cheers, ', 'Sincerely, '), fc.constantFrom(...PINYIN), fc.constantFrom(...PINYIN))
  .map(([closing, a, b]): Pii => ({ text: ` ${closing}${a} ${b}`, secrets: [`${a} ${b}`], last: true }));
// A name that introduces the writer with "here".
const nameHerePii = fc
  .tuple(fc.constantFrom('', 'Hi, ', '好的。'), fc.constantFrom(...PINYIN), fc.constantFrom(...PINYIN), fc.constantFrom(', any update?', '.', '!'))
  .map(([lead, a, b, tail]): Pii => ({ text: ` ${lead}${a} ${b} here${tail} `, secrets: [`${a} ${b}`] }));
// The same with more after it on its line: a phone number, or the rest of a sentence.
const closingNameThenMorePii = fc
  .tuple(fc.constantFrom('Regards, ', 'Thanks, ', 'Best regards,\n', 'Cheers: '), fc.constantFrom(...PINYIN), fc.constantFrom(...PINYIN), mobile, fc.boolean())
  .map(([closing, a, b, digits, phone]): Pii => ({ text: ` ${closing}${a} ${b} ${phone ? digits : 'will call you'} `, secrets: [`${a} ${b}`, ...(phone ? [digits] : [])] }));
// A name after an English label with only spaces before it, and a name in pinyin in lower case after a label and a sign.
const PINYIN_SURNAMES = ['zhang', 'wang', 'li', 'liu', 'chen', 'huang'];
const PINYIN_GIVEN = ['jianguo', 'xiuying', 'xiaoming', 'guoqiang', 'hua'];
const bareLabelLatinNamePii = fc.oneof(
  fc
    .tuple(fc.constantFrom('name ', 'customer name ', 'full name ', 'recipient ', 'first name ', 'cardholder name ', 'Name ', 'Full name - ', 'name/'), fc.constantFrom(...PINYIN), fc.constantFrom(...PINYIN.map((p) => ` ${p}`)))
    .map(([cue, a, b]): Pii => ({ text: ` ${cue}${a}${b}，`, secrets: [`${a}${b}`] })),
  fc
    .tuple(fc.constantFrom('name: ', 'Name：', 'recipient: ', '[Name] ', 'name = '), fc.constantFrom(...PINYIN_SURNAMES), fc.constantFrom(...PINYIN_GIVEN), fc.boolean())
    .map(([cue, surname, given, upper]): Pii => {
      const name = upper ? `${surname[0]!.toUpperCase()}${surname.slice(1)} ${given}` : `${surname} ${given}`;
      return { text: ` ${cue}${name}，`, secrets: [name.slice(1)] };
    }),
);
// A name in pinyin in lower case after "my name is" and the like, the surname first or last.
const pinyinSaidNamePii = fc
  .tuple(fc.constantFrom('my name is ', 'My name is ', 'call me ', "my name's "), fc.constantFrom(...PINYIN_SURNAMES), fc.constantFrom(...PINYIN_GIVEN), fc.boolean())
  .map(([cue, surname, given, surnameFirst]): Pii => {
    const name = surnameFirst ? `${surname} ${given}` : `${given} ${surname}`;
    return { text: ` ${cue}${name}, `, secrets: [name.slice(1)] };
  });
// The same before a sign, and greeted; a name in Han characters as a field's value in JSON or a query string.
const latinNameBeforeSignPii = fc
  .tuple(fc.constantFrom('Regards, ', 'Thanks, ', 'Hi ', 'Hello '), fc.constantFrom(...PINYIN), fc.constantFrom(...PINYIN), fc.constantFrom(', ', '，', '. '))
  .map(([cue, a, b, sign]): Pii => ({ text: ` ${cue}${a} ${b}${sign}`, secrets: [`${a} ${b}`] }));
const fieldNamePii = fc
  .tuple(fc.constantFrom('{"name":"', 'name=', '"receiver": "', 'username='), fc.constantFrom(...SURNAMES), fc.constantFrom('建国', '秀英', '小红', '伟'))
  .map(([field, s, g]): Pii => ({ text: `${field}${s}${g}" `, secrets: [s + g] }));
const titledLatinNamePii = fc
  .tuple(fc.constantFrom('Mr. ', 'Mrs ', 'Ms. ', 'Dr. ', 'Dear ', 'Dear Mr. ', 'Dear Ms '), fc.constantFrom(...PINYIN), fc.constantFrom(...PINYIN))
  .map(([title, a, b]): Pii => ({ text: ` ${title}${a} ${b}, `, secrets: [`${a} ${b}`] }));
// A surname alone after Dear and a title, and a first name alone greeted at the start of a line: its first letter alone
// may survive. The name is short ("Li"), so the secret is the word before it and the name.
const greetedFirstNamePii = fc
  .tuple(fc.constantFrom('Dear Mr. ', 'Dear Ms ', '\nHi ', '\nHello ', '\nHey ', '\n@105855 Hi '), fc.constantFrom(...PINYIN), fc.constantFrom(', ', '! ', '，', '\n'))
  .map(([greeting, name, sign]): Pii => ({ text: `${greeting}${name}${sign}`, secrets: [`${greeting.trim().split(' ').pop()!} ${name}`] }));
// Names whose first character is not on the surname list, and with no surname at all.
const UNLISTED = [...'乔阿虚岳雁'];
const unlistedNamePii = fc.tuple(fc.constantFrom(...UNLISTED), fc.array(fc.constantFrom(...GIVEN), { minLength: 1, maxLength: 2 }).map((g) => g.join(''))).chain(([first, rest]) => {
  const name = first + rest;
  return fc
    .constantFrom(`这边是${name}，`, `签收人：${name}，`, `我叫${name}，`, `收件人:${name}，`, `收件人：${name}，`, `收件人${name}，`, `联系人:${name}，`, `收货人:${name}，`, `姓名:${name}，`, `叫我${name}就行，`, `我是${name}，`)
    .map((text): Pii => ({ text, secrets: [name] }));
});
const spacedNamePii = fc.tuple(fc.constantFrom('令狐', '欧阳', '司马', '诸葛'), fc.constantFrom(...GIVEN)).map(([s, g]): Pii => ({ text: `姓名 ${[...s].join(' ')} ${g}，`, secrets: [`${[...s].join(' ')} ${g}`, s + g] }));
const latinNamePii = fc
  .tuple(fc.constantFrom('我叫', '名字：', '姓名:', '收件人：', '户名 ', "I'm ", 'my name is ', 'This is ', 'Recipient: ', 'Contact: ', 'name=', '[Name] '), fc.constantFrom(...PINYIN), fc.constantFrom('', 'Q. ', 'J. R. ', 'Mary-'), fc.constantFrom(...PINYIN))
  .map(([cue, a, middle, b]): Pii => ({ text: `${cue}${a} ${middle}${b}，`, secrets: [`${a} ${middle}${b}`, ...(middle ? [`${middle}${b}`] : [])] }));
// A compound surname and one given character: the surname is masked too ("我姓欧阳名锋").
const compoundNamePii = fc.tuple(fc.constantFrom('欧阳', '司马', '诸葛', '上官', '慕容'), fc.constantFrom(...GIVEN)).chain(([s, g]) =>
  fc.constantFrom(`我姓${s}名${g}，`, `我叫${s}${g}，`, `收件人：${s}${g}，`).map((text): Pii => ({ text, secrets: [s + g, s] })),
);

// A name after a recipient's label and a word that changes or corrects it, put right in a message about a name, after 姓
// and 名, after a word for the family, glued to a form's label, or before the holder's sex.
const changedNamePii = fc.tuple(fc.constantFrom('王', '李', '张', '刘', '陈'), fc.constantFrom('建国', '秀英', '志强', '晓梅', '丽娟')).chain(([s, g]) =>
  fc
    .constantFrom<Pii>(
      ...[`收件人改成${s}${g}，`, `把收货人换成${s}${g}吧，`, `签收人写的是${s}${g}，`, `签收人写的${s}${g}，`, `收件人名字改为${s}${g}，`, `名字打错了，应该是${s}${g}，`, `名字写成了${s}${g}，`, `填的${s}${g}这个名字，`, `帮我改下名字，${s}${g}，`, `家属${s}${g}，`, `落款${s}${g}，`, `，${s}${g} 女 1990年，`, `免贵姓${s}，${s}${g}，`, `快递单上写的${s}${g}，`,
        // Greeted with a comma or a space, after a greeting or a thanks, before a word a customer is called by.
        `，${s}${g}，您好：`, `。${s}${g} 您好，`, `，${s}${g}，您的订单已发出，`, `你好${s}${g}，`, `Dear ${s}${g}，`, `谢谢${s}${g}的耐心等待，`, `给${s}${g}造成不便，`, `，${s}${g}师傅，`, `，${s}${g}亲，`,
        // Signing for, taking or paying for a parcel, invoiced, owning an account.
        `代收人${s}${g}，`, `由${s}${g}代收，`, `发票开给${s}${g}，`, `快递是${s}${g}签收的，`, `被${s}${g}签收了，`, `委托${s}${g}来取，`, `，${s}${g}名下的账户，`, `账户是${s}${g}的名字，`,
        // Taiwan's words on an order form, and a record asked for.
        `訂購人：${s}${g}，`, `取貨人：${s}${g}，`, `收件者：${s}${g}，`, `連絡人：${s}${g}，`, `发一下${s}${g}的聊天记录，`].map((text) => ({ text, secrets: [s + g] })),
      ...[`姓${s}名${g}，`, `姓${s}，名${g}，`].map((text) => ({ text, secrets: [`名${g}`] })),
    ),
);

// Street addresses after a cue, passports and licence plates.
const STREETS = ['建国路', '世纪大道', '文三路', '中山北街', '长安巷'];
const addressPii = fc
  .tuple(fc.constantFrom('地址：', '收货地址 ', '住址:', '寄到', '送到'), fc.constantFrom('北京市朝阳区', '上海市浦东新区', '广东省深圳市南山区', ''), fc.constantFrom(...STREETS), fc.integer({ min: 1, max: 999 }), fc.constantFrom('', '3栋402', '1201室', '2单元'))
  .map(([cue, region, street, number, unit]): Pii => ({ text: `${cue}${region}${street}${number}号${unit}，`, secrets: [`${street}${number}`] }));
// The same addresses with no word before them, known by their shape: a region, then a road and a number.
const unlabelledAddressPii = fc
  .tuple(fc.constantFrom('我家在', '人在', '，', ''), fc.constantFrom('北京市朝阳区', '上海市浦东新区', '广东省深圳市南山区', '杭州市西湖区', '浙江省杭州市余杭区五常街道'), fc.constantFrom(...STREETS), fc.integer({ min: 1, max: 999 }), fc.constantFrom('号', '号3栋402', '号1201室', '号2单元', '弄'))
  .chain(([lead, region, street, number, unit]) =>
    // One line break may stand between the region and the road.
    fc.constantFrom('', '\n', '\r\n ').map((lineBreak): Pii => ({ text: `${lead}${region}${lineBreak}${street}${number}${unit}，`, secrets: [`${street}${number}`] })),
  );
// After a cue, an address spaced word by word, and place words with a building's number and no district or road.
const spacedAddressPii = fc
  .tuple(fc.constantFrom('送货到 ', '寄到 ', '地址：', '发到'), fc.constantFrom('上海 浦东', '北京 朝阳', '杭州市 西湖区'), fc.constantFrom(...STREETS), fc.integer({ min: 1, max: 999 }))
  .map(([cue, region, street, number]): Pii => ({ text: `${cue}${region} ${street} ${number} 号，`, secrets: [street] }));
const PLACES = ['深圳南山科技园南区', '苏州工业园星海小区', '西溪园区', '张江高科技园'];
const placeAddressPii = fc
  .tuple(fc.constantFrom('发到', '寄到', '送到', '送货到', '地址：'), fc.constantFrom(...PLACES), fc.integer({ min: 1, max: 99 }), fc.constantFrom('栋', '号', '幢', '单元', '号楼'))
  .map(([cue, place, number, unit]): Pii => ({ text: `${cue}${place}${number}${unit}，`, secrets: [place] }));
// An office after a delivery verb, perhaps with a word for the workplace between: the building, its tower, floor and room.
const officeAddressPii = fc
  .tuple(fc.constantFrom('送到', '寄到', '发到 ', '寄到公司：', '送到我们公司 ', '寄到公司，', '送到单位：', '地址：', '收货地址：', '寄到：'), fc.constantFrom('国贸中心', '望京SOHO ', '中关村大厦', '万达广场', '金融街中心'), fc.constantFrom('B座', 'T1座', '3号楼', 'A座 ', '2栋'), fc.integer({ min: 2, max: 60 }), fc.integer({ min: 101, max: 6099 }))
  .chain(([cue, place, building, floor, room]) =>
    fc.constantFrom(`${floor}层`, `${room}`, `${room}室`, `${floor}层${room}`).map((rest): Pii => ({ text: `${cue}${place}${building}${rest}，`, secrets: [place.trim(), `${building.trim()}${rest}`] })),
  );
// An office with its tower and room after a word for leaving a parcel, and a Beijing home with its area, building, door and room.
const leftParcelAddressPii = fc
  .tuple(fc.constantFrom('快递放到', '放在', '，放', '快递帮我放到', '搁', '我家是'), fc.constantFrom('国贸中心', '望京SOHO ', '中关村大厦', '万达广场', '和平里七区', '望京西园三区'), fc.constantFrom('B座', 'T1座', '3号楼', '18号楼'), fc.constantFrom('', '15层', '2门', '2单元'), fc.integer({ min: 101, max: 6099 }))
  .map(([cue, place, building, floor, room]): Pii => ({ text: `${cue}${place}${building}${floor}${room}前台，`, secrets: [`${building}${floor}${room}`] }));
// English street addresses, after a word that introduces one (then in any case) or alone, with a
// city and a postcode after them; homes in a housing estate with no district or road before them.
const englishAddressPii = fc
  .tuple(fc.constantFrom('Ship to ', 'ship to ', '寄到 ', 'my address is ', 'deliver to ', ', '), fc.integer({ min: 1, max: 9999 }), fc.constantFrom('Main', 'Baker', 'Elm', 'Queen', 'Amphitheatre', 'High Park', '5th', '2nd'), fc.constantFrom('Street', 'St', 'Road', 'Ave', 'Lane', 'Drive', 'Parkway', 'Court'), fc.constantFrom(['', ''], [', Springfield, IL 62704', '62704'], [', London NW1 6XE', 'nw1 6xe'], [', Toronto, ON M5H 2N2', 'm5h 2n2']))
  .map(([cue, number, name, type, [tail, postcode]]): Pii => {
    const street = cue === cue.toLowerCase() && /^[a-z]/u.test(cue) ? `${name} ${type}`.toLowerCase() : `${name} ${type}`;
    return { text: `${cue}${number} ${street}${tail}. `, secrets: [`${name} ${type}`, ...(postcode ? [postcode] : [])] };
  });
// A name whose parts a middle dot, another dot or a hyphen joins.
const dottedNamePii = fc
  .tuple(fc.constantFrom('我叫', '收件人：', '姓名：'), fc.constantFrom('阿卜杜拉', '迪丽热巴', '约翰'), fc.constantFrom('·', '・', '･', '∙', 'ㆍ', '-', '—'), fc.constantFrom('艾力', '迪力木拉提', '史密斯'))
  .map(([cue, first, dot, second]): Pii => ({ text: `${cue}${first}${dot}${second}，`, secrets: [second] }));
// A home on a road with no region before it.
const roadHomePii = fc
  .tuple(fc.constantFrom('我家在', '，', '寄到'), fc.constantFrom(...STREETS), fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 101, max: 2604 }))
  .chain(([lead, street, number, floor, room]) =>
    fc.constantFrom(`${number}号${floor}楼${room}室`, `${number}号${room}室`, `${number}号${floor}栋2单元${room}`).map((home): Pii => ({ text: `${lead}${street}${home}，`, secrets: [street] })),
  );
const estatePii = fc
  .tuple(fc.constantFrom('我家在', '，', '住', '寄到'), fc.constantFrom('万科城市花园', '阳光小区', '翠苑', '都市花园', '碧桂园', '锦绣家园'), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 101, max: 2604 }))
  .chain(([lead, estate, building, unit, room]) =>
    fc.constantFrom(`${building}栋${unit}单元${room}`, `${building}号楼${unit}单元${room}室`, `${building}幢${room}室`).map((home): Pii => ({ text: `${lead}${estate}${home}，`, secrets: [estate] })),
  );
const passportPii = fc.tuple(fc.constantFrom(...LABEL_SEPARATORS.map((separator) => separator('护照')), 'passport no. ', '护照 ', '护照号：', '护照号码是', 'passport number is '), fc.constantFrom('E', 'G', 'EA'), digitString(7, 7)).map(([cue, letter, digits]): Pii => ({ text: `${cue}${letter}${digits}8，`, secrets: [`${digits}8`] }));
const platePii = fc
  .tuple(fc.constantFrom(...'京沪粤苏浙川'), fc.constantFrom(...'ABCDEF'), fc.constantFrom('', '·', '-', ' ', ' - '), digitString(5, 5), fc.boolean())
  .map(([province, city, dot, digits, spaced]) => `${province}${spaced ? ' ' : ''}${city}${dot}${digits}`)
  .map((plate): Pii => ({ text: `车牌 ${plate}，`, secrets: [plate, plate.replace(/[ ·-]/gu, '')] }));

const anyPii = fc.oneof(digitsPii, digitsPii, changedNamePii, mailHeaderNamePii, moreAccountPii, leftParcelAddressPii, emailPiecesPii, pinyinSaidNamePii, speltNamePii, idPartsPii, handlePii, nicknamePii, spacedFormNamePii, officeAddressPii, halvesPii, partsPii, landlinePii, otherPlacesNumberPii, taiwanMobilePii, emailPii, emailThenSentencePii, dottedEmailPii, hanEmailPii, accountPii, namePii, greetingNamePii, phoneNamePii, titledLatinNamePii, unlistedNamePii, spacedNamePii, latinNamePii, compoundNamePii, calledNamePii, closingNamePii, closingNameThenMorePii, bareLabelLatinNamePii, formNamePii, nameHerePii, roadHomePii, dottedNamePii, latinNameBeforeSignPii, greetedFirstNamePii, fieldNamePii, addressPii, unlabelledAddressPii, spacedAddressPii, placeAddressPii, englishAddressPii, estatePii, passportPii, platePii);
const FILLER = ['您好', '请问', '我的订单', '什么时候发货', '谢谢', '麻烦您', '退款', '好的', '已经', '收到', '快递', '还没到', '怎么回事'];
const filler = fc.array(fc.constantFrom(...FILLER), { minLength: 0, maxLength: 3 }).map((w) => w.join(''));

interface Conversation {
  id: Pii;
  agent: string;
  channel: string;
  customer: Pii;
  agentSays: Pii;
  before: string;
  after: string;
}

const conversation = fc.record({
  id: fc.oneof(mobile.map((m): Pii => ({ text: m, secrets: [m] })), emailParts.map(([n, d, dom]): Pii => ({ text: `${n}${d}@${dom}`, secrets: [`${n}${d}`] }))),
  agent: fc.tuple(fc.constantFrom(...SURNAMES), fc.constantFrom(...GIVEN), fc.constantFrom(...GIVEN)).map(([s, a, b]) => s + a + b),
  channel: fc.tuple(letters(3, 5), fc.constantFrom('的小店', '旗舰店', '专营')).map(([a, b]) => a + b),
  customer: anyPii,
  agentSays: anyPii,
  before: filler,
  after: filler,
});

function transcript(conversations: readonly Conversation[]): string {
  const lines: string[] = [];
  conversations.forEach((c, i) => {
    const day = `2026-11-0${(i % 7) + 2}`;
    const base = { conversation_id: c.id.text, channel: c.channel };
    lines.push(JSON.stringify({ ...base, time: `${day} 10:00:00`, role: 'customer', text: `${c.before}${c.customer.text}${c.customer.last ? '' : c.after}` }));
    lines.push(JSON.stringify({ ...base, time: `${day} 10:03:00`, role: 'agent', agent: c.agent, text: `这个不归我们管，${c.before}${c.agentSays.text}${c.agentSays.last ? '' : c.after}` }));
    lines.push(JSON.stringify({ ...base, time: `${day} 10:04:00`, role: 'customer', text: '好吧' }));
  });
  return `${lines.join('\n')}\n`;
}

/** Output as the finders read it, with markup and escapes taken out. */
function normalised(output: string): string {
  const text = output
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/\\u([0-9a-fA-F]{4})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)))
    .replace(/%0A/g, '\n');
  return piiView(text).text.toLowerCase();
}

function leaks(output: string, conversations: readonly Conversation[]): string[] {
  const view = normalised(output);
  const secrets = conversations.flatMap((c) => [...c.id.secrets, c.agent, c.channel, ...c.customer.secrets, ...c.agentSays.secrets]);
  return secrets.filter((secret) => {
    const s = secret.toLowerCase();
    return /^[0-9]+$/.test(s) ? new RegExp(`(?<![0-9])${s}(?![0-9])`).test(view) : view.includes(s);
  });
}

let run = 0;
async function outputs(conversations: readonly Conversation[]): Promise<Array<[string, string]>> {
  const file = path.join(DIR, `t${run++}.jsonl`);
  writeFileSync(file, transcript(conversations));
  const out: Array<[string, string]> = [];
  for (const format of Object.keys(FORMATTERS)) {
    const result = await runCli(['lint', file, '-c', REPO_CONFIG, '-f', format, '--redact'], { env: ENV });
    out.push([`lint -f ${format}`, result.stdout + result.stderr]);
  }
  for (const format of Object.keys(REPORT_FORMATS)) {
    for (const by of format === 'json' ? ['agent', 'channel', 'conversation'] : ['agent']) {
      const result = await runCli(['report', file, '-c', REPO_CONFIG, '-f', format, '--by', by, '--redact'], { env: ENV });
      expect(result.code).toBe(0);
      out.push([`report -f ${format} --by ${by}`, result.stdout + result.stderr]);
    }
  }
  return out;
}

describe('--redact leaves no personal data, however it is spelt', () => {
  it('unredacted output does quote the generated data (the check below could fail)', async () => {
    const [sample] = fc.sample(fc.array(conversation, { minLength: 1, maxLength: 1 }), { numRuns: 1, seed: 7 });
    const file = path.join(DIR, 'plain.jsonl');
    writeFileSync(file, transcript(sample!));
    const plain = await runCli(['lint', file, '-c', REPO_CONFIG, '-f', 'json']);
    expect(leaks(plain.stdout, sample!).length).toBeGreaterThan(0);
  });

  // Many more cases than the formats can take, on the redaction function itself.
  it('in the redaction function: after labels with any separator, plates, dotted names, digits of any script', () => {
    fc.assert(
      fc.property(fc.oneof(changedNamePii, mailHeaderNamePii, moreAccountPii, leftParcelAddressPii, emailPiecesPii, pinyinSaidNamePii, speltNamePii, idPartsPii, handlePii, nicknamePii, spacedFormNamePii, officeAddressPii, namePii, unlistedNamePii, latinNamePii, accountPii, passportPii, platePii, dottedEmailPii, digitsPii, landlinePii, taiwanMobilePii, englishAddressPii, estatePii, calledNamePii, closingNamePii, emailThenSentencePii, halvesPii, partsPii, phoneNamePii, otherPlacesNumberPii, latinNameBeforeSignPii, greetedFirstNamePii, fieldNamePii, closingNameThenMorePii, bareLabelLatinNamePii, formNamePii, nameHerePii, roadHomePii, unlabelledAddressPii, dottedNamePii, emailPii), filler, filler, (pii, before, after) => {
        const text = `${before}${pii.text}${pii.last ? '' : after}`;
        const view = normalised(redactText(text));
        for (const secret of pii.secrets) expect(view, text).not.toContain(secret.toLowerCase());
      }),
      { numRuns: 400 },
    );
  });

  it('in every lint and report format', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(conversation, { minLength: 3, maxLength: 8 }), async (conversations) => {
        for (const [command, output] of await outputs(conversations)) {
          expect(leaks(output, conversations), command).toEqual([]);
        }
      }),
      { numRuns: 5 },
    );
  }, 180_000);
});
