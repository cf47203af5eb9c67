import { partOfSpeech } from './jieba.js';
import { findMobileNumbers, maskMiddle } from './pii.js';

/**
 * Masking for reports that leave the QA team (`report --redact`). Unlike the pii-exposure rule,
 * which must not cry wolf, redaction errs towards masking: an order number masked by mistake costs
 * nothing, a card number left in a report that is forwarded does.
 *
 * - mobile numbers (with +86, spaces or dashes): 138****5678;
 * - any other run of 11 or more digits (ID and card numbers, whatever their check digit; long order
 *   numbers too): first 3 and last 4 kept, an ID's final X included;
 * - landline numbers (0 + area code + 7–8 digits): area code kept;
 * - e-mail addresses: first character of the name and the domain kept;
 * - QQ and WeChat ids after those words;
 * - personal names after 我叫 / 姓名 / 收件人 / 联系人 … and before 先生 / 女士 / 小姐: surname kept.
 */

// Full-width letters, digits and the signs of numbers and addresses ("１３８…", "ｚｈａｎｇ＠ｑｑ．ｃｏｍ") and the ideographic space are
// folded to ASCII before matching, so they are found like their half-width forms.
// Chinese punctuation (，：) is left as it is.
const FULL_WIDTH = /[０-９Ａ-Ｚａ-ｚ＠．－（）＿＋]/g;
const fold = (text: string) => text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');

// Digits may be grouped by spaces, dashes, dots or long dashes: "139 - 1234 - 5678", "139.1234.5678".
const SEPARATOR = '(?:\\s{0,2}[-.—–]\\s{0,2}|\\s{1,2})?';
const LONG_NUMBER = new RegExp(`(?<![0-9])[0-9](?:${SEPARATOR}[0-9]){10,}(?:${SEPARATOR}[xX])?(?![0-9])`, 'g');
const LANDLINE = /(?<![0-9])\(?(0[1-9][0-9]{1,2})\)?[ -]?([0-9]{7,8})(?![0-9])/g;
const EMAIL = /([a-zA-Z0-9._%+-])[a-zA-Z0-9._%+-]*@([a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)+)/g;
const ACCOUNT = /((?:qq|QQ|扣扣|微信|微信号|vx|VX|wx|WX|v信|wechat|WeChat|weixin)\s*(?:号|号码|id|ID)?\s*(?:是|为|:|：)?\s*)([a-zA-Z0-9_-]{5,20})/g;

// The commonest Chinese surnames (they cover most of the population), compound surnames first.
const SURNAMES = [
  '欧阳', '司马', '诸葛', '上官', '东方', '慕容', '夏侯', '皇甫', '尉迟', '令狐',
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金',
  '石', '廖', '贾', '夏', '韦', '付', '方', '白', '邹', '孟', '熊', '秦', '邱', '江', '尹', '薛', '闫', '段', '雷', '侯',
  '龙', '史', '陶', '黎', '贺', '顾', '毛', '郝', '龚', '邵', '万', '钱', '严', '覃', '武', '戴', '莫', '孔', '向', '汤',
  '陳', '楊', '黃', '趙', '吳', '孫', '馬', '鄭', '謝', '許', '韓', '馮', '鄧', '蔣', '蘇', '呂', '盧', '鍾', '譚', '陸',
  '劉', '張', '羅', '蕭', '葉', '魏', '賴', '賀', '龔', '錢', '嚴', '湯',
];
const SURNAME = `(?:${SURNAMES.join('|')})`;
// A given name is one or two Han characters that are not a particle or the start of the next word.
const GIVEN = '(?:(?!电话|手机|地址|先生|女士|小姐|[的了吗呢吧啊呀嘛么是在和跟])\\p{Script=Han}){1,2}';
const NAME_CUE = /(我叫|我是|我的名字(?:是|叫)|名字(?:是|叫)|姓名|收件人|收货人|联系人|寄件人|持卡人|开户人|户主|本人)(\s*[:：是为]?\s*)/u;
const CUED_NAME = new RegExp(`${NAME_CUE.source}(${SURNAME})(${GIVEN})`, 'gu');
const HONORIFIC = new RegExp(`(${SURNAME})(先生|女士|小姐)`, 'gu');

const stars = (text: string) => '*'.repeat([...text].length);

/** Masks personal data in a quoted message, keeping the rest of the text as it was. */
export function redactText(text: string): string {
  let out = fold(text);
  // Mobiles first, with their own separators and +86; then what else is long enough to identify.
  const mobiles = findMobileNumbers(out).reverse();
  for (const m of mobiles) out = out.slice(0, m.start) + maskMiddle(m.digits, 3, 4) + out.slice(m.end);
  out = out.replace(LANDLINE, (_whole, area: string, number: string) => `${area}-${'*'.repeat(number.length)}`);
  out = out.replace(LONG_NUMBER, (run) => maskMiddle(run.replace(/[^0-9xX]/g, ''), 3, 4));
  out = out.replace(EMAIL, (_whole, first: string, domain: string) => `${first}***@${domain}`);
  out = out.replace(ACCOUNT, (_whole, cue: string, id: string) => `${cue}${maskMiddle(id, 1, 1)}`);
  out = out.replace(CUED_NAME, (_whole, cue: string, gap: string, surname: string, given: string) => `${cue}${gap}${surname}${stars(given)}`);
  out = out.replace(HONORIFIC, (_whole, _surname: string, title: string) => `*${title}`);
  return out;
}

// Person names (nr…), places (ns) and words jieba's dictionary does not hold (x), where unseen
// names end up.
const PERSONAL_TAG = /^(x|nr.*|ns)$/;

/** Whether a topic keyword may appear in a redacted report: not a name, a place or an unknown word. */
export function isShareableTopic(word: string): boolean {
  const tag = partOfSpeech(word);
  return tag !== undefined && !PERSONAL_TAG.test(tag);
}
