/**
 * Finding personal data in Chinese text: mainland mobile numbers, resident ID numbers, bank card
 * numbers, landlines, e-mail addresses, WeChat/QQ ids and names. The pii-exposure rule and the
 * redaction of `lint --redact` / `report --redact` both find them here: every finder returns exact
 * offsets in the text it was given, and every number kind has a mask.
 *
 * Long digit strings are everywhere in support chats (order, tracking and ticket numbers), so an ID
 * or card number only counts when its check digit is right: a random string passes the ID check one
 * time in eleven (and the birth-date check cuts that further), and the Luhn check one time in ten.
 *
 * People who want a number past a filter spell it otherwise: "138，5555，6666", "138_9999_0000",
 * "一三八幺二三四五六七八", "l384729lO56", "1３8-4七29-105six" (spelt-digits.ts reads these), full-width
 * digits, zero-width spaces between digits, "name at 163 dot com".
 * `piiView` undoes these spellings in a normalised copy of the text that remembers, for each of its
 * characters, the span of the original it came from; finders match the copy and report spans of
 * the original, so that the original spelling is what gets masked.
 */

import { partOfSpeech } from './jieba.js';
import { anyCue, bareOrChangedCue, joinedCue, labelWithin, markedCue, signedCue } from './labels.js';
import { CAPITALISED_WORD, CLOSING_NAME, CLOSING_WORD, closingNames, GREETED_NAME, greetedNames, HERE_WORD, LATIN_GREETING_WORD, LABELLED_LATIN_NAME, labelledLatinNames, NAME_HERE, NAME_LABEL, NAME_LABEL_WORD, MAIL_HEADER_NAME, MAIL_HEADER_WORD, mailHeaderNames, NAME_SAID_WORD, PROSE_LATIN_NAME, PROSE_NAME_WORD, proseLatinNames, namesHere, NOT_A_NAME_AFTER_DEAR, PINYIN_NAME_SAID, pinyinNamesSaid } from './latin-names.js';
import { MappedText } from './mapped-text.js';
import { atLeast, CHINESE_DIGIT, CHINESE_DIGIT_VALUES, DIGIT_GAP, readSpeltDigits } from './spelt-digits.js';

export { MappedText } from './mapped-text.js';

export type PiiKind = 'mobile' | 'residentId' | 'bankCard';

export interface PiiMatch {
  readonly kind: PiiKind;
  /** [start, end) in the searched text, separators included. */
  readonly start: number;
  readonly end: number;
  /** The digits alone (an ID's final X upper-cased), without spaces, dashes or the +86 prefix. */
  readonly digits: string;
}

// GB 11643-1999 §6.2: weights 2^(17-i) mod 11 for the first 17 digits, and the check character for
// (sum mod 11) = 0…10.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_CHARS = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'] as const;

/** The GB 11643 check character for the first 17 digits of a resident ID number. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`expected 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK_CHARS[sum % 11]!;
}

/**
 * True for an 18-character resident ID number whose check character is right and whose birth date
 * (characters 7–14) is a real date from 1900 on. The date test is not part of the checksum, but
 * an order number that passes the checksum by chance rarely also holds a real date there.
 */
export function isValidResidentId(id: string): boolean {
  const value = id.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  if (residentIdCheckChar(value.slice(0, 17)) !== value[17]) return false;
  return holdsBirthDate(value);
}

/** True when characters 7–14 of an 18-character resident ID number are a real date from 1900 to 2099. */
export function holdsBirthDate(id: string): boolean {
  const value = id.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The Luhn (mod 10) check that every bank card number carries in its last digit (ISO/IEC 7812-1). */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits) || digits.length < 2) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** A card-length string that passes Luhn and is not a run of one digit (0000…0 passes Luhn). */
export function isPlausibleBankCard(digits: string): boolean {
  return digits.length >= 16 && digits.length <= 19 && !/^(\d)\1+$/.test(digits) && passesLuhn(digits);
}

// A digit run glued to Latin letters or further digits is part of a code ("AB2026…", "xyz2603…"),
// so every pattern refuses a digit or a letter right before it, and a digit right after it.
// Mobile: 1[3-9] and nine digits (MIIT numbering plan), optionally +86/0086 and split 3-4-4.
const MOBILE = /(?<![0-9a-z])(?:(?:\+|00)?86[-\s]?)?(1[3-9]\d[-\s]?\d{4}[-\s]?\d{4})(?![0-9])/giu;
const RESIDENT_ID = /(?<![0-9a-z])(\d{17}[\dxX])(?![0-9a-z])/gu;
// Cards are written whole or in groups of four: "6222 0200 1234 5678 901".
const BANK_CARD = /(?<![0-9a-z])(\d{16,19}|\d{4}(?:[-\s]\d{4}){3}(?:[-\s]\d{1,3})?)(?![0-9a-z])/giu;

const onlyDigits = (text: string) => text.replace(/[^\dxX]/g, '').toUpperCase();

/** Full mainland mobile numbers. Masked ones ("138****5678") do not match. */
export function findMobileNumbers(text: string): PiiMatch[] {
  const found: PiiMatch[] = [];
  for (const m of text.matchAll(MOBILE)) {
    found.push({ kind: 'mobile', start: m.index!, end: m.index! + m[0].length, digits: onlyDigits(m[1]!) });
  }
  return found;
}

/** Resident ID numbers (18 characters) that pass the GB 11643 check and hold a real birth date. */
export function findResidentIds(text: string): PiiMatch[] {
  const found: PiiMatch[] = [];
  for (const m of text.matchAll(RESIDENT_ID)) {
    if (isValidResidentId(m[1]!)) found.push({ kind: 'residentId', start: m.index!, end: m.index! + m[0].length, digits: m[1]!.toUpperCase() });
  }
  return found;
}

/** Bank card numbers: 16–19 digits, whole or in groups of four, that pass the Luhn check. */
export function findBankCards(text: string): PiiMatch[] {
  const found: PiiMatch[] = [];
  for (const m of text.matchAll(BANK_CARD)) {
    const digits = onlyDigits(m[1]!);
    if (isPlausibleBankCard(digits)) found.push({ kind: 'bankCard', start: m.index!, end: m.index! + m[0].length, digits });
  }
  return found;
}

/**
 * Every personal number in `text`, in order, without overlaps. An 18-digit string that passes the
 * ID check is an ID even if it also passes Luhn; a mobile number inside a longer run is not found
 * at all, because the patterns refuse neighbouring digits.
 */
export function findPersonalNumbers(text: string, options: { spellings?: 'plain' | 'any' | 'eager' } = {}): PiiMatch[] {
  if (options.spellings === 'any' || options.spellings === 'eager') {
    if (!mayHoldNumber(text)) return [];
    const view = piiView(text, options.spellings === 'eager' ? 'eager' : 'certain');
    return findPersonalNumbers(view.text).map((m) => ({ ...m, ...view.original(m.start, m.end) }));
  }
  const ids = findResidentIds(text);
  const overlapsAny = (m: PiiMatch, others: readonly PiiMatch[]) => others.some((o) => m.start < o.end && m.end > o.start);
  const cards = findBankCards(text).filter((m) => !overlapsAny(m, ids));
  const mobiles = findMobileNumbers(text).filter((m) => !overlapsAny(m, ids) && !overlapsAny(m, cards));
  return [...ids, ...cards, ...mobiles].sort((a, b) => a.start - b.start);
}

/**
 * Keeps `head` characters and `tail` characters and stars the rest: maskMiddle("13812345678", 3, 4) = "138****5678".
 * Characters are code points: a nickname that starts with an emoji ("🐰小鹿") keeps the emoji whole, not half of it.
 */
export function maskMiddle(value: string, head: number, tail: number): string {
  const chars = [...value];
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + chars.slice(chars.length - tail).join('');
}

/**
 * The usual display masks: a phone keeps 3 + 4 digits (138****5678), an ID keeps the region code
 * and the check character's group (110101********123X), a card keeps 4 + 4 (6222***********7890).
 */
export function maskPersonalNumber(match: Pick<PiiMatch, 'kind' | 'digits'>): string {
  switch (match.kind) {
    case 'mobile':
      return maskMiddle(match.digits, 3, 4);
    case 'residentId':
      return maskMiddle(match.digits, 6, 4);
    case 'bankCard':
      return maskMiddle(match.digits, 4, 4);
  }
}

// ---------------------------------------------------------------------------------------------
// The normalised view.

// Zero-width and invisible characters that can be slipped between digits without showing.
const INVISIBLE = /(?:[\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u206a-\u206f\ufeff]|\u034f|\ufe0e|\ufe0f|\u20e3)+/gu;
// Digits of other scripts and styles that read as 0–9: circled (①), parenthesised (⑴), full stop
// (⒈), dingbat (➊), mathematical (𝟏), superscript (¹) and subscript (₁), Arabic-Indic (١) and
// Extended Arabic-Indic (۱), Devanagari (१), and circled and parenthesised ideographs (㊀ and ㈠, read as the Chinese digit 一). Keycap digits
// (1️⃣) are a digit with invisible marks after it, dropped above.
const OTHER_DIGITS = /[\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089\u2460-\u249b\u24ea-\u24ff\u2776-\u2793\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u3220-\u3229\u3280-\u3289\u{1d7ce}-\u{1d7ff}]/gu;
// OTHER_DIGITS holds a few hundred characters: each is read once, not at every place a long number of them stands.
const DIGITS_READ = new Map<string, string>();
function digitOf(char: string): string {
  let digit = DIGITS_READ.get(char);
  if (digit === undefined) {
    digit = readDigit(char);
    DIGITS_READ.set(char, digit);
  }
  return digit;
}
function readDigit(char: string): string {
  const code = char.codePointAt(0)!;
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  if (code >= 0x0966 && code <= 0x096f) return String(code - 0x0966);
  // Unicode gives no compatibility form to the dingbat digits (❶, ➀, ➊: 1 to 10 three times over), the negative circled
  // ⓫–⓴ (11 to 20), the double circled ⓵–⓾ (1 to 10) and ⓿ (0).
  if (code >= 0x2776 && code <= 0x2793) return String(((code - 0x2776) % 10) + 1);
  if (code >= 0x24eb && code <= 0x24f4) return String(code - 0x24eb + 11);
  if (code >= 0x24f5 && code <= 0x24fe) return String(code - 0x24f5 + 1);
  if (code === 0x24ff) return '0';
  const folded = char.normalize('NFKC').replace(/[().]/g, '');
  return /^\d$/.test(folded) ? folded : /^(10|[1-9]\d)$/.test(folded) ? folded : Object.hasOwn(CHINESE_DIGIT_VALUES, folded) ? folded : char;
}
// Dashes people type between digit groups beside the hyphen: ‐ ‑ ‒ – — ― − ﹣.
const DASHES = /[\u2010-\u2015\u2212\ufe63]/gu;
// Full-width letters, digits and the signs of numbers and addresses ("１３８…", "ｚｈａｎｇ＠ｑｑ．ｃｏｍ"), and the
// ideographic space. Chinese punctuation (，：) is left as it is: finders know it.
const FULL_WIDTH = /[０-９Ａ-Ｚａ-ｚ＠．－（）＿＋／]/gu;
// What a letter or digit of the view can be read from: ASCII and full-width letters and digits,
// digits of other scripts, Chinese digits, and the strokes read as 1. Most messages hold fewer
// such characters than any number has digits, and need no view at all for numbers (a mobile
// number, the shortest, has 11). Spelt English digits are letters. ID_SOURCE adds what the view
// reads as the dots, dashes and underscores of an account id; an @ is left to the view, which may
// read "点"/"dot" after it as a dot.
const DIGIT_SOURCE = new RegExp(`[0-9A-Za-z|丨\\uff10-\\uff19\\uff21-\\uff3a\\uff41-\\uff5a\\uff5c]|${CHINESE_DIGIT}|${OTHER_DIGITS.source}`, 'gu');
const ID_SOURCE = new RegExp(`${DIGIT_SOURCE.source}|[._\\-\\uff0e\\uff3f\\uff0d]|${DASHES.source}`, 'gu');
const FEWEST_DIGITS = 11;

/** False when the view of `text`, however it is read, can hold no mobile, ID or card number. */
export const mayHoldNumber = (text: string): boolean => atLeast(DIGIT_SOURCE, text, FEWEST_DIGITS);
/** False when the view of `text` can hold no account id (five letters, digits, dots, dashes or underscores). */
export const mayHoldAccountId = (text: string): boolean => text.includes('@') || atLeast(ID_SOURCE, text, 5);

// A gap joins two groups of digits unless both are long enough to be numbers of their own
// ("13912345678、13712345678" is a list of two phones; "138，5555，6666" is one).
const GAP_BETWEEN_DIGITS = new RegExp(`(?:(?<=(?<![0-9])[0-9]{1,6})${DIGIT_GAP}(?=[0-9])|(?<=[0-9])${DIGIT_GAP}(?=[0-9]{1,6}(?![0-9])))`, 'gu');
// "name at 163 dot com", "name(at)qq.com", "name艾特qq.com", and "name(a)163.com", an a in brackets before a domain, as
// addresses are written to get past harvesters.
const AT_WORD = /(?<=[A-Za-z0-9._%+-])(?:\s*[([{（【<]\s*at\s*[)\]}）】>]\s*|\s+at\s+|\s*艾特\s*|\s*[([{（【<]\s*a\s*[)\]}）】>]\s*(?=[A-Za-z0-9-]{1,63}[ \t]*(?:[.。｡]|点|dot)))(?=[A-Za-z0-9\p{Script=Han}])/giu;
// After an @, "dot", "[.]", 点, 。 and ， are dots: "wangwu@qq。com", "a@163 dot com", "a@163[.]com".
// A dot with spaces around it ("163 . com") is a dot there too. 点, 。 and ， only between Latin letters or
// digits, on the way to a top-level domain ("qq，com", "mail。163。com"): after an address, a comma and
// what follows are the rest of the sentence ("zhangsan@163.com，王建国，13912345678，ok").
const CHINESE_DOT = '\\s*[。，｡、点]\\s*';
const TOP_LEVEL_DOMAIN = 'com|cn|net|org|edu|gov|info|io|co|uk|hk|tw|mo|jp|kr|sg|us|de|fr|au|ca|me|cc|top|xyz|biz|vip|tv|mobi|asia';
const DOT_BEFORE_TOP_LEVEL_DOMAIN = `(?<=[A-Za-z0-9-])${CHINESE_DOT}(?=(?:[A-Za-z0-9-]{1,63}(?:${CHINESE_DOT}|\\.)){0,3}(?:${TOP_LEVEL_DOMAIN})(?![A-Za-z0-9]))`;
export const DOT_WORD = new RegExp(`(?<=@[^\\s@]{1,40})(?:\\s*[([{（【<]\\s*(?:dot|\\.|点)\\s*[)\\]}）】>]\\s*|\\s+dot\\s+|${DOT_BEFORE_TOP_LEVEL_DOMAIN}|[ \\t\\u00a0]{1,2}\\.[ \\t\\u00a0]{0,2}(?=[A-Za-z])|\\.[ \\t\\u00a0]{1,2}(?=[A-Za-z]{2,24}(?![A-Za-z])))(?=[A-Za-z0-9\\p{Script=Han}])`, 'giu');
/**
 * The positions where DOT_WORD may match: 2 to 41 characters after an @ with no blank or @ between
 * (its look-behind), at a character a match starts with (a blank, a bracket, a dot, 。，｡、点).
 */
const DOT_WORD_FIRST = /[\s([{（【<。，｡、点.]/u;
const BLANK_OR_AT = /[\s@]/u;
export function* afterAtSigns(text: string): Generator<number> {
  let next = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    const last = Math.min(at + 41, text.length - 1);
    let i = Math.max(at + 2, next);
    for (; i <= last && !BLANK_OR_AT.test(text[i - 1]!); i++) if (DOT_WORD_FIRST.test(text[i]!)) yield i;
    next = Math.max(next, i);
  }
}
// Before an @, a spelt-out dot joins the words of an address's name: "john dot smith at gmail dot com",
// "li(dot)lei@163.com", "john点smith艾特gmail点com", "john-dot-smith". Up to four words, each of up to 64 characters, so that the look-ahead stays short.
const NAME_PART = '[A-Za-z0-9_%+-]{1,64}';
const SPELT_DOT = '(?:\\s*[([{（【<]\\s*(?:dot|\\.|点)\\s*[)\\]}）】>]\\s*|\\s+dot\\s+|\\s*点\\s*|[-_]dot[-_])';
const DOT_WORD_IN_NAME = new RegExp(`(?<=[A-Za-z0-9_%+-])${SPELT_DOT}(?=${NAME_PART}(?:${SPELT_DOT}${NAME_PART}){0,3}@)`, 'giu');
// Spaces around an @ between address characters: "name @qq.com", "name@ qq.com", "name @ qq.com".
const SPACE_AT = /(?<=[A-Za-z0-9._%+-])[ \t\u00a0]{1,3}(?=@[ \t\u00a0]{0,3}[A-Za-z0-9])|(?<=[A-Za-z0-9._%+-][ \t\u00a0]{0,3}@)[ \t\u00a0]{1,3}(?=[A-Za-z0-9])/gu;
// An address typed with a space after every character: "l i l e i @ 1 6 3 . c o m". Read only
// where the spaced run holds an @; "a b c" elsewhere is left as it is.
const SPACED_ADDRESS = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-](?:[ \t\u00a0]{1,2}[A-Za-z0-9._%+@-]){3,}(?![A-Za-z0-9._%+-])/gu;
function joinSpacedAddress(view: MappedText): MappedText {
  if (!view.text.includes('@')) return view;
  return view.replace(SPACED_ADDRESS, (m) => (m[0].includes('@') && /^[^@]+@[^@]+$/u.test(m[0]) ? m[0].replace(/[ \t\u00a0]/gu, '') : m[0]));
}

// A phone number written as groups of 3, 4 and 4 digits with a short word or sign between them
// ("138加4729加1056", "139转…", "137空格…", "136杠…"). The eager reading, for redaction, takes any
// word of up to three characters. The certain reading, for the pii-exposure rule, takes the same
// joining word or sign twice: "138加4729加1056" and "138❤4729❤1056" are phones spelt to get past a
// filter, "买了138件加4729元加1056元" is no phone.
const GROUP_DIGIT = `[0-9${CHINESE_DIGIT.slice(1, -1)}]`;
const WORD_GAP = `[ \\t]*[^\\s0-9${CHINESE_DIGIT.slice(1, -1)}]{1,3}?[ \\t]*`;
const WORDS_BETWEEN_GROUPS = new RegExp(`(?<!${GROUP_DIGIT})(${GROUP_DIGIT}{3})(${WORD_GAP})(${GROUP_DIGIT}{4})(${WORD_GAP})(${GROUP_DIGIT}{4})(?!${GROUP_DIGIT})`, 'gu');
const JOINING_WORD = /^(?:加|转|接|空格|杠|横杠|横|[^\p{L}\p{N}\s]{1,2})$/u;
const asDigits = (text: string) => [...text].map((c) => CHINESE_DIGIT_VALUES[c] ?? c).join('');
function joinWordSeparatedGroups(view: MappedText, reading: PiiReading): MappedText {
  return view.replace(WORDS_BETWEEN_GROUPS, (m) => {
    if (!/^1[3-9]/u.test(asDigits(m[1]!))) return m[0];
    const gap = m[2]!.trim();
    if (reading === 'certain' && (gap !== m[4]!.trim() || !JOINING_WORD.test(gap))) return m[0];
    return m[1]! + m[3]! + m[5]!;
  });
}
// "qianduoduo#163.com": a # between an address's name and a domain, for redaction only.
const HASH_AT = /(?<=[A-Za-z0-9._%+-])[ \t]*[#＃][ \t]*(?=[A-Za-z0-9-]{1,63}(?:\.|[ \t]*(?:dot|点|。)[ \t]*)[A-Za-z]{2})/giu;
// "lilei圈163.com", "lilei 在 163.com", "lilei~qq点com", "lilei【@】163.com", "lilei@ @163.com": a
// short run of spaces, brackets and @ signs, with at most one short word or sign among them, spoken
// or typed for the @ between an address's name and a well-known mail host with its top-level
// domain, for redaction only. A dot, a slash or a colon there belongs to a domain or a link, not to
// an address ("mail.163.com", "https://163.com"), and a name that ends as a domain does is one of a
// list of sites ("example.com 和 163.com").
export const SPOKEN_MAIL_HOSTS = '163|126|139|189|188|yeah|qq|foxmail|sina|sohu|aliyun|gmail|googlemail|hotmail|outlook|yahoo|icloud|protonmail';
const AT_GAP_SIGN = '[ \\t@([{（【<「『)\\]}）】>」』]';
const AT_GAP_WORD = '[^\\sA-Za-z0-9._%+@#＃/:=?&()\\[\\]{}（）【】<>「」『』-]{1,2}';
const SPOKEN_AT = new RegExp(
  `(?<=(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{2,64})(?<!\\.(?:com|cn|net|org|edu|gov|io|info|top|xyz))(?:${AT_GAP_SIGN}{1,6}(?:${AT_GAP_WORD}${AT_GAP_SIGN}{0,6})?|${AT_GAP_WORD}${AT_GAP_SIGN}{0,6})(?=(?:${SPOKEN_MAIL_HOSTS})[ \\t]*(?:[.。｡]|点|dot)[ \\t]*(?:com|cn|net)(?![A-Za-z0-9]))`,
  'giu',
);

/**
 * How much a view undoes. `certain` is what the pii-exposure rule reads, where a false finding
 * costs trust; `eager` adds spellings that may also be ordinary text, for redaction, where a
 * masked ordinary word costs little.
 */
export type PiiReading = 'certain' | 'eager';

/**
 * The text as the finders read it: invisible characters dropped, full-width folded, numbers spelt
 * with Chinese digits, look-alike letters or English digit words read as digits, separators inside numbers dropped, `at`/`dot` and Chinese dots
 * in e-mail addresses read as @ and dots. `original()` maps a span back.
 */
export function piiView(text: string, reading: PiiReading = 'certain'): MappedText {
  // The finders each read the same message: the view is built once for them (a view is never changed).
  const key = (reading === 'eager' ? 'e' : 'c') + text;
  const known = views.get(key);
  if (known) return known;
  const view = buildView(text, reading);
  if (views.size >= VIEWS_KEPT) views.clear();
  views.set(key, view);
  return view;
}

/** Views of the texts read last. */
const views = new Map<string, MappedText>();
const VIEWS_KEPT = 64;

// What a step needs to find anything: most messages hold no digit group, no gap between digits, no
// "at", no @ and no run of five letters or digits, and a plain test for that is cheaper than the
// step's look-behinds at every character. A property test holds each test to its pattern.
const THREE_GROUP_DIGITS = new RegExp(`${GROUP_DIGIT}{3}`, 'u');
const DIGITS_ACROSS_GAP = new RegExp(`[0-9]${DIGIT_GAP}[0-9]`, 'u');
const AT_WORD_NEEDS = /at|艾特|[([{（【<]\s*a\s*[)\]}）】>]/iu;
const ACCOUNT_ID_SHAPE = /[A-Za-z0-9][A-Za-z0-9_.-]{4}/iu;
const hasAt = (text: string) => text.includes('@');
/** Runs `step`, which matches `pattern`, on a view whose text passes the pattern's test in PATTERN_NEEDS; returns the view as it is otherwise. */
const when =
  (pattern: RegExp, step: (view: MappedText) => MappedText) =>
  (view: MappedText): MappedText =>
    mayMatch(pattern, view.text) ? step(view) : view;

// Percent-encoded characters in a pasted link: "mailto:lilei%40163.com", "?name=%E7%8E%8B%E5%BB%BA%E5%9B%BD",
// "收件人%3A王建国". A run that is no UTF-8 stays as it is. For redaction only.
const PERCENT_ESCAPES = /(?:%[0-9A-Fa-f]{2})+/gu;
const UTF8 = new TextDecoder('utf-8');
/** The characters a run of escapes encodes. A byte that begins no character (a run cut short: "%E7%8E%8B%E5") reads as U+FFFD, and the rest is still read. */
function decodedEscapes(escapes: string): string {
  const bytes = new Uint8Array(escapes.length / 3);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(escapes.slice(i * 3 + 1, i * 3 + 3), 16);
  return UTF8.decode(bytes);
}

// What a speech recogniser writes for an id or an address dictated in a call: 下划线 for _ ("kk 下划线 一零零一七")
// and Chinese digits after an @ or an _ ("lilei 艾特 一六三 点 com"). For redaction only.
const SPOKEN_UNDERSCORE = /(?<=[A-Za-z0-9])[ \t]*(?:下划线|下横线|底线)[ \t]*(?=[A-Za-z0-9零〇一幺二两三四五六七八九])/gu;
const SPOKEN_UNDERSCORE_NEEDS = /下划线|下横线|底线/u;
const CHINESE_DIGITS_IN_ID = new RegExp(`(?<=[@_][ \\t]?)${CHINESE_DIGIT}{2,}`, 'gu');
const AT_OR_UNDERSCORE = /[@_]/u;
// A recogniser's words for @ and _: digits after a typed @ or _ are left to the other readings, so that a long
// text of "a_一二" pays nothing.
const SPOKEN_SIGN = /艾特|下划线|下横线|底线/u;
// A recogniser writes letters and digits dictated one by one with a space between ("k k 下划线 一 零 零 一 七",
// "l i l e i 艾特 q q 点 com"): in a text with a spoken @ or _, single letters and digits with a space between are one word.
const SPOKEN_CHARACTER = `[A-Za-z0-9${CHINESE_DIGIT.slice(1, -1)}]`;
const SPACE_BETWEEN_DICTATED = new RegExp(`(?<=(?<!${SPOKEN_CHARACTER})${SPOKEN_CHARACTER})[ \\t](?=${SPOKEN_CHARACTER}(?!${SPOKEN_CHARACTER}))`, 'gu');
const DICTATED_PAIR = new RegExp(`${SPOKEN_CHARACTER}[ \\t]${SPOKEN_CHARACTER}`, 'u');

// Character references of HTML, as web consoles and sanitisers export text: "lilei&#64;163.com", "&#49;&#51;&#56;…",
// "&#x40;". A reference to no character stays as it is. For redaction only.
const HTML_CHARACTER_REFERENCE = /&#(?:[0-9]{1,7}|[xX][0-9A-Fa-f]{1,6});/gu;
function referencedCharacter(reference: string): string {
  const code = reference[2] === 'x' || reference[2] === 'X' ? Number.parseInt(reference.slice(3, -1), 16) : Number(reference.slice(2, -1));
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : reference;
}

// Named references of HTML for the characters that hide a name's or a number's parts or spell an address's signs: "王&ZeroWidthSpace;建国",
// "lilei&commat;163.com". Not &nbsp;, a space that an export puts between a form's words ("电&nbsp;&nbsp;话:"), where its ; ends a
// clause as the address finder reads one.
const NAMED_REFERENCES = new Map([
  ['ZeroWidthSpace', '\u200b'], ['zwnj', '\u200c'], ['zwj', '\u200d'], ['NoBreak', '\u2060'], ['shy', '\u00ad'],
  ['commat', '@'], ['period', '.'], ['lowbar', '_'], ['UnderBar', '_'], ['hyphen', '-'], ['dash', '-'],
]);
const HTML_NAMED_REFERENCE = new RegExp(`&(?:${[...NAMED_REFERENCES.keys()].join('|')});`, 'gu');
const HTML_NAMED_REFERENCE_NEEDS = /&[A-Za-z]+;/u;

/** Percent escapes and HTML character references read as what they encode; a link may be encoded twice ("lilei%2540163.com"), so escapes are read twice. */
function withEscapesDecoded(view: MappedText): MappedText {
  const decodeEscapes = (v: MappedText) => v.replace(PERCENT_ESCAPES, (m) => decodedEscapes(m[0]));
  return view
    .transform(when(HTML_CHARACTER_REFERENCE, (v) => v.replace(HTML_CHARACTER_REFERENCE, (m) => referencedCharacter(m[0]))))
    .transform(when(HTML_NAMED_REFERENCE, (v) => v.replace(HTML_NAMED_REFERENCE, (m) => NAMED_REFERENCES.get(m[0].slice(1, -1))!)))
    .transform(when(PERCENT_ESCAPES, decodeEscapes))
    .transform(when(PERCENT_ESCAPES, decodeEscapes));
}

function buildView(text: string, reading: PiiReading): MappedText {
  return (reading === 'eager' ? withEscapesDecoded(MappedText.of(text)) : MappedText.of(text))
    .replace(INVISIBLE, () => '')
    .replace(FULL_WIDTH, (m) => String.fromCharCode(m[0].charCodeAt(0) - 0xfee0))
    .replace(OTHER_DIGITS, (m) => digitOf(m[0]))
    .replace(DASHES, () => '-')
    .replace(/\u3000/gu, () => ' ')
    .transform(when(WORDS_BETWEEN_GROUPS, (view) => joinWordSeparatedGroups(view, reading)))
    .transform(readSpeltDigits)
    .transform((view) => (reading === 'eager' ? joinSpacedAddress(view.replace(HASH_AT, () => '@')) : view))
    .transform(when(AT_WORD, (view) => view.replace(AT_WORD, () => '@')))
    .transform(when(SPACE_BETWEEN_DICTATED, (view) => (reading === 'eager' && SPOKEN_SIGN.test(text) ? view.replace(SPACE_BETWEEN_DICTATED, () => '') : view)))
    .transform(when(SPOKEN_UNDERSCORE, (view) => (reading === 'eager' ? view.replace(SPOKEN_UNDERSCORE, () => '_') : view)))
    .transform(when(CHINESE_DIGITS_IN_ID, (view) => (reading === 'eager' && SPOKEN_SIGN.test(text) ? view.replace(CHINESE_DIGITS_IN_ID, (m) => asDigits(m[0])) : view)))
    .transform(when(SPACE_AT, (view) => view.replace(SPACE_AT, () => '')))
    // After `at` and 艾特 are read ("ab at qq dot com" is no name "at" before a host), and before
    // separators between digits are dropped ("ab12~163.com" is no ab12163.com).
    .transform((view) => (reading === 'eager' ? view.replace(SPOKEN_AT, () => '@') : view))
    .transform(when(GAP_BETWEEN_DIGITS, (view) => view.replace(GAP_BETWEEN_DIGITS, () => '')))
    .transform(when(DOT_WORD_IN_NAME, (view) => view.replace(DOT_WORD_IN_NAME, () => '.')))
    // DOT_WORD is tried only where its look-behind allows: 2 to 41 characters after an @.
    .transform(when(DOT_WORD, (view) => view.replace(DOT_WORD, () => '.', afterAtSigns)));
}

// ---------------------------------------------------------------------------------------------
// Finders on the normalised view. Each takes the original text and returns spans of it.

export interface PiiSpan {
  readonly kind: 'landline' | 'taiwanMobile' | 'otherPlacesNumber' | 'longNumber' | 'phoneHalf' | 'idPart' | 'email' | 'account' | 'name' | 'address' | 'passport' | 'plate';
  readonly start: number;
  readonly end: number;
  /** The value as the view reads it (digits, address, id or name). */
  readonly value: string;
  /** What masks keep: an e-mail's domain, a name's surname, a plate's province and city letter. */
  readonly keep?: string;
}

// Landlines are matched before separators are dropped, so that the area code stays recognisable:
// "0571 88886666", "(0571)88776655", "010-12345678", and with the subscriber number split 3-4 or 4-4
// ("(021)6666-8888", "0571 8888 6666"); split so, a number that is one group of a longer one ("6222
// 0200 1234 5678", a card) is none. Taiwan's area codes have one digit after the 0 ("(02)2345-6789", Taipei): in brackets only,
// since a mainland one has two or three.
const LANDLINE = /(?<![0-9])\(?(0[1-9][0-9]{1,2})\)?[ -]?([0-9]{7,8})(?![0-9])|(?<![0-9][ -]?)\(?(0[1-9][0-9]{1,2})\)?[ -]?([0-9]{3,4}[ -][0-9]{4})(?![ -]?[0-9])|(?<![0-9])\((0[2-9])\)[ -]?([0-9]{3,4}[ -]?[0-9]{4})(?![ -]?[0-9])/gu;
// A subscriber number of seven or eight digits with no area code, right after a word for a phone:
// "区号021 电话66668888", "座机：6666-8888", "tel 6666 8888" (also Hong Kong's eight-digit numbers).
// Not a hotline's (客服电话, 服务电话, 热线: published for everyone), nor the first digits of a
// mobile number whose last four are hidden ("手机号1560162xxxx").
const PHONE_LABELS = '(?<!客服|服务|热线|售后)(?:电话|座机|固话|市话|手机)|(?<![A-Za-z])(?:tel(?:ephone)?|phone)';
const LABELLED_LANDLINE = new RegExp(`${anyCue(PHONE_LABELS, '(?:号码|号|no\\.?|number)?')}(?<![0-9])([0-9]{3,4}[ -]?[0-9]{4})(?![ -]?[0-9*＊xX])`, 'giu');
const PHONE_LABEL_WORD = /电话|座机|固话|市话|手机|tel|phone/iu;
// Taiwan mobile numbers (09 and eight digits) grouped 4-3-3 or 2-4-4 with the same sign or space
// twice, or none: "0912-345-678", "0912 345 678", "09 1234 5678", "0912345678".
const TAIWAN_MOBILE = /(?<![0-9][ -]?)(?:(09[0-9]{2})([ -]?)([0-9]{3})\2([0-9]{3})|(09)([ -]?)([0-9]{4})\6([0-9]{4}))(?![ -]?[0-9])/gu;
// Numbers of other places by their written shape: a North American phone number in groups of 3-3-4
// with the area code in brackets or a sign between every group ("(415) 555-2671", "415-555-2671",
// "415.555.2671"; after the area code in brackets the rest may be written whole, "(415)5552671"; "4155552671" alone is any ten digits), a US Social Security number ("078-05-1120")
// and a Hong Kong identity card number with its check digit in brackets ("A123456(7)"). Toll-free
// numbers (400 and 800 in China, 800, 833–888 in North America: "400-820-8820") are a company's.
const OTHER_PLACES_NUMBER = /(?<![0-9A-Za-z])(?:(?:\+?1[ .-]?)?(?!\(?(?:400|800|8([3-8])\1)[ .)-])(?:\([2-9][0-9]{2}\)[ .-]?[2-9][0-9]{2}[ .-]?|[2-9][0-9]{2}[ .-][2-9][0-9]{2}[ .-])[0-9]{4}|[0-9]{3}-[0-9]{2}-[0-9]{4}|[A-Z]{1,2}[0-9]{6}[ ]?\([0-9A]\))(?![0-9A-Za-z])/gu;
// Every one of them holds a run of three digits, a sign and more digits, or a digit in brackets.
const OTHER_PLACES_NUMBER_NEEDS = /[0-9]{3}[ .)-]|\([0-9A]\)/u;
// Eleven digits or more identify someone or something: masked in redaction whatever their check digit.
const LONG_NUMBER = /(?<![0-9])[0-9]{11,}(?:[xX](?![a-zA-Z]))?(?![0-9])/gu;
const HAN_TLD = '中国|中國|公司|网络|網絡|集团|集團|在线|商城|移动|信息|香港|台湾|台灣|网店|政务|公益|手机|我爱你';
// An address's name: Latin letters, digits and signs, with up to four Han characters glued after them
// ("wang王建国"), or up to four Han characters alone ("张三"). Han characters glued before them
// ("王建国13812345678", "王建国_wang") are read by findEmails (see emailNameStart), not here, where
// they would cost a few steps at every Han character of every message.
const EMAIL_NAME = '[A-Za-z0-9._%+-]{1,64}\\p{Script=Han}{0,4}|\\p{Script=Han}{1,4}';
const EMAIL = new RegExp(
  `(?<![A-Za-z0-9._%+-])(${EMAIL_NAME})@((?:(?:[A-Za-z0-9-]{1,63}|\\p{Script=Han}{1,12})\\.)+(?:[A-Za-z]{2,24}(?![A-Za-z])|${HAN_TLD}))`,
  'gu',
);
// "lilei@163", "lilei at gmail": an address whose domain is a well-known mail host, the top-level
// domain left out. Other words after an @ are not read as a domain: "@小林" is a mention; so is
// "@QQ音乐" after Han text, so the name holds Latin letters or digits.
const MAIL_HOSTS = '163|126|139|189|188|yeah|qq|foxmail|sina|sohu|aliyun|gmail|googlemail|hotmail|outlook|live|msn|yahoo|icloud|me|proton|protonmail';
const EMAIL_WITHOUT_TLD = new RegExp(`(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]{1,64})@(${MAIL_HOSTS})(?![A-Za-z0-9@-]|\\.[A-Za-z0-9])`, 'giu');
// A WeChat or QQ id after the words that introduce one: "V信 abc123", "薇信：abc123", "微.信 abc123",
// "Q Q：12345678", "q号 12345678", "企鹅号 12345678", "wei xin: abc123", a heart or 心 for 信 ("v❤ abc123",
// "薇❤：abc123"), "威x abc123", "卫星号 abc123" and "加个卫星 abc123" (卫星 only before 号 or after 加), and a lone V where it can only mean WeChat:
// right after 加 or a plus sign ("加v：abc123", "➕V abc123", not "NW705+ V1.1"), or before a colon; a lone Q the
// same way, or before six digits or more ("Q:45678902", "加q45678904", "q 45678903"), and 扣 before seven digits or
// more ("扣 45678905"; not "扣 50 元"). A platform's name alone before an id with an _ in it ("抖音 dy_88888").
// Other messengers too: 绿泡泡 (WeChat's nickname), LINE, Telegram and tg, WhatsApp, Skype, 钉钉, 飞书.
// "line" is as often a production line or a line of text: lower case, it is a label only with "id", 号
// or a sign after it ("line id: abc_1234"), and upper case ("LINE abc_1234") with nothing (see findAccounts).
// Shopping, payment and video platforms' accounts, only with 号, 账号, id or 名 after the platform's name ("淘宝账号：tb_88",
// "旺旺号 abc_123", "抖音号 abc_123"): redaction's alone, since an account on the platform is no invitation to leave it.
const PLATFORM_ACCOUNTS = '淘宝|旺旺|支付宝|抖音|快手|小红书|微博|拼多多|京东|b站|哔哩哔哩|bilibili|tiktok';
// Social platforms' accounts with any separator ("我的instagram是 lulu_2026", "facebook：lulu.chen.2026"); the short
// names (ig, fb, ins) only with a sign after them or after 我的. An account that the writer calls their own, or logs in
// with ("我的账号是 lulu_2026", "登录账号：lulu_2026", "我的ID是lulu_2026"), and one after 账号 or 用户名 and a sign
// ("通行账号是m24849350"; then the id holds a digit or _, see findAccounts); not "商品ID:3578046". Redaction's alone too.
const SOCIAL_ACCOUNTS = 'instagram|facebook|twitter|推特|脸书|(?:ig|fb|ins)(?=\\s*[:：=])|(?<=我的)(?:ig|fb|ins)';
// Accounts on more platforms, for second-hand goods, forums, games and code, and a member's or a user's number or id
// ("闲鱼号 lulu_2026", "知乎 id: …", "discord: …", "用户ID：…", "会员号 …"): with 号, 账号, id or 名 after the name, or a sign.
const MORE_PLATFORMS = '闲鱼|咸鱼|知乎|豆瓣|贴吧|百度|头条|得物|陌陌|探探|虎牙|斗鱼|网易云|steam|discord|github|gitlab|snapchat|reddit|linkedin|youtube|twitch|kakao|viber|roblox|xbox';
const MEMBER_ACCOUNTS = '用户|会员|游戏|玩家|角色';
const MORE_ACCOUNTS = `(?:${MORE_PLATFORMS}|${MEMBER_ACCOUNTS})(?=\\s{0,2}(?:号|账号|帐号|id|名|[:：=]))`;
const OWN_ACCOUNTS = '(?<=我的|登录|登陆)(?:账号|帐号|用户名|id)|(?:账号|帐号|用户名)(?=\\s{0,3}(?:[:：=＝]|是|为))|(?<=(?<![A-Za-z])my[ \\t])(?:user[ \\t]?name|user[ \\t]?id|account|handle)';
const ACCOUNT_LABELS =
  `q\\s*q|q(?=\\s*号)|q(?=\\s*[:：])|(?:加|\\+|➕)q(?!\\s*q)|q(?=[ \\t][1-9][0-9]{5,10}(?![0-9A-Za-z]))|扣(?=[ \\t:：]{1,2}[1-9][0-9]{6,10}(?![0-9]))|扣扣|抠抠|企鹅|[微薇威维徽卫v][\\s.·・,，、_*❤♥♡-]{0,2}(?:信|心|芯|[❤♥♡💗💓💕💖💘💝🧡💚💙💜])|[微薇威维徽卫v]\\s?x|wx|wei\\s*xin(?:\\s*hao)?|we\\s*chat|卫星(?=\\s*号)|(?<=加(?:个|我|一下|下)?\\s?)卫星|微|(?:加|\\+|➕)v|[v薇](?=\\s*[:：])|绿泡泡|line|telegram|tg|whats\\s?app|skype|钉钉|飞书|(?:${PLATFORM_ACCOUNTS})(?=\\s{0,2}(?:号|账号|帐号|id|名))|(?:${PLATFORM_ACCOUNTS})(?=[ \\t]{1,2}@?[A-Za-z0-9]{1,19}_)|${SOCIAL_ACCOUNTS}|${OWN_ACCOUNTS}`;
// The id follows the label with any separator ("微信号|lisi_99", "【QQ】12345678", "QQ号-87654321"): its own
// shape says what it is. An @ may come before it ("telegram @abc_1234"), and dots inside it ("Skype: john.smith99").
// In English "is" may stand between ("my wechat is kk_10017"; then the id holds a digit or _, see findAccounts), also
// right before an @, where the view has taken the space out ("my instagram is @mary_jones99" reads "is@mary_jones99").
const ACCOUNT_SUFFIX = '\\s{0,2}(?:号码|号|账号|帐号|id)?';
// A dot before a file's extension ends the id: a file named "微信kk_44444.jsonl" holds the id kk_44444.
export const FILE_EXTENSION = '(?:jsonl|json|csv|tsv|txt|log|xlsx|xls|docx|doc|pptx|ppt|pdf|zip|rar|7z|gz|png|jpe?g|gif|webp|heic|bmp|mp3|mp4|mov|avi|wav|amr|silk|html?|xml|md|ya?ml)(?![A-Za-z0-9_-])';
/** An id after one of `labels`, with any separator: group 1 is the label with its separator, group 2 the id. */
const accountPattern = (labels: string) =>
  new RegExp(`(?<![A-Za-z])(${anyCue(labels, ACCOUNT_SUFFIX)}|(?:${labels})${ACCOUNT_SUFFIX}[ \\t]+is(?:[ \\t]+|(?=@)))@?([A-Za-z0-9](?:[A-Za-z0-9_-]|\\.(?!${FILE_EXTENSION})(?=[A-Za-z0-9])){4,19})(?![A-Za-z0-9_-])`, 'giu');
const ACCOUNT = accountPattern(ACCOUNT_LABELS);
// The accounts of MORE_ACCOUNTS apart: redaction's alone, so that the pii-exposure rule's reading never tries them, and
// tried only in a message that names one of them.
const MORE_ACCOUNT = accountPattern(MORE_ACCOUNTS);
const MORE_ACCOUNT_HINT = new RegExp(`${MORE_PLATFORMS}|${MEMBER_ACCOUNTS}`, 'iu');
// What every label of ACCOUNT_LABELS holds, without the look-arounds and the bracket, sign and space
// forms around it: a plain test that most messages fail, where ACCOUNT tries its many labels at
// every character.
const ACCOUNT_LABEL_HINT =
  /q|扣|抠|企鹅|微|[薇威维徽卫v][\s.·・,，、_*❤♥♡-]{0,2}(?:信|心|芯|[❤♥♡💗💓💕💖💘💝🧡💚💙💜])|[薇威维徽卫v]\s?x|wx|[加+➕]v|[v薇](?=\s*[:：])|卫星|wei\s*xin|we\s*chat|绿泡泡|line|telegram|tg|whats\s?app|skype|钉钉|飞书|淘宝|旺旺|支付宝|抖音|快手|小红书|拼多多|京东|b站|哔哩哔哩|bilibili|tiktok|instagram|facebook|twitter|推特|脸书|ig|fb|ins|账号|帐号|用户名|id|user|account|handle/iu;
// The labels of accounts that redaction masks and the pii-exposure rule does not read: an account on a platform is no invitation to leave it.
const PLATFORM_ACCOUNT_LABEL = new RegExp(`^(?:${PLATFORM_ACCOUNTS}|${MORE_PLATFORMS}|${MEMBER_ACCOUNTS}|instagram|facebook|twitter|推特|脸书|ig|fb|ins|账号|帐号|用户名|id|user|account|handle)`, 'iu');
// After 账号 or 用户名 with no word before it that makes the account the writer's own.
const ACCOUNT_WORD = /^(?:账号|帐号|用户名)/u;
const OWN_ACCOUNT_BEFORE = /(?:我的|登录|登陆)$/u;
// "line" as a label: upper case, or with an id, 号 or a sign after it.
const LINE_AS_LABEL = /^LINE|^[Ll]ine(?:\s{0,2}(?:[Ii][Dd]|号)|\s*[:：=])/u;

// The commonest Chinese surnames (they cover most of the population), compound surnames first.
const SURNAMES = [
  '欧阳', '司马', '诸葛', '上官', '东方', '慕容', '夏侯', '皇甫', '尉迟', '令狐',
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金',
  '石', '廖', '贾', '夏', '韦', '付', '方', '白', '邹', '孟', '熊', '秦', '邱', '江', '尹', '薛', '闫', '段', '雷', '侯',
  '龙', '史', '陶', '黎', '贺', '顾', '毛', '郝', '龚', '邵', '万', '钱', '严', '覃', '武', '戴', '莫', '孔', '向', '汤',
  '陳', '楊', '黃', '趙', '吳', '孫', '馬', '鄭', '謝', '許', '韓', '馮', '鄧', '蔣', '蘇', '呂', '盧', '鍾', '譚', '陸',
  '劉', '張', '羅', '蕭', '葉', '賴', '賀', '龔', '錢', '嚴', '湯',
];
export const COMMON_SURNAMES: readonly string[] = SURNAMES;
const SURNAME = `(?:${SURNAMES.join('|')})`;
// A given name is one or two Han characters that are not a particle or the start of the next word.
const GIVEN = '(?:(?!电话|手机|地址|先生|女士|小姐|[的了吗呢吧啊呀嘛么是在和跟])\\p{Script=Han}){1,2}';
// The labels of a name in forms and address lines, and the words that say one in speech.
// 机主 is the registered owner of a phone number, asked in every telecom call; 付款人 and 汇款人 the one who paid. 订购人,
// 取货人 (who picks a parcel up at a convenience store), 收件者, 寄件者 and 连络人 are Taiwan's words on an order form.
const NAME_LABELS = '我的名字|名字|姓名|称呼|收件人|收件者|收货人|签收人|代收人|取件人|取货人|联系人|联络人|连络人|订购人|寄件者|寄件人|发件人|下单人|订货人|购买人|提货人|领取人|买家姓名|持卡人|开户人|户主|账户名称|户名|收款人|付款人|汇款人|转账人|开票人|机主';
// Labels of a person in forms and records that as often start a sentence ("负责人马上处理", "签名方式",
// "申请人为本人"): a name follows them only after a colon, an equals sign, a bar or an arrow, or in brackets.
const FORM_NAME_LABELS = '经办人|负责人|申请人|投保人|被保险人|被保人|乘机人|乘车人|入住人|就诊人|监护人|担保人|借款人|车主|业主|法定代表人|法人|签名|署名|实名|落款人|落款|签字人|签字|患者|预约人|挂号人';
const SIGNED_NAME_CUE = signedCue(FORM_NAME_LABELS);
// In Cantonese 係 is 是 and 嘅 is 的 ("我係王建國", "我嘅名係王建國"; 係 reads 系 in simplified characters). The name may stand in quotation marks or title brackets ("我叫“王建国”", "我叫 《王建国》").
const NAME_SAID = '(?:我叫|我是|我的名字(?:是|叫)|名字(?:是|叫)|本人|鄙人|敝人|我系|我(?:嘅|的|个)名(?:系|叫))\\s*[:：是为]?\\s*[“"\'‘《「『]?\\s*';
// A label with a sign after it or in brackets ("姓名=", "【收货人】", "经办人："), or with nothing or spaces after it.
const NAME_CUE = `(?:${NAME_SAID}|${markedCue(NAME_LABELS)}|${SIGNED_NAME_CUE}|${bareOrChangedCue(NAME_LABELS)})`;
// "我叫王小明", "收件人：李华", "我叫黄 蓉": the surname, then (after at most one space) the given name.
// The given name may be spaced too ("王 建 国"), so that its second character is not left in clear.
const GIVEN_SPACED = '(?:(?!电话|手机|地址|先生|女士|小姐|[的了吗呢吧啊呀嘛么是在和跟])\\p{Script=Han})(?:[ \\t]?(?!电话|手机|地址|先生|女士|小姐|[的了吗呢吧啊呀嘛么是在和跟])\\p{Script=Han})?';
const CUED_NAME = new RegExp(`${NAME_CUE}(${SURNAME})(\\s?${GIVEN_SPACED})`, 'gdu');
// "我姓杨，叫杨过", "免贵姓张，单名一个伟字" (the second only as far as 单名), "姓王名建国", "姓陈，名字是晓梅": 姓, a
// surname, and a word that gives the name after it (叫, 名, 名字是 …).
// With no word between, the full name after the surname starts with it again ("免贵姓王，王建国").
const SURNAME_THEN_NAME = new RegExp(`姓(?:是)?(${SURNAME})[\\s,，、.]{0,2}(?:(?:我)?(?:叫|名叫|名字叫|名字是|名字为|单名|名)\\s*|(?=\\1))(${SURNAME})?(\\s?${GIVEN})`, 'gdu');
// "我叫Zhang Wei", "名字：Li Lei": a name in Latin letters after a cue (not after 我是, which is too often "我是VIP").
// A Latin name is up to four words: "Zhang Wei", "Mary-Jane O'Neil", "J. R. R. Tolkien", "John Q. Smith".
const LATIN_WORD = "(?:[A-Za-z][A-Za-z'’]{0,18}[A-Za-z](?:-[A-Za-z][A-Za-z'’]{0,18}[A-Za-z])?|[A-Za-z]\\.?)";
const LATIN_NAME = new RegExp(
  `(?:(?:我叫|叫我|我的名字(?:是|叫)?|名字(?:是|叫)?)\\s*[:：是为]?\\s*|${markedCue(NAME_LABELS)}|${SIGNED_NAME_CUE}|${bareOrChangedCue(NAME_LABELS)})(${LATIN_WORD}(?:(?:[ \\t·・]{1,2}|(?<=\\.))${LATIN_WORD}){0,3})(?![A-Za-z])`,
  'gdu',
);
// "I'm John Smith", "my name is Mary-Jane O'Neil", "this is Li Lei": after an English cue only
// capitalised words (CAPITALISED_WORD) are a name, so that "I'm sorry" or "I'm OK" stay as they are.
const NOT_A_NAME_AFTER_I_AM = new Set(
  'Sorry Not Here Happy Glad Good Fine Okay Just Still So Very Really Also Afraid Sure The An In At On From With Back Done Calling Writing Trying Looking Going Having Getting Chinese English Your Our Thank Thanks Hi Hello What Why How Yes No Ok Unable Waiting Confused Disappointed Frustrated Angry Upset Interested New Online Busy Available Away Ready Customer Service Support Sales Team Us Center Centre Help'.split(' '),
);
// "Name: John Smith", "name=Zhang Wei", "[Full name] Li Lei", "Recipient: John Smith", "Contact: John Smith"; not
// "Product Name: Apple Watch".
const ENGLISH_NAME_LABELS = `(?:[Ff]ull |[Cc]ustomer |[Cc]ontact )?${NAME_LABEL}|[Rr]ecipient|[Cc]onsignee|[Rr]eceiver|[Cc]ontact(?: [Pp]erson)?`;
const ENGLISH_NAME = new RegExp(
  `(?<![A-Za-z])(?:(?:[Ii]['’]?m|I am|[Mm]y name is|[Mm]y name['’]s|[Nn]ame is|[Tt]his is|[Cc]all me)[ \\t]+|${markedCue(ENGLISH_NAME_LABELS)})(${CAPITALISED_WORD}(?:(?:[ \\t·・]{1,2}|(?<=\\.))${CAPITALISED_WORD}){0,3})(?![A-Za-z])`,
  'gdu',
);

// Redaction does not need the surname list: after a word that introduces a name, the next two to
// four Han characters are taken as one ("我叫乔峰", "收件人：阿朱", "叫我段誉就行", "姓名 令 狐 冲"), up
// to punctuation or a word that a name does not hold. A masked ordinary word costs less than a name
// left in a forwarded report, but these words also start ordinary phrases ("联系人数量较少时",
// "叫我自己查询"), so each cue says how sure it is.
// Words and particles that end a name, or follow one in a sentence.
const AFTER_NAME = '(?:电话|手机|号码|地址|信息|先生|女士|小姐|同学|就行|就好|即可|谢谢|您好|你好|[的了吗呢吧啊呀嘛么哦哈是在和跟与及或就都也还要想说我你您他她它这那有没不请已])';
// Field words of a form ("姓名|性别|年龄") are no names either, nor 数 and 员 that make a label a
// longer word ("下单人数较多", "取件人员").
const NOT_NAME_START = `(?:${AFTER_NAME}|姓名|名字|名称|联系|账号|帐号|卡号|收货|收件|性别|年龄|生日|证件|身份|备注|邮箱|微信|单位|部门|职务|职位|[等去来到找打买退交发办签怎什再先给把让帮问看重填们数员])`;
const NAME_CHARS = `((?!${NOT_NAME_START})\\p{Script=Han}(?:[ \\t]?(?!${AFTER_NAME})\\p{Script=Han}){1,3})`;
// Where a name stops: punctuation, the end, or the next field of an address label.
const NAME_END = '(?=[\\s,，。.!！?？、;；:：~～…)）】」』"”]|$|电话|手机|号码|地址|先生|女士|小姐|身份证|个人)';
// Always a name after these, or after a label with a sign that says the value follows (: = | → 是 为 …) or
// in brackets: "我叫乔峰", "名字是阿朱", "收件人：乔峰", "姓名=虚竹", "【收货人】乔峰".
const INTRODUCED_NAME = new RegExp(
  `(?:(?:我叫|我的名字(?:是|叫)|名字(?:是|叫))[ \\t]*[:：]?[ \\t]*|${markedCue(NAME_LABELS)}|${SIGNED_NAME_CUE})${NAME_CHARS}`,
  'gdu',
);
// A name perhaps: after a label with nothing between ("收件人乔峰", "姓名 令 狐 冲", not "收货人拒签"),
// after 叫我 ("叫我段誉就行", not "叫我自己查询") and after 我是 ("我是虚竹，", not "我是新用户", "我是他妈妈"
// or "我是证券"), when two to four characters stand alone, do not end as a word for a person does,
// and start with a surname on the list or are not a word jieba's dictionary holds as something else.
const NAME_PERHAPS = new RegExp(
  [
    `${bareOrChangedCue(NAME_LABELS)}${NAME_CHARS}${NAME_END}`,
    `叫我[ \\t]*${NAME_CHARS}(?=就行|就好|就可以|好了|即可|吧|[\\s,，。.!！?？~～…]|$)`,
    `(?:我是|这边是|这里是)[ \\t]*((?:(?!${NOT_NAME_START})\\p{Script=Han}){2,3})(?=[\\s,，。.!！?？、~～…]|$)`,
  ].join('|'),
  'gdu',
);
// After a sign that as often joins two labels ("姓名/电话", "联系人-售后", "联系人/方式") or a bracket
// ("收货人（必填）"), only a full name counts: a surname on the list and one or two given characters that
// jieba holds as no other word (isPlausibleFullName).
const NAME_AFTER_JOIN = new RegExp(`${joinedCue(NAME_LABELS)}${NAME_CHARS}${NAME_END}`, 'gdu');
// The same after the label of a person in a form or a record with only spaces between ("落款 王建国", "经办人 王 建国"),
// or none ("落款王建国"): these labels as often start a sentence ("负责人 马上处理", "负责人马上到"). Every such
// label ends in 人, 主, 名, 款, 字 or 者, and a name after none starts with a surname on the list.
const SPACED_FORM_NAME = new RegExp(`(?:${FORM_NAME_LABELS})(?:[ \\t]{1,3}|(?=${SURNAME}))${NAME_CHARS}${NAME_END}`, 'gdu');
const SPACED_FORM_NAME_NEEDS = new RegExp(`[人主名款字者](?:[ \\t]|${SURNAME})`, 'u');
// A full name as an invoice's title ("发票抬头：王建国", "抬头写王建国"): the title is as often a company's name, which is no full name.
const INVOICE_TITLE_NAME = new RegExp(`抬头[ \\t]*(?:写|是|为|填|开|[:：=])?[ \\t]*${NAME_CHARS}${NAME_END}`, 'gdu');
const INVOICE_TITLE_NAME_NEEDS = /抬头/u;
const DESCRIBES_A_PERSON = /(?:用户|客户|会员|买家|卖家|顾客|本人|新手|老板|店主|商家|学生|老师|家长|客服|专员|顾问|经理|主管|[人者员户家生师长主手妈爸哥姐弟妹友方])$/u;
// jieba's tags for a person's name, and for a word it does not know (where unseen names end up).
const NAME_OR_UNKNOWN_TAG = /^(?:nr.*|x)$/u;
const COMPOUND_SURNAMES = SURNAMES.filter((s) => s.length === 2);
// "陈先生", "王建国先生", "李小红女士", "王建国（先生）": a form of address, and the name before it (see
// honorificName).
const HONORIFIC = /[（(]?(?:先生|女士|小姐)/gu;
const SURNAME_SET = new Set(SURNAMES);
const GIVEN_ONLY = new RegExp(`^${GIVEN}$`, 'u');
// A full name in a greeting or an address line: after 尊敬的 / 亲爱的 ("尊敬的王建国客户", "亲爱的张伟同学"),
// or standing alone before 您好, 客户, 同学 or 老师 ("王建国您好", "，张伟同学"), also with a comma or a space before 您好
// ("王建国，您好：", the opening of a letter), before 您的 after a comma ("王建国，您的订单已发出"), and before the words an
// agent calls a customer by (客官, 师傅, 阿姨, 同志, 亲 …: "王建国师傅", "王建国亲"). A lone surname is not
// enough here (向客户, 顾客您好 and 向同学 are ordinary words that start with one): the name has a
// given name too, and isPlausibleFullName turns away words that look like one.
const GREETING_AFTER_NAME = '(?:您好|你好|客户|同学|老师|先生|女士|小姐|[（(](?:先生|女士)[）)])';
const NAME_IN_GREETING = new RegExp(
  [
    `(?:尊敬的|亲爱的)[ \\t]?(\\p{Script=Han}{2,4}?)(?=${GREETING_AFTER_NAME}|[^\\p{Script=Han}]|$)`,
    `(?<![\\p{Script=Han}@])(\\p{Script=Han}{2,4})(?=[ \\t]*[,，]?[ \\t]*(?:您好|你好)|[ \\t]*[,，][ \\t]*(?:您|你)的|客户|同学|老师|客官|师傅|阿姨|叔叔|同志|大哥|大姐|亲(?!\\p{Script=Han}))`,
  ].join('|'),
  'gdu',
);
// A full name after a greeting, a thanks, an apology or an answer ("你好王建国", "您好王建国，请问", "Dear 王建国，",
// "好的王建国，已记下", "收到王建国", "抱歉王建国", "谢谢王建国的耐心等待", "给王建国造成不便"), where the name ends the clause or
// 的, 造成 or 带来 follows it. Only a full name counts (isFullNameAmongWords), with no pronoun or particle in its given
// name: "好的马上处理", "谢谢黄金的", "好的，谢你", "好的 谢啦" stay.
const NAME_AFTER_GREETING = new RegExp(
  `(?:你好|您好|嗨|哈喽|(?<![A-Za-z])(?:[Hh]i|[Hh]ello|[Hh]ey|[Dd]ear)|好的|收到|抱歉|不好意思|谢谢|感谢|给)[ \\t,，]{0,2}(${SURNAME}(?:(?![你您我他她它们啦哈哦喔呗嘞咯哟])\\p{Script=Han}){1,2}?)(?=[^\\p{Script=Han}]|$|的|造成|带来)`,
  'gdu',
);
const NAME_AFTER_GREETING_NEEDS = /你好|您好|嗨|哈喽|hi|hello|hey|dear|好的|收到|抱歉|不好意思|谢谢|感谢|给/iu;
// Words that start with a surname and stand where a name would: "顾客您好", "尊敬的金卡客户", "亲爱的张家口",
// "谢谢美老师".
const LOOKS_LIKE_A_NAME = /^(?:顾客|金卡|龙卡|白金|黄金|金牌|金钻|高级|高端|万千|周末|张家口|谢谢)/u;
// Characters that end place, shop and group names and words for people, not given names.
const NOT_IN_GIVEN_NAME = /[口庄港州市省县区镇村路街店司局院城园所处科队们者客户员卡师总已都也还就不没请]/u;

/**
 * A surname on the list and a given name of one or two characters, and no word jieba's dictionary
 * holds as something other than a name (周末, 高端, 江苏). For names found with no word that
 * introduces one.
 */
function isPlausibleFullName(name: string): boolean {
  return remembered(plausibleNames, name, readsAsFullName);
}
const plausibleNames = new Map<string, boolean>();

/** `judge(name)`, asked once for a name a message repeats: jieba's tag is a call into native code. */
function remembered(known: Map<string, boolean>, name: string, judge: (name: string) => boolean): boolean {
  let verdict = known.get(name);
  if (verdict === undefined) {
    verdict = judge(name);
    if (known.size >= 4096) known.clear();
    known.set(name, verdict);
  }
  return verdict;
}

function readsAsFullName(name: string): boolean {
  const surname = startsWithSurname(name);
  const given = name.slice(surname.length);
  if (surname === '' || given.length < 1 || given.length > 2 || !GIVEN_ONLY.test(given)) return false;
  if (LOOKS_LIKE_A_NAME.test(name) || NOT_IN_GIVEN_NAME.test(given)) return false;
  const tag = partOfSpeech(name);
  return tag === undefined || NAME_OR_UNKNOWN_TAG.test(tag);
}
// A full name right before or after a mobile number, whole or masked, with at most a space or a comma
// between ("张伟 13812345678", "李 小 红 138****5678", "138****5678 王建国收"), and one before 收 as the
// addressee of a parcel ("，王建国收"). The name stands alone: no Han character before it, and after it
// 收, a form of address, or no Han character.
const MOBILE_WHOLE_OR_MASKED = '(?<![0-9])1[3-9][0-9](?:[0-9]{4}|[*＊xX]{4})[0-9]{4}(?![0-9])';
const SPACED_HAN_NAME = '\\p{Script=Han}(?:[ \\t]?\\p{Script=Han}){1,3}';
// After a number the name ends at the first place it can: "138****5678 王建国收" is 王建国.
const SPACED_HAN_NAME_SHORTEST = '\\p{Script=Han}(?:[ \\t]?\\p{Script=Han}){1,3}?';
const NAME_BESIDE_PHONE = new RegExp(
  [
    `(?<!\\p{Script=Han})(${SPACED_HAN_NAME})[ \\t]?[,，]?[ \\t]?(?=${MOBILE_WHOLE_OR_MASKED})`,
    `${MOBILE_WHOLE_OR_MASKED}[ \\t]?[,，]?[ \\t]?(${SPACED_HAN_NAME_SHORTEST})(?=收|先生|女士|小姐|[^\\p{Script=Han}]|$)`,
    `(?<!\\p{Script=Han})(${SPACED_HAN_NAME})(?=收(?:[^\\p{Script=Han}]|$))`,
  ].join('|'),
  'gdu',
);
// A full name glued between other words and a mobile number ("客户张三丰13812345678聊天记录", a file's name):
// the last two to four Han characters before the number, from the first surname that starts a full name.
const NAME_GLUED_TO_PHONE = new RegExp(`(?<=\\p{Script=Han})(\\p{Script=Han}{2,4})(?=${MOBILE_WHOLE_OR_MASKED})`, 'gdu');
const MOBILE_IN_TEXT = new RegExp(MOBILE_WHOLE_OR_MASKED, 'u');
const GREETING_WORD = /尊敬的|亲爱的|您好|你好|您的|你的|客户|同学|老师|先生|女士|小姐|客官|师傅|阿姨|叔叔|同志|大哥|大姐|亲/u;
const PHONE_OR_PARCEL = new RegExp(`${MOBILE_WHOLE_OR_MASKED}|收`, 'u');
// A full name standing alone where a person is named: mentioned and greeted ("@王建国 你好"; a mention alone is as
// often a public figure's handle on Weibo, "@罗永浩 @锤子科技"), as the speaker at the start of
// a line ("王建国：你好，在吗"), in brackets ("[王建国]"), or before 是我本人 ("王建国是我本人").
const NAME_STANDING_ALONE = new RegExp(
  [
    `@(\\p{Script=Han}{2,4}?)(?=[ \\t,，]*(?:你好|您好))`,
    `(?:^|(?<=\\n))[ \\t]*(\\p{Script=Han}{2,4})[ \\t]*(?=[:：])`,
    `[\\[【]\\s?(\\p{Script=Han}{2,4})\\s?(?=[\\]】])`,
    `(?<!\\p{Script=Han})(\\p{Script=Han}{2,4}?)(?=是我本人|是本人|是我(?:爸爸?|妈妈?|老公|老婆|爱人|儿子|女儿|哥哥?|姐姐?|弟弟?|妹妹?|朋友|同事)(?!\\p{Script=Han}))`,
    // Signing off a letter: "王建国 敬上", "此致敬礼 王建国", "谢谢——王建国".
    `(?<!\\p{Script=Han})(\\p{Script=Han}{2,4}?)[ \\t]*(?=敬上|拜上|谨上)`,
    // The view reads a dash as "-": "——" is "--" there.
    `(?:此致敬礼|敬礼|--)[ \\t\\n]*(\\p{Script=Han}{2,4})(?=[\\s。.!！]|$)`,
    // 在下, a modest "I", before a full name that ends the clause ("在下王建国"; not "在下方申告渠道", "在下单了").
    `(?<!\\p{Script=Han})在下[ \\t]?(\\p{Script=Han}{2,3})(?=[^\\p{Script=Han}]|$)`,
  ].join('|'),
  'gdu',
);
const NAME_STANDING_ALONE_NEEDS = /[@:：[【]|本人|是我|[敬拜谨]上|敬礼|--|在下/u;
// Characters that end the name of a product's version or model ("下单的是高配版"), not a given name.
const PRODUCT_WORD_END = /[版款型码套装色号]$/u;
// A full name as the owner of an order, an account or a document, with no label before it: "这是王建国的订单",
// "用王建国的身份证", "以王建国的名义下单", "王建国的手机号" (after 是, 用 or 以, or no Han character), "订单是王建国的",
// and the one who ordered or receives, "下单的是王建国", "收货的是王建国". Only a full name counts (isFullNameAmongWords):
// "这是我们的订单", "这是客服的问题", "以公司的名义", "下单的是什么" stay.
const OWNED = '(?:订单|单子|账号|帐号|账户|帐户|手机号码|手机号|手机|电话号码|电话|身份证号|身份证|银行卡|包裹|快递|名义|名下|会员|聊天记录|记录|资料)';
// Also the one who signs for a parcel, takes it or has it taken, and an account in someone's name: "快递是王建国签收的",
// "被王建国签收了", "由王建国代收", "让王建国来拿", "委托王建国来取", "王建国名下的账户", "账户是王建国的名字" (not "由于快递签收"),
// and a record asked for or sent: "发一下王建国的聊天记录", "查王建国的订单".
const RECEIVES = '(?:代收|签收|收货|收件|取件|取走|拿走|来取|来拿|去取|下单|下的单)';
const OWNER_NAME = new RegExp(
  [
    `(?:(?<!\\p{Script=Han})|(?<=[是用以下查发看调把将]))(${SURNAME}\\p{Script=Han}{1,2}?)的(?=${OWNED})`,
    `(?<=${OWNED}[ \\t]?是[ \\t]?)(${SURNAME}\\p{Script=Han}{1,2}?)的(?=[^\\p{Script=Han}]|$|[吗呢吧啊呀哦]|名字|姓名)`,
    `(?:下单|收货|签收|收件)的人?[ \\t]?(?:是|为)[ \\t]?(${SURNAME}\\p{Script=Han}{1,2}?)(?=[^\\p{Script=Han}]|$|本人|[吗呢吧啊呀哦])`,
    `(?<=[是被让]|委托|由)(?!于)(${SURNAME}\\p{Script=Han}{1,2}?)(?=${RECEIVES})`,
    `(?:(?<!\\p{Script=Han})|(?<=[是用以在]))(${SURNAME}\\p{Script=Han}{1,2}?)(?=名下)`,
  ].join('|'),
  'gdu',
);
const OWNER_NAME_NEEDS = new RegExp(`的${OWNED}|${OWNED}[ \\t]?是|(?:下单|收货|签收|收件)的|${RECEIVES}|名下`, 'u');
// A full name in a message about a name, where it is put right or pointed at with no label right before it: after a word
// that corrects or changes ("名字打错了，应该是王建国", "名字写成了王建军，正确是王建国", "收件人信息改一下，改成王建国") or says
// what a parcel's label shows ("快递单上写的王建国"), before
// 这个名字 or 的名字 ("填的王建国这个名字"), and after 名字 or 姓名 and a comma ("帮我改下名字，王建国"). Read only in a message
// that speaks of a name, of the person a parcel is for or of a parcel's label (NAME_TOPIC), and only a full name counts (isFullNameAmongWords):
// "颜色应该是黄色的", "应该是周一" stay.
const NAME_TALKED_ABOUT = new RegExp(
  [
    `(?:应该是|应为|正确的?是|正确为|改成|改为|换成|换为|写成了?|打成了?|错写成|不是|写的是?|写着)[ \\t]?(${SURNAME}\\p{Script=Han}{1,2}?)(?=[^\\p{Script=Han}]|$|[吧啊呀哦哈呢]|才对|这个名字|的名字)`,
    `(${SURNAME}\\p{Script=Han}{1,2}?)(?=这个名字|这个姓名|这名字|的名字|的姓名)`,
    `(?:名字|姓名)[ \\t]*[,，][ \\t]*(${SURNAME}\\p{Script=Han}{1,2}?)(?=[^\\p{Script=Han}]|$)`,
  ].join('|'),
  'gdu',
);
const NAME_TOPIC = /名字|姓名|收件人|收货人|签收人|联系人|寄件人|单上|单子上/u;
const NAME_TALKED_ABOUT_NEEDS = /应该是|应为|正确|改成|改为|换成|换为|写成|打成|不是|写的|写着|名字|姓名/u;
// A full name before the holder's sex, as a form or a list of passengers gives it: "王秀英 女 1990年", "王建国，男，35岁".
const NAME_BEFORE_SEX = /(?<!\p{Script=Han})(\p{Script=Han}{2,4}?)(?:[ \t]+|[ \t]*[,，、/][ \t]*)(?=[男女](?:[ \t,，、/]|[0-9]|$))/gdu;
const SEX = /[男女]/u;
// A name's characters spelt one by one, as a caller gives a name on the phone: "伟大的伟", "婀娜的娜", "建设的建",
// "国家那个国" after a name is given ("我叫王建国，三横王，建设的建，国家的国"). Each phrase is a word, 的 or 那个, and a
// character of that word, standing alone between signs; it is masked whole, since it names the character a mask
// hides. Read only in a message that gives a name (姓, 名, 叫). A surname's spelling ("弓长张", "木子李") shows no
// more than a mask keeps, and stays.
const CHARACTER_SPELT = /(?:^|(?<=[\s,，、。;；:：]))(\p{Script=Han}{2,3})(?:的那个|那个|的)(\p{Script=Han})(?=[\s,，、。;；!！?？]|$)/gdu;
const CHARACTER_SPELT_NEEDS = /的|那个/u;
const GIVES_A_NAME = /姓|名|叫/u;
// "Mr. Zhang Wei", "Dear John Smith,", "Dear Mr. Smith,": one or two capitalised words after a title, Dear, or Dear and a title.
const LATIN_TITLE = '(?:Mr|Mrs|Ms|Miss|Mx|Dr)\\.?';
const LATIN_TITLED_NAME = new RegExp(`(?<![A-Za-z])(?:${LATIN_TITLE}|Dear(?:[ \\t]+${LATIN_TITLE})?)[ \\t]+(${CAPITALISED_WORD}(?:[ \\t]${CAPITALISED_WORD})?)(?![A-Za-z])`, 'gdu');

// A full name after 叫, whoever's it is ("我老公叫刘德华", "我妈叫王秀英", "他叫周杰伦", "名叫张伟"), or
// after a verb for reaching someone ("找张学友", "请转告王建国", "通知李娜") or a word for the customer
// ("客户王建国反映", "买家李娜说"), or after 转 right after a phone number. These words start more
// ordinary phrases than names ("叫车", "他叫我等", "找客服", "找方法解决", "通知您"), so only a full
// name counts: a surname on the list, a given name, and no word jieba's dictionary holds as something
// else, in whole or in its first two characters (see isFullNameAmongWords).
// (我叫 is read by CUED_NAME, with any name after it.) A given name holds no 叫 or 找: a text of nothing
// but "叫王叫王…" then holds no name at all, rather than one at every fourth character.
const GIVEN_AFTER_VERB = '(?:(?!电话|手机|地址|先生|女士|小姐|[的了吗呢吧啊呀嘛么是在和跟叫找给])\\p{Script=Han}){1,2}';
// 转 alone only after a phone number, whole or masked, as its extension ("138****5678转王建国"): elsewhere it
// starts 转人工, 转账, 转发.
// Also after the verbs of sending ("寄给王建国"), after 给 when a call or a parcel follows the name ("给王建国打个电话";
// not "给钱怎么", "给石景山营业厅"), after 麻烦 ("麻烦王建国签收一下"), after a
// word for one's family or friends, perhaps with 是 or 叫 ("我老婆王秀英明天在家", "我老公是王建国", "孩子爸爸王建国", "家属王建国";
// not the 家属 of "老家属于…"), and with 一下 after the verb ("帮我找一下王建国").
const RELATIVE = '(?:我(?:老婆|老公|媳妇|爱人|丈夫|先生|妻子|妈妈?|爸爸?|儿子|女儿|哥哥?|姐姐?|弟弟?|妹妹?|朋友|同事)|孩子(?:他|她)?(?:爸爸?|妈妈?))(?:是|叫)?';
const NAME_AFTER_VERB = new RegExp(`(?:叫做|名叫|(?<!我)叫|找|转告|通知|告诉|转给|交给|联系|转达|客户|顾客|买家|(?<![老大全])家(?:属|人)|亲属|(?<=[0-9*＊][ \\t]?)转|寄给|发给|送给|打给|开给|给(?=${SURNAME}\\p{Script=Han}{1,2}(?:打|回|发|寄|送|留))|帮(?=${SURNAME}\\p{Script=Han}{1,2}(?:查|看|问|处理|办|退|改|下单|买|取|签))|写(?=${SURNAME}\\p{Script=Han}{1,2}的(?:名字|姓名))|麻烦|${RELATIVE})(?:一下)?[ \\t]?(${SURNAME})([ \\t]?${GIVEN_AFTER_VERB})`, 'gdu');
const VERB_BEFORE_NAME = /叫|找|转|通知|告诉|联系|客户|顾客|买家|家属|亲属|家人|给|帮|写|麻烦|我|孩子/u;
// A title after a surname is no given name: "找王经理", "通知李老师", "找王总".
const TITLE_AFTER_SURNAME = /^(?:经理|主管|总监|老板|老师|师傅|医生|律师|同学|阿姨|叔叔|大哥|大姐|哥哥|姐姐|小哥|小妹|部长|科长|处长|局长|院长|校长|队长|组长|店长|总|工|哥|姐|姨|叔|生)/u;
// A name in Han characters as the value of a field in JSON, a query string or XML: {"name":"王建国"},
// name=王建国&tel=…, "receiver": "李小红", {"contact":"王建国"}, <name>王建国</name>, From: 王建国.
const FIELD_NAME = new RegExp(`(?<![A-Za-z])(?:(?:real|full|user|customer|buyer|contact|receiver)[_-]?)?(?:name|receiver|consignee|contact|recipient|from|to|sender|attn)["']?[ \\t]*[:=>][ \\t]*["']?(${SURNAME})(${GIVEN})`, 'gdiu');
const FIELD_NAME_NEEDS = /name|receiver|consignee|contact|recipient|from|to|sender|attn/iu;

/**
 * The name before a form of address at `at`, read from the nearest surname back: "谢谢李小姐" is 李
 * (not 谢谢李), "王建国先生" is 王建国 (国 and 建 are no surnames), "欧阳建国先生" is 欧阳建国.
 */
function honorificName(text: string, at: number): [number, number] | undefined {
  for (let length = 1; length <= 4 && length <= at; length++) {
    const start = at - length;
    for (const surnameLength of [1, 2]) {
      if (surnameLength > length) continue;
      const surname = text.slice(start, start + surnameLength);
      if (!SURNAME_SET.has(surname)) continue;
      const given = text.slice(start + surnameLength, at);
      if (given === '' || (given.length <= 2 && GIVEN_ONLY.test(given))) return [start, at];
    }
  }
  return undefined;
}

// A street address after the words that introduce one: the rest of the clause, when it starts as an
// address does (a province, city or district, or a place that ends in 路, 街, 村, 小区 …) and holds
// a digit or a street word. "地址不对", "地址和产品型号", "寄到公司", "发送到10086" and a template's
// "地址（***市**区***路**号）" stay. The province, city and district at its start are kept: they point
// at no one. A word for a workplace may stand between the cue and the address, with a sign or a comma
// after it ("寄到公司：海淀区中关村大街27号", "送到我们公司 建外SOHO 8号楼 2301", "寄到公司，中关村大厦15层").
const ADDRESS_CUE = '(?:收货地址|收件地址|送货地址|寄件地址|家庭地址|详细地址|公司地址|邮寄地址|地址|住址|寄到|送到|送货到|寄送到|发货到|快递到|发到|邮寄到|邮到|寄往|送往|住在|我家在|家住)';
const WORKPLACE = '(?:我们|我的|我)?(?:公司|单位|办公室)(?:地址)?[ \\t]{0,3}(?:[:：,，]|是|在)?';
const ADDRESS = new RegExp(`${ADDRESS_CUE}[ \\t]*(?:${WORKPLACE}|[:：是为在]|改为|改成)?[ \\t]*([^，,。！!？?；;\\n\\r]{2,80})`, 'gdu');
const STREET_WORD = /[0-9]|[路街巷弄号栋幢座室村镇乡]|单元|胡同|小区|大厦|花园|公寓/u;
// After a word that names an address (地址, 收货地址 …, not a verb of sending) and a sign, a clause that starts with a
// place's name and holds a number of three digits or more soon after is one, whatever its shape: a delivery inside one
// city often starts at the building ("地址：望京SOHO T1 1201"). Not "地址查询：…热线400…" nor a platform's mask "[地址x]".
const ADDRESS_LABEL = /^(?:收货|收件|送货|寄件|家庭|详细|公司|邮寄)?(?:地址|住址)[ \t]*(?:[:：=]|是|为)/u;
const BUILDING_FIRST = /^(?![你我他她您把被这那])[\p{Script=Han}A-Za-z][^你我他她您把被:：]{0,20}?[0-9]{3}/u;
const NEXT_FIELD = /联系电话|联系方式|电话|手机|联系人|收件人|收货人|姓名|开户/u;
// Spaces between the words of an address are allowed: "送货到 上海 浦东 张江路 88 号".
const PLACE_START = /^\p{Script=Han}(?:[ \t]?\p{Script=Han}){1,9}?[ \t]?(?:路|街|大道|巷|弄|胡同|村|镇|乡|小区|大厦|公寓|花园|园区)/u;
// Place words and then a building's number, with no district and no road: "发到深圳南山科技园南区8栋", and an
// office building with its tower, floor and room ("国贸中心B座2201", "望京SOHO T1座1203", "中关村大厦15层1501室",
// "万达广场3号楼1506室"). The address ends after the last number ("…5栋202然后跟您核实一下" ends at 202);
// words with a pronoun or 把 in them are a sentence, not a place ("地址你把35号").
// A word of Latin letters ("SOHO"), a tower's or a phase's name ("T3", "2期") is part of the place.
const PLACE_WORD = '(?:(?![你我他她您把被])\\p{Script=Han}|[A-Za-z]{2,10}(?![A-Za-z0-9])|[A-Za-z][0-9]{1,3}(?![A-Za-z0-9])|[0-9]{1,2}期)';
const BUILDING_PART = '(?:[A-Za-z]?[0-9]{1,5}[A-Za-z]?[ \\t]?(?:号楼|号|栋|幢|座|室|单元|楼|层)|[A-Za-z][ \\t]?(?:座|栋))';
const PLACE_THEN_NUMBER = new RegExp(`^(?:${PLACE_WORD}[ \\t]?){2,25}${BUILDING_PART}(?:[ \\t-]?${BUILDING_PART}){0,3}(?:[ \\t-]?[0-9A-Za-z-]{1,6}(?:室|号|层|楼)?)?`, 'u');
const REGION_PREFIX = /^(?:\p{Script=Han}{2,6}?(?:省|自治区))?(?:\p{Script=Han}{2,6}?(?:市|自治州|盟|地区))?(?:\p{Script=Han}{1,6}?(?<![小园社景校街片厂矿])(?:区|县|旗))?/u;
// A street address with no word before it ("我家在杭州市西湖区文三路90号"), known by its shape: an
// administrative chain with at least one province, city, district or county (a town, township or
// 街道 may follow), then a road (路, 街, 大道, 道, 巷, 弄, 胡同) and a house number with its unit
// (号, 栋, 幢, 室, 楼, 单元, 弄), and what follows of building, floor and room. As after a cue, the
// province, city and district are kept and the rest is masked; a town below the district is masked.
// Words that end as a unit does are left out: 超市, 城市, 小区, 景区, 家乡, 知道, 频道, 渠道 …; 号 before 线 or 码
// is a metro line or a number.
const HAN = '\\p{Script=Han}';
// Hong Kong and Macau name their regions without a word for one: 香港, 九龙, 新界, 澳门.
const CITY_OR_DISTRICT = `(?:${HAN}{2,6}?(?:省|自治区|自治州|地区|盟|(?<![超城门股夜早菜集闹都街])市)|${HAN}{1,6}?(?<![小园社景校片厂矿专误郊灾禁营战商])(?:区|县|旗)|香港|澳门|九龙|新界)`;
const TOWN = `(?:${HAN}{1,6}?(?:街道|(?<![古小城家老故他异下])(?:镇|乡)))`;
const ROAD = `${HAN}{1,10}?(?:大道|路|街|巷|弄|胡同|(?<![知频渠通味难报轨跑赛管隧走过车人步水街])道)`;
const HOUSE_NUMBER = '[0-9]{1,5}(?:-[0-9]{1,5})?(?:号(?![线码称])|栋|幢|室|楼|单元|弄)';
// The building, floor and room end in a number or letter and a unit ("3栋402室", "A座1201室", "一楼"), so
// that "…1号西北大学部分地方手机信号" stops after 1号.
const BUILDING_AND_ROOM = `(?:[\\p{Script=Han}A-Za-z0-9-]{0,20}[0-9A-Za-z一二三四五六七八九十]{1,5}(?:号楼|号院|号|栋|幢|室|楼|层|单元|座|户))?`;
// A line break may stand between the region and the road, before or after a town: a form pasted line by
// line, or an Intercom body whose <br> became one ("地址：北京市朝阳区⏎建国路88号").
const LINE_BREAK = '[ \\t]*\\r?\\n[ \\t]*';
const TOWNS_AND_LINE_BREAK = `(?:${LINE_BREAK}${TOWN}{0,2}|${TOWN}{1,2}${LINE_BREAK}|${TOWN}{0,2})`;
// A road in Taiwan is often cut in sections before the number: 信义路五段7号.
const ROAD_SECTION = '(?:[一二三四五六七八九十0-9]{1,3}段)?';
const ADDRESS_SHAPE = new RegExp(`((?:${CITY_OR_DISTRICT}){1,4})(${TOWNS_AND_LINE_BREAK}${ROAD}${ROAD_SECTION}${HOUSE_NUMBER}${BUILDING_AND_ROOM})`, 'gu');
// A passport or travel-permit number after its name: "护照 E12345678", "港澳通行证：C12345678".
// With any separator ("护照=E12345678", "【护照】E12345678", "passport no. G87654321"): the number's shape says what it is.
// A Taiwan ID number (身分證字號): a letter, 1 or 2, then eight digits; only after its label, since
// the shape alone is also an order or a part number.
const TAIWAN_ID = new RegExp(`${anyCue('身份证|身分证', '(?:号码|字号|号)?')}([A-Za-z][12][0-9]{8})(?![A-Za-z0-9])`, 'giu');
const PASSPORT_SUFFIX = '(?:[ \\t]{0,2}(?:号码|号|no\\.?|number))?';
const PASSPORT = new RegExp(`(?:${anyCue('护照|通行证|passport', PASSPORT_SUFFIX)}|(?:护照|通行证|passport)${PASSPORT_SUFFIX}[ \\t]+is[ \\t]+)([A-Za-z]{1,2}[0-9]{7,8})(?![A-Za-z0-9])`, 'giu');
// Mainland licence plates (GA 36-2018): a province's character, the city's letter, then five
// characters (six on new-energy plates), here with at least three digits so that words stay words.
// However it is spelt: a dot, a hyphen or a space after the city's letter ("沪A·12345", "京A-12345",
// "京A 12345"), and a space after the province's character where no Han character comes before it
// ("京 A12345"; not the 京 of "北京 A12345").
const PROVINCE = '[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]';
// A learner's, police, trailer or Hong Kong/Macau plate has four characters and its word: 粤B1234学.
// A space after the province counts where no Han character comes before it ("北京 A12345" is a
// city and a word), or after a word that says a plate follows (车牌京 A12345, 我的车是京 A12345).
const PLATE = new RegExp(`(?:(?:(?<!\\p{Script=Han})|(?<=(?:车牌号?码?|车号|车)(?:是|为|:|：)?[ \\t]?))(${PROVINCE})[ \\t]|(${PROVINCE}))([A-Za-z])(?:[ \\t]?[·・.\\-_][ \\t]?|[ \\t])?([A-Za-z0-9]{5,6}|[A-Za-z0-9]{4}[学警挂港澳领试超使])(?![A-Za-z0-9])`, 'gu');

// English street addresses: a house number, one to four words of the street's name and a street
// type ("123 Main Street", "42 Baker St", "1600 Amphitheatre Parkway", "221B Baker Street"), and a
// flat or suite after it. Anywhere, the words of the name are capitalised ("Main Street Mall" with
// no number, "2 hours on the road" stay); after a word that introduces an address ("ship to",
// "deliver to", "my address is", 寄到 …) they may be written in any case.
const STREET_TYPES = ['Street', 'St', 'Road', 'Rd', 'Avenue', 'Ave', 'Boulevard', 'Blvd', 'Lane', 'Ln', 'Drive', 'Dr', 'Way', 'Parkway', 'Pkwy', 'Court', 'Ct', 'Place', 'Pl', 'Terrace', 'Close', 'Crescent', 'Square', 'Sq', 'Highway', 'Hwy', 'Circle', 'Plaza']
  .map((type) => `[${type[0]}${type[0]!.toLowerCase()}]${type.slice(1)}`)
  .join('|');
const STREET_NAME_WORD = "(?:[A-Z][A-Za-z'’-]{0,20}|[0-9]{1,3}(?:st|nd|rd|th))";
const FLAT_OR_SUITE = "(?:,?[ \\t]*(?:Apt|Apartment|Suite|Ste|Unit|Flat|Room|Rm)\\.?[ \\t]*#?[A-Za-z0-9-]{1,6}|,?[ \\t]*#[ \\t]?[0-9][A-Za-z0-9-]{0,5})?";
// A compass point may follow the street type ("100 Queen St W"); Dr and St before a capitalised name
// are a title and a saint ("Windows 10 Pro Dr. Smith", "St. Mary").
const STREET_LINE = `[0-9]{1,6}[A-Za-z]?(?:-[0-9]{1,6})?[ \\t]+(?:${STREET_NAME_WORD}[ \\t]+){1,4}?(?:${STREET_TYPES})(?<!(?:Dr|St)(?=\\.?[ \\t]+(?!Apt|Apartment|Suite|Ste|Unit|Flat|Room|Rm)[A-Z][a-z]))\\.?(?![A-Za-z])(?:[ \\t]+(?:[NSEW]|NE|NW|SE|SW)\\.?(?![A-Za-z]))?${FLAT_OR_SUITE}`;
const ENGLISH_STREET = new RegExp(`(?<![A-Za-z0-9])${STREET_LINE}`, 'gu');
const ENGLISH_ADDRESS_CUE = `(?<![A-Za-z])(?:(?:ship|send|deliver|mail|post)(?: it| them| this| the (?:parcel|package|order))? to|(?:(?:shipping|delivery|home|mailing|postal|my|the)[ \\t])?address(?:[ \\t]is|[ \\t]*[:：])|(?:i[ \\t])?live[sd]?[ \\t]at)|${ADDRESS_CUE}`;
const CUED_ENGLISH_STREET = new RegExp(`(?:${ENGLISH_ADDRESS_CUE})[ \\t]*[:：]?[ \\t]*(${STREET_LINE})`, 'giu');
// A digit (perhaps a letter after it), spaces and a letter or an ordinal ("500 5th Ave"): what an English street address starts with.
const HOUSE_NUMBER_THEN_WORD = /[0-9][A-Za-z]?[ \t]+(?:[A-Za-z]|[0-9]{1,3}(?:st|nd|rd|th))/iu;
// After the street, the city and the state or county stay and a postcode is masked: a US ZIP code
// ("Springfield, IL 62704"), a UK postcode ("London NW1 6XE") or a Canadian one ("Toronto, ON M5V 2T6");
// in any case after a word that introduces an address, as the street is.
const POSTCODE_AFTER_STREET_SOURCE = "(?:,[ \\t]*[A-Z][A-Za-z.'’-]*(?:[ \\t]+[A-Z][A-Za-z.'’-]*){0,3}){0,2},?[ \\t]+(?:[A-Z]{2}[ \\t]+)?([0-9]{5}(?:-[0-9]{4})?|[A-Z]{1,2}[0-9][A-Z0-9]?[ \\t]?[0-9][A-Z]{2}|[A-Z][0-9][A-Z][ \\t]?[0-9][A-Z][0-9])(?![A-Za-z0-9])";
const POSTCODE_AFTER_STREET = new RegExp(POSTCODE_AFTER_STREET_SOURCE, 'uy');
const POSTCODE_AFTER_CUED_STREET = new RegExp(POSTCODE_AFTER_STREET_SOURCE, 'iuy');
// A home in a housing estate, with no district or road before it: the estate's name (ending in 小区,
// 花园, 公寓, 家园, 苑 …), a building's number (栋, 幢, 座, 号楼) and a unit and a room, or a room
// ("万科城市花园3栋2单元501", "阳光小区5号楼3单元402室", "翠苑3幢402室"), in Beijing a numbered area and a door for the
// unit ("和平里七区18号楼2门501"); an office the same way, its tower, perhaps a floor, and a room ("国贸中心B座2203",
// "望京SOHO T1座1203", "中关村大厦B座15层1501"), whatever word for leaving a parcel stands before it (放到, 放在, 放 …).
// A building's number alone ("5号楼", "国贸中心B座") is no one's home. The name is read back from the estate's word to
// the first word that is not part of it (see placeNameStart).
const ESTATE_WORDS = '小区|花园|公寓|家园|新村|花苑|雅苑|苑|园区|园|新城|城|山庄|公馆|华府|府|大厦|大楼|写字楼|商务楼|商厦|中心|广场|SOHO|Soho|soho|社区|宿舍|里|(?<=[一二三四五六七八九十0-9东西南北中])区|湾|郡|邸|庭';
const BUILDING = '[0-9A-Za-z一二三四五六七八九十]{1,4}[ \\t]?(?:号楼|栋|幢|座|号院)';
const UNIT = '[0-9一二三四五六七八九十]{1,2}[ \\t]?(?:单元|门)';
const ROOM = '[0-9]{3,5}(?:[ \\t]?(?:室|房|号(?![线码])))?(?![0-9]|[元块件个天次%])';
const FLOOR = '[0-9一二三四五六七八九十]{1,3}[ \\t]?(?:楼|层)';
const ESTATE_HOME = new RegExp(`(?:${ESTATE_WORDS})[ \\t]?${BUILDING}[ \\t-]?(?:${UNIT}[ \\t-]?(?:${ROOM})?|(?:${FLOOR}[ \\t-]?)?${ROOM})`, 'gu');
const ESTATE_NUMBERS_NEED = /[栋幢座]|号楼|单元|号院/u;
// A home on a road with no region before it: the road (路, 街, 大道, 巷, 弄, 胡同), a house number, and a
// floor or a building and a room, a unit and a room, or a room with its unit ("中山路100号3楼301室",
// "建国路88号1201室", "文三路90号2单元501"). A house number alone ("中山路100号", a shop as often) stays, and
// so does one with a number that counts something ("中山路1号2000元"). The road's name is read back as an
// estate's is.
const FLOOR_OR_BUILDING = `(?:${BUILDING}|${FLOOR})`;
const ROAD_HOME = new RegExp(
  `(?:大道|路|街|巷|弄|胡同)[0-9]{1,5}(?:-[0-9]{1,5})?号院?[ \\t-]?(?:${FLOOR_OR_BUILDING}[ \\t-]?(?:${UNIT}[ \\t-]?)?${ROOM}|${UNIT}[ \\t-]?${ROOM}|[0-9]{3,5}[ \\t]?(?:室|房)(?![0-9]))`,
  'gu',
);
const ROAD_NUMBER_NEEDS = /[路街巷弄道同][0-9]/u;
// Where an estate's or a road's name stops, read backwards: a word that says where one lives or sends
// things or leaves a parcel, a pronoun, a particle, or a region (kept, as after a cue).
const BEFORE_ESTATE_NAME = /[在住到是我你他她您的了和跟往给把被寄送发至址为放搁存：:，,。\s]/u;
// 市 ends a city, but not in 城市, 都市 or 超市, which estates are named after ("万科城市花园", "都市花园").
const REGION_END = /[省区县镇乡]$|(?<![城都超门])市$/u;

// The same number in three parts, or in a first three and a last eight: "前三位138，中间四位1234，后四位5678",
// "138开头的，后面是12345678". The first three show no more than a masked number does, and stay.
const FIRST_THREE = /前[3三]位[^0-9，,。；;！!？?\n]{0,4}?(?<![0-9])1[3-9][0-9](?![0-9])|(?<![0-9])1[3-9][0-9](?![0-9])[ \t]*(?:开头|打头)/u;
const FIRST_THREE_NEEDS = /前[3三]位|开头|打头/u;
const MIDDLE_FOUR = /中间(?:[4四]位)?[^0-9，,。；;！!？?\n]{0,4}?(?<![0-9])([0-9]{4})(?![0-9])/gu;
const LAST_EIGHT = /(?:后面|后边|后[8八]位|剩下)[^0-9，,。；;！!？?\n]{0,4}?(?<![0-9])([0-9]{8})(?![0-9])/gu;

/** Each gated pattern with the test a text must pass for the pattern to match in it (see buildView). */
export const PATTERN_NEEDS: ReadonlyArray<readonly [RegExp, (text: string) => boolean]> = [
  [PERCENT_ESCAPES, (text) => text.includes('%')],
  [HTML_CHARACTER_REFERENCE, (text) => text.includes('&#')],
  [HTML_NAMED_REFERENCE, (text) => HTML_NAMED_REFERENCE_NEEDS.test(text)],
  [SPACE_BETWEEN_DICTATED, (text) => DICTATED_PAIR.test(text)],
  [SPOKEN_UNDERSCORE, (text) => SPOKEN_UNDERSCORE_NEEDS.test(text)],
  [CHINESE_DIGITS_IN_ID, (text) => AT_OR_UNDERSCORE.test(text)],
  [WORDS_BETWEEN_GROUPS, (text) => THREE_GROUP_DIGITS.test(text)],
  [AT_WORD, (text) => AT_WORD_NEEDS.test(text)],
  [SPACE_AT, hasAt],
  [GAP_BETWEEN_DIGITS, (text) => DIGITS_ACROSS_GAP.test(text)],
  [DOT_WORD_IN_NAME, hasAt],
  [DOT_WORD, hasAt],
  [ACCOUNT, (text) => ACCOUNT_ID_SHAPE.test(text) && ACCOUNT_LABEL_HINT.test(text)],
  [MORE_ACCOUNT, (text) => ACCOUNT_ID_SHAPE.test(text) && MORE_ACCOUNT_HINT.test(text)],
  [LABELLED_LANDLINE, (text) => PHONE_LABEL_WORD.test(text)],
  [TAIWAN_MOBILE, (text) => text.includes('09')],
  [OTHER_PLACES_NUMBER, (text) => OTHER_PLACES_NUMBER_NEEDS.test(text)],
  [ENGLISH_STREET, (text) => HOUSE_NUMBER_THEN_WORD.test(text)],
  [CUED_ENGLISH_STREET, (text) => HOUSE_NUMBER_THEN_WORD.test(text)],
  [ESTATE_HOME, (text) => ESTATE_NUMBERS_NEED.test(text)],
  [ROAD_HOME, (text) => ROAD_NUMBER_NEEDS.test(text)],
  [NAME_AFTER_VERB, (text) => VERB_BEFORE_NAME.test(text)],
  [FIRST_THREE, (text) => FIRST_THREE_NEEDS.test(text)],
  [NAME_GLUED_TO_PHONE, (text) => MOBILE_IN_TEXT.test(text)],
  [NAME_STANDING_ALONE, (text) => NAME_STANDING_ALONE_NEEDS.test(text)],
  [OWNER_NAME, (text) => OWNER_NAME_NEEDS.test(text)],
  [NAME_TALKED_ABOUT, (text) => NAME_TALKED_ABOUT_NEEDS.test(text)],
  [NAME_BEFORE_SEX, (text) => SEX.test(text)],
  [NAME_AFTER_GREETING, (text) => NAME_AFTER_GREETING_NEEDS.test(text)],
  [CHARACTER_SPELT, (text) => CHARACTER_SPELT_NEEDS.test(text)],
  [SPACED_FORM_NAME, (text) => SPACED_FORM_NAME_NEEDS.test(text)],
  [INVOICE_TITLE_NAME, (text) => INVOICE_TITLE_NAME_NEEDS.test(text)],
  [CLOSING_NAME, (text) => CLOSING_WORD.test(text)],
  [GREETED_NAME, (text) => LATIN_GREETING_WORD.test(text)],
  [LABELLED_LATIN_NAME, (text) => NAME_LABEL_WORD.test(text)],
  [NAME_HERE, (text) => HERE_WORD.test(text)],
  [PINYIN_NAME_SAID, (text) => NAME_SAID_WORD.test(text)],
  [MAIL_HEADER_NAME, (text) => MAIL_HEADER_WORD.test(text)],
  [PROSE_LATIN_NAME, (text) => PROSE_NAME_WORD.test(text)],
  [FIELD_NAME, (text) => FIELD_NAME_NEEDS.test(text)],
];

/** PATTERN_NEEDS by pattern: every step of every message looks its test up. */
const NEEDS = new Map(PATTERN_NEEDS);

/** Whether `text` passes the test PATTERN_NEEDS holds for `pattern`: if not, the pattern cannot match in it. */
function mayMatch(pattern: RegExp, text: string): boolean {
  return NEEDS.get(pattern)!(text);
}

/**
 * Street addresses after 地址, 收货地址, 寄到 …, and addresses known by their shape anywhere: the span
 * leaves out the province, city and district. Homes in a housing estate, and English street
 * addresses with their postcodes (the city left out), where no address found before holds them.
 */
export function findAddresses(text: string): PiiSpan[] {
  const view = piiView(text, 'eager');
  const found: PiiSpan[] = [];
  for (const m of view.text.matchAll(ADDRESS)) {
    const [start] = m.indices![1]!;
    // The next field of a label ("…1201室 电话：…", "…号 联系人:…") ends the address.
    const clause = m[1]!.split(NEXT_FIELD)[0]!.trimEnd();
    const region = REGION_PREFIX.exec(clause)![0];
    const rest = clause.slice(region.length);
    const placeThenNumber = region === '' && !PLACE_START.test(clause) ? PLACE_THEN_NUMBER.exec(clause)?.[0] : undefined;
    const buildingFirst = region === '' && placeThenNumber === undefined && ADDRESS_LABEL.test(m[0]) && BUILDING_FIRST.test(clause);
    if ((region === '' && !PLACE_START.test(clause) && placeThenNumber === undefined && !buildingFirst) || !STREET_WORD.test(rest)) continue;
    const end = start + (placeThenNumber ?? clause).length;
    found.push({ kind: 'address', ...view.original(start + region.length, end), value: view.text.slice(start + region.length, end), ...(region ? { keep: region } : {}) });
  }
  // Labelled addresses come in order and do not overlap: one walk over them finds the shapes inside one.
  const labelled = found.length;
  let next = 0;
  for (const m of view.text.matchAll(ADDRESS_SHAPE)) {
    const span = view.original(m.index + m[1]!.length, m.index + m[0].length);
    while (next < labelled && found[next]!.end <= span.start) next++;
    if (next < labelled && found[next]!.start < span.end) {
      // A labelled address ends at its line; the shape may go on past a line break ("我家在…五常街道⏎建国路1号"): the two are one.
      const inside = found[next]!;
      const roomToGrow = next + 1 >= labelled || found[next + 1]!.start >= span.end;
      if (span.end > inside.end && roomToGrow) found[next] = { ...inside, end: span.end, value: inside.value + text.slice(inside.end, span.end) };
      continue;
    }
    found.push({ kind: 'address', ...span, value: m[2]!, keep: m[1]! });
  }
  found.sort((a, b) => a.start - b.start);
  // English addresses are read with the digits as they are grouped: the eager view joins "500 5th Ave" into "5005th Ave".
  const homes = [...englishStreets(piiViewWithoutGaps(text)), ...namedHomes(view, ESTATE_HOME), ...namedHomes(view, ROAD_HOME)];
  return withoutOverlapping(found, homes.sort((a, b) => a.start - b.start));
}

/** English street addresses, with a postcode after them as a span of its own (the city between stays). */
function englishStreets(view: MappedText): PiiSpan[] {
  if (!mayMatch(ENGLISH_STREET, view.text)) return [];
  const streets: Array<[number, number, RegExp]> = [...view.text.matchAll(CUED_ENGLISH_STREET)].map((m) => [m.index + m[0].length - m[1]!.length, m.index + m[0].length, POSTCODE_AFTER_CUED_STREET]);
  for (const m of view.text.matchAll(ENGLISH_STREET)) streets.push([m.index, m.index + m[0].length, POSTCODE_AFTER_STREET]);
  const found: PiiSpan[] = [];
  for (const [start, end, postcodeAfter] of streets) {
    found.push({ kind: 'address', ...view.original(start, end), value: view.text.slice(start, end) });
    postcodeAfter.lastIndex = end;
    const postcode = postcodeAfter.exec(view.text);
    if (postcode) {
      const postcodeEnd = postcode.index + postcode[0].length;
      found.push({ kind: 'address', ...view.original(postcodeEnd - postcode[1]!.length, postcodeEnd), value: postcode[1]! });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Homes in a housing estate or on a road (`pattern`, ESTATE_HOME or ROAD_HOME): the estate's or road's name, the building, the unit and the room. */
function namedHomes(view: MappedText, pattern: RegExp): PiiSpan[] {
  if (!mayMatch(pattern, view.text)) return [];
  return [...view.text.matchAll(pattern)].map((m) => {
    const start = placeNameStart(view.text, m.index);
    return { kind: 'address' as const, ...view.original(start, m.index + m[0].length), value: view.text.slice(start, m.index + m[0].length) };
  });
}

/** Where the name of an estate or a road whose word starts at `at` starts: up to eight Han characters back, to a word that is no part of it. */
function placeNameStart(text: string, at: number): number {
  let start = at;
  while (start > 0 && at - start < 8 && /\p{Script=Han}/u.test(text[start - 1]!) && !BEFORE_ESTATE_NAME.test(text[start - 1]!) && !REGION_END.test(text.slice(Math.max(0, start - 2), start))) start--;
  return start;
}

/**
 * `spans` (in order of their starts, which may overlap each other) added to `found` (in order, not
 * overlapping) where they overlap nothing found before them; in order of their starts.
 */
function withoutOverlapping(found: readonly PiiSpan[], spans: readonly PiiSpan[]): PiiSpan[] {
  const out: PiiSpan[] = [];
  let next = 0;
  let lastEnd = 0;
  for (const span of spans) {
    while (next < found.length && found[next]!.start < span.start) {
      out.push(found[next]!);
      lastEnd = Math.max(lastEnd, found[next]!.end);
      next++;
    }
    if (span.start < lastEnd || (next < found.length && found[next]!.start < span.end)) continue;
    out.push(span);
    lastEnd = span.end;
  }
  return [...out, ...found.slice(next)];
}

/** Passport and travel-permit numbers after their names. */
export function findPassports(text: string): PiiSpan[] {
  const view = piiView(text, 'eager');
  return [...view.text.matchAll(PASSPORT), ...view.text.matchAll(TAIWAN_ID)].map((m) => {
    const start = m.index + m[0].length - m[1]!.length;
    return { kind: 'passport' as const, ...view.original(start, m.index + m[0].length), value: m[1]! };
  }).sort((a, b) => a.start - b.start);
}

/** Mainland licence plates: 京A12345, 粤B·D12345. */
export function findPlates(text: string): PiiSpan[] {
  const view = piiView(text, 'eager');
  const found: PiiSpan[] = [];
  for (const m of view.text.matchAll(PLATE)) {
    const [province, city, rest] = [m[1] ?? m[2]!, m[3]!, m[4]!];
    if (rest.replace(/[^0-9]/gu, '').length < 3) continue;
    found.push({ kind: 'plate', ...view.original(m.index, m.index + m[0].length), value: province + city + rest, keep: province + city.toUpperCase() });
  }
  return found;
}

/**
 * Landline numbers, spelt with or without area-code brackets and dashes (the area code is `keep`),
 * and subscriber numbers right after a word for a phone (no `keep`).
 */
export function findLandlines(text: string): PiiSpan[] {
  const view = piiViewWithoutGaps(text);
  const subscriber = (digits: string) => digits.replace(/[ -]/gu, '');
  const found: PiiSpan[] = [...view.text.matchAll(LANDLINE)].map((m) => {
    const [area, number] = m[1] !== undefined ? [m[1], m[2]!] : m[3] !== undefined ? [m[3], m[4]!] : [m[5]!, m[6]!];
    return { kind: 'landline' as const, ...view.original(m.index, m.index + m[0].length), value: area + subscriber(number), keep: area };
  });
  if (!mayMatch(LABELLED_LANDLINE, view.text)) return found;
  for (const m of view.text.matchAll(LABELLED_LANDLINE)) {
    const start = m.index + m[0].length - m[1]!.length;
    const span = view.original(start, m.index + m[0].length);
    if (!found.some((f) => span.start < f.end && span.end > f.start)) found.push({ kind: 'landline', ...span, value: subscriber(m[1]!) });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** North American phone numbers, US Social Security numbers and Hong Kong identity card numbers, by their shape. */
export function findOtherPlacesNumbers(text: string): PiiSpan[] {
  const view = piiViewWithoutGaps(text);
  if (!mayMatch(OTHER_PLACES_NUMBER, view.text)) return [];
  return [...view.text.matchAll(OTHER_PLACES_NUMBER)].map((m) => ({ kind: 'otherPlacesNumber' as const, ...view.original(m.index, m.index + m[0].length), value: m[0] }));
}

/** Taiwan mobile numbers (09…) whole or in groups of 4-3-3 or 2-4-4; `keep` is the first four digits. */
export function findTaiwanMobiles(text: string): PiiSpan[] {
  const view = piiViewWithoutGaps(text);
  if (!mayMatch(TAIWAN_MOBILE, view.text)) return [];
  return [...view.text.matchAll(TAIWAN_MOBILE)].map((m) => {
    const digits = m[0].replace(/[ -]/gu, '');
    return { kind: 'taiwanMobile' as const, ...view.original(m.index, m.index + m[0].length), value: digits, keep: digits.slice(0, 4) };
  });
}

/** Runs of eleven or more digits, however they are spelt: ID, card and order numbers alike. */
export function findLongNumbers(text: string): PiiSpan[] {
  const view = piiView(text, 'eager');
  return [...view.text.matchAll(LONG_NUMBER)].map((m) => ({ kind: 'longNumber' as const, ...view.original(m.index, m.index + m[0].length), value: m[0] }));
}

// A mobile number given in two halves, each after a word that says which: "手机号后四位5678，前七位1381234",
// "尾号5678，前面是1381234". The first seven digits start as a mobile number does; the last four are any
// four digits. Either half alone names no one (every masked number shows its last four), so only the
// two together are masked.
const HEAD_HALF = /前(?:[7七]位)?[^0-9，,。；;！!？?\n]{0,4}?(?<![0-9])(1[3-9][0-9]{5})(?![0-9])/gu;
const TAIL_HALF = /(?:后|尾号|尾数|末)(?:[4四]位)?[^0-9，,。；;！!？?\n]{0,4}?(?<![0-9])([0-9]{4})(?![0-9])/gu;

/**
 * The parts of mobile numbers given apart in one message: none unless it holds both a first seven and
 * a last four, or a first three and a middle four and a last four, or a first three and a last eight.
 */
export function findPhoneHalves(text: string): PiiSpan[] {
  const view = piiView(text, 'eager');
  const halves = (pattern: RegExp) =>
    [...view.text.matchAll(pattern)].map((m) => {
      const start = m.index + m[0].length - m[1]!.length;
      return { kind: 'phoneHalf' as const, ...view.original(start, start + m[1]!.length), value: m[1]! };
    });
  const heads = halves(HEAD_HALF);
  const firstThree = mayMatch(FIRST_THREE, view.text) && FIRST_THREE.test(view.text);
  if (heads.length === 0 && !firstThree) return [];
  const tails = halves(TAIL_HALF);
  // Concatenated, not pushed one argument each: a long message may hold more parts than a call takes arguments.
  let parts: PiiSpan[] = heads.length > 0 && tails.length > 0 ? [...heads, ...tails] : [];
  if (firstThree) {
    const middles = halves(MIDDLE_FOUR);
    if (middles.length > 0 && tails.length > 0) parts = parts.concat(middles, heads.length > 0 ? [] : tails);
    parts = parts.concat(halves(LAST_EIGHT));
  }
  return parts.sort((a, b) => a.start - b.start);
}

/** E-mail addresses, also with Chinese names and domains, `at`/`dot` and Chinese dots. */
export function findEmails(text: string): PiiSpan[] {
  const view = piiView(text, 'eager');
  if (!view.text.includes('@')) return [];
  const email = (m: RegExpExecArray): PiiSpan => {
    const start = emailNameStart(view.text, m.index, m[1]!);
    return { kind: 'email', ...view.original(start, m.index + m[0].length), value: view.text.slice(start, m.index + m[0].length), keep: m[2]! };
  };
  const found = [...view.text.matchAll(EMAIL)].map(email);
  for (const m of view.text.matchAll(EMAIL_WITHOUT_TLD)) {
    const span = email(m);
    if (!found.some((f) => span.start < f.end && span.end > f.start)) found.push(span);
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Where an address's name that starts at `start` in Latin letters or digits really starts: up to four
 * Han characters glued before it are part of it from the first surname among them on ("发送到王建国138…@"
 * starts at 王), and words otherwise ("发邮件kf@…" starts at k). A name of Han characters alone
 * ("张三@公司.中国") is the name whatever it starts with.
 */
function emailNameStart(text: string, start: number, name: string): number {
  if (!/^[A-Za-z0-9._%+-]/u.test(name)) return start;
  let first = start;
  while (first > 0 && start - first < 4 && /\p{Script=Han}/u.test(text[first - 1]!)) first--;
  for (let at = first; at < start; at++) if (SURNAME_SET.has(text[at]!) || SURNAME_SET.has(text.slice(at, at + 2))) return at;
  return start;
}

/**
 * WeChat and QQ ids after the words that introduce them, and ids after other messengers' names; the
 * span is the id alone. The certain reading is the pii-exposure rule's.
 */
export function findAccounts(text: string, reading: PiiReading = 'eager'): AccountSpan[] {
  if (!mayHoldAccountId(text)) return [];
  const view = piiView(text, reading);
  // An id is five letters or digits at least: most messages hold no such run, and ACCOUNT's many labels cost a try at every character.
  const patterns = (reading === 'eager' ? [ACCOUNT, MORE_ACCOUNT] : [ACCOUNT]).filter((pattern) => mayMatch(pattern, view.text));
  const matches = patterns.flatMap((pattern) => [...view.text.matchAll(pattern)]);
  if (patterns.length > 1) matches.sort((a, b) => a.index - b.index);
  return matches.flatMap((m) => {
    // After the label and perhaps an @.
    const start = m.index + m[0].length - m[2]!.length;
    // The words that introduce the id, without the brackets, signs or spaces around them.
    const [labelStart, labelEnd] = labelWithin(m[1]!);
    // After a dash or a slash, a word of letters alone is another label ("微信/alipay"), not an id.
    if (/[-/]\s*$/u.test(m[1]!) && /^[A-Za-z]+$/u.test(m[2]!)) return [];
    // After "is" a word with no digit and no _ is what the account is like ("wechat is working").
    if (/[ \t]is[ \t]*$/iu.test(m[1]!) && !/[0-9_]/u.test(m[2]!)) return [];
    const cue = m[1]!.replace(/^[【[(（〖《「『]\s*/u, '');
    if (/^line/iu.test(cue) && !LINE_AS_LABEL.test(cue)) return [];
    if (reading === 'certain' && PLATFORM_ACCOUNT_LABEL.test(cue)) return [];
    if (ACCOUNT_WORD.test(cue) && !OWN_ACCOUNT_BEFORE.test(view.text.slice(Math.max(0, m.index - 2), m.index)) && !/[0-9_]/u.test(m[2]!)) return [];
    return [{ kind: 'account' as const, ...view.original(start, start + m[2]!.length), value: m[2]!, label: view.original(m.index + labelStart, m.index + labelEnd) }];
  });
}

/** A WeChat or QQ id, and where the words that introduce it (V信, wx, 加个卫星 …) stand. */
export interface AccountSpan extends PiiSpan {
  readonly kind: 'account';
  readonly label: { readonly start: number; readonly end: number };
}

/**
 * Personal names after the words that introduce one (我叫, 姓名, 收件人 …), in Han characters or
 * Latin letters, also after English words ("I'm", "my name is"). The span is what a mask hides: the
 * given name, a common one-character surname being kept (a compound one, rarer, is masked too); a
 * Latin name but its first letter; the surname before 先生/女士/小姐. Also full names after 叫 or 找
 * (NAME_AFTER_VERB), and the Latin names of latin-names.ts: after an English label with only spaces
 * before them ("name John Smith") and signing off a message ("Regards, Mary Jones").
 */
export function findNames(text: string): PiiSpan[] {
  const view = piiView(text, 'eager');
  const found: PiiSpan[] = [];
  // A compound surname is rare enough to point at a few families: it is masked with the given name.
  const surnameSpans = (surname: readonly [number, number] | undefined) => (surname && surname[1] - surname[0] === 2 ? [surname] : []);
  for (const m of view.text.matchAll(CUED_NAME)) {
    const [surname, given] = [m.indices![1]!, m.indices![2]!];
    if (surname[1] - surname[0] === 2) found.push({ kind: 'name', ...view.original(surname[0], given[1]), value: m[1]! + m[2]!.trim() });
    else found.push({ kind: 'name', ...view.original(...given), value: m[1]! + m[2]!.trim(), keep: m[1]! });
  }
  for (const m of view.text.matchAll(SURNAME_THEN_NAME)) {
    // "姓王，王经理": a title, not a given name.
    if (TITLE_AFTER_SURNAME.test(m[3]!.trim())) continue;
    const given = m.indices![3]!;
    found.push({ kind: 'name', ...view.original(...given), value: m[1]! + m[3]!.trim(), keep: m[1]! });
    for (const span of [...surnameSpans(m.indices![1]), ...surnameSpans(m.indices![2])]) found.push({ kind: 'name', ...view.original(...span), value: view.text.slice(...span) });
  }
  for (const m of view.text.matchAll(LATIN_NAME)) found.push(...latinNameSpan(view, m));
  for (const m of view.text.matchAll(ENGLISH_NAME)) {
    if (!NOT_A_NAME_AFTER_I_AM.has(m[1]!.split(/[ \t·・.]/u)[0]!)) found.push(...latinNameSpan(view, m));
  }
  for (const m of view.text.matchAll(HONORIFIC)) {
    // "王建国 先生您好": a space may stand between the name and the form of address.
    const span = honorificName(view.text, view.text[m.index - 1] === ' ' ? m.index - 1 : m.index);
    if (span) found.push({ kind: 'name', ...view.original(...span), value: view.text.slice(...span) });
  }
  // Most messages hold none of the words around these names: one scan for them spares the patterns'
  // look-behinds at every Han character.
  const greets = GREETING_WORD.test(view.text);
  const phoneOrParcel = PHONE_OR_PARCEL.test(view.text);
  for (const m of greets ? view.text.matchAll(NAME_IN_GREETING) : []) {
    const span = m.indices![1] ?? m.indices![2]!;
    const name = view.text.slice(...span);
    if (isPlausibleFullName(name)) found.push({ kind: 'name', ...view.original(...span), value: name });
  }
  for (const m of mayMatch(NAME_AFTER_GREETING, view.text) ? view.text.matchAll(NAME_AFTER_GREETING) : []) {
    const name = m[1]!;
    if (isFullNameAmongWords(name) && !TITLE_AFTER_SURNAME.test(name.slice(startsWithSurname(name).length))) found.push(nameSpan(view, m.indices![1]!));
  }
  for (const m of phoneOrParcel ? view.text.matchAll(NAME_BESIDE_PHONE) : []) {
    const span = (m.indices![1] ?? m.indices![2] ?? m.indices![3])!;
    if (isPlausibleFullName(view.text.slice(...span).replace(/[ \t]/gu, ''))) found.push(nameSpan(view, span));
  }
  for (const m of mayMatch(NAME_GLUED_TO_PHONE, view.text) ? view.text.matchAll(NAME_GLUED_TO_PHONE) : []) {
    const [start, end] = m.indices![1]!;
    const nameStart = [start, start + 1, start + 2].find((at) => end - at >= 2 && isFullNameAmongWords(view.text.slice(at, end)));
    if (nameStart !== undefined) found.push(nameSpan(view, [nameStart, end]));
  }
  for (const m of view.text.matchAll(LATIN_TITLED_NAME)) {
    if (!NOT_A_NAME_AFTER_DEAR.has(m[1]!.split(/[ \t]/u)[0]!)) found.push(...latinNameSpan(view, m));
  }
  for (const m of view.text.matchAll(INTRODUCED_NAME)) found.push(nameSpan(view, m.indices![1]!));
  const spaced = mayMatch(SPACED_FORM_NAME, view.text) ? [...view.text.matchAll(SPACED_FORM_NAME)] : [];
  const invoiceTitles = mayMatch(INVOICE_TITLE_NAME, view.text) ? [...view.text.matchAll(INVOICE_TITLE_NAME)] : [];
  for (const m of [...view.text.matchAll(NAME_AFTER_JOIN), ...spaced, ...invoiceTitles]) {
    const name = m[1]!.replace(/[ \t]/gu, '');
    // Glued to the word before it, a name stands among words as after 叫 ("负责人马上到" holds no 马上到).
    const glued = /\p{Script=Han}/u.test(view.text[m.indices![1]![0] - 1] ?? '');
    // A title after the surname is no given name: "负责人 王经理".
    if ((glued ? isFullNameAmongWords(name) : isPlausibleFullName(name)) && !TITLE_AFTER_SURNAME.test(name.slice(startsWithSurname(name).length))) found.push(nameSpan(view, m.indices![1]!));
  }
  for (const m of view.text.matchAll(NAME_PERHAPS)) {
    const span = m.indices!.slice(1).find((indices) => indices !== undefined)!;
    const name = view.text.slice(...span).replace(/[ \t]/gu, '');
    if (!DESCRIBES_A_PERSON.test(name) && looksLikeAName(name)) found.push(nameSpan(view, span));
  }
  for (const m of mayMatch(NAME_AFTER_VERB, view.text) ? view.text.matchAll(NAME_AFTER_VERB) : []) {
    const [start, end] = [m.indices![1]![0], m.indices![2]![1]];
    if (TITLE_AFTER_SURNAME.test(m[2]!.trimStart())) continue;
    // The given name's two characters, or its first alone ("找方法解决" is neither).
    const nameEnd = [end, end - 1].find((at) => at - start > m[1]!.length && isFullNameAmongWords(view.text.slice(start, at).replace(/[ \t]/gu, '')));
    if (nameEnd !== undefined) found.push(nameSpan(view, [start, nameEnd]));
  }
  for (const m of mayMatch(NAME_STANDING_ALONE, view.text) ? view.text.matchAll(NAME_STANDING_ALONE) : []) {
    const span = m.indices!.slice(1).find((indices) => indices !== undefined)!;
    if (isPlausibleFullName(view.text.slice(...span))) found.push(nameSpan(view, span));
  }
  for (const m of mayMatch(OWNER_NAME, view.text) ? view.text.matchAll(OWNER_NAME) : []) {
    const span = m.indices!.slice(1).find((indices) => indices !== undefined)!;
    const name = view.text.slice(...span);
    if (isFullNameAmongWords(name) && !PRODUCT_WORD_END.test(name) && !TITLE_AFTER_SURNAME.test(name.slice(startsWithSurname(name).length))) found.push(nameSpan(view, span));
  }
  for (const m of NAME_TOPIC.test(view.text) && mayMatch(NAME_TALKED_ABOUT, view.text) ? view.text.matchAll(NAME_TALKED_ABOUT) : []) {
    const span = m.indices!.slice(1).find((indices) => indices !== undefined)!;
    const name = view.text.slice(...span);
    if (isFullNameAmongWords(name) && !TITLE_AFTER_SURNAME.test(name.slice(startsWithSurname(name).length))) found.push(nameSpan(view, span));
  }
  for (const m of mayMatch(NAME_BEFORE_SEX, view.text) ? view.text.matchAll(NAME_BEFORE_SEX) : []) {
    if (isPlausibleFullName(m[1]!)) found.push(nameSpan(view, m.indices![1]!));
  }
  for (const m of GIVES_A_NAME.test(view.text) && mayMatch(CHARACTER_SPELT, view.text) ? view.text.matchAll(CHARACTER_SPELT) : []) {
    if (m[1]!.includes(m[2]!)) found.push({ kind: 'name', ...view.original(m.index, m.index + m[0].length), value: m[0] });
  }
  for (const span of closingNames(view)) found.push(span);
  for (const span of greetedNames(view)) found.push(span);
  for (const span of labelledLatinNames(view)) found.push(span);
  for (const span of pinyinNamesSaid(view)) found.push(span);
  for (const span of mailHeaderNames(view)) found.push(span);
  for (const span of proseLatinNames(view)) found.push(span);
  for (const span of namesHere(view)) found.push(span);
  for (const m of mayMatch(FIELD_NAME, view.text) ? view.text.matchAll(FIELD_NAME) : []) {
    const [surname, given] = [m.indices![1]!, m.indices![2]!];
    found.push(surname[1] - surname[0] === 2 ? { kind: 'name', ...view.original(surname[0], given[1]), value: m[1]! + m[2]! } : { kind: 'name', ...view.original(...given), value: m[1]! + m[2]!, keep: m[1]! });
  }
  return found.map((span) => withPartsAfterDots(text, span));
}

// Uyghur, Kazakh and foreign names in Han characters join their parts with a middle dot ("阿卜杜拉·艾力",
// "迪丽热巴·迪力木拉提", "约翰·史密斯"): the parts after it belong to the name. Keyboards give other dots for it (the
// half-width katakana ･ of Japanese input methods, ∙, the Hangul ㆍ) and, on a Latin keyboard, a hyphen or a dash
// with no space around it ("阿卜杜拉-艾力").
const PARTS_AFTER_DOTS = /(?:(?:[ \t]?[·・•‧．･∙ㆍ][ \t]?|[-－‐‑–—])\p{Script=Han}{1,10}){1,3}/uy;

/** `span` with the parts of its name after middle dots in `text` (the original) added. */
function withPartsAfterDots(text: string, span: PiiSpan): PiiSpan {
  PARTS_AFTER_DOTS.lastIndex = span.end;
  const parts = PARTS_AFTER_DOTS.exec(text);
  return parts ? { ...span, end: span.end + parts[0].length, value: span.value + parts[0] } : span;
}

/** A full name with other words around it (after 叫 or 找, glued before a phone number): see NAME_AFTER_VERB. */
function isFullNameAmongWords(name: string): boolean {
  return remembered(namesAmongWords, name, readsAsFullNameAmongWords);
}
const namesAmongWords = new Map<string, boolean>();

function readsAsFullNameAmongWords(name: string): boolean {
  const surname = startsWithSurname(name);
  if (!isPlausibleFullName(name)) return false;
  // A one-character surname and the first given character that make a word are that word: 方法, 马上, 高手.
  if (surname.length === 1 && name.length === 3) {
    const tag = partOfSpeech(name.slice(0, 2));
    if (tag !== undefined && !NAME_OR_UNKNOWN_TAG.test(tag)) return false;
  }
  return true;
}

/** A Latin name's span: its first letter is kept, the rest masked. */
function latinNameSpan(view: MappedText, m: RegExpExecArray): PiiSpan[] {
  // A lone letter is a placeholder ("姓名x") or an initial, no name.
  if (m[1]!.replace(/[^A-Za-z]/gu, '').length < 2) return [];
  const [start, end] = m.indices![1]!;
  return [{ kind: 'name', ...view.original(start + 1, end), value: m[1]!, keep: m[1]![0]! }];
}

/**
 * A name starts with a surname on the list, or jieba keeps it whole as a name or an unknown word;
 * jieba cuts an unknown three-character name after its first two characters ("阿霞|强"), which then
 * are such a word themselves.
 */
function looksLikeAName(name: string): boolean {
  const nameOrUnknown = (word: string) => NAME_OR_UNKNOWN_TAG.test(partOfSpeech(word) ?? '');
  return startsWithSurname(name) !== '' || nameOrUnknown(name) || (name.length === 3 && nameOrUnknown(name.slice(0, 2)));
}

/** The surname from the list that a name of two characters or more starts with, or ''. */
export function startsWithSurname(name: string): string {
  if (name.length > 2 && COMPOUND_SURNAMES.some((s) => name.startsWith(s))) return name.slice(0, 2);
  return name.length > 1 && SURNAME_SET.has(name[0]!) ? name[0]! : '';
}

/**
 * A name found without the surname list: a common surname at its start is kept, the rest is the
 * span. A compound surname is masked too.
 */
function nameSpan(view: MappedText, [start, end]: [number, number]): PiiSpan {
  const name = view.text.slice(start, end).replace(/[ \t]/gu, '');
  const listed = startsWithSurname(name);
  const surname = listed.length === 1 ? listed : '';
  // Where the surname ends in the written name, spaces between its characters included.
  let givenStart = start;
  for (let seen = 0; seen < surname.length; givenStart++) if (!/[ \t]/u.test(view.text[givenStart]!)) seen++;
  while (/[ \t]/u.test(view.text[givenStart]!)) givenStart++;
  return { kind: 'name', ...view.original(givenStart, end), value: name, ...(surname ? { keep: surname } : {}) };
}

/** The view with invisible and full-width characters undone but digits left as they are grouped. */
export function piiViewWithoutGaps(text: string): MappedText {
  return MappedText.of(text)
    .replace(INVISIBLE, () => '')
    .replace(FULL_WIDTH, (m) => String.fromCharCode(m[0].charCodeAt(0) - 0xfee0))
    .replace(OTHER_DIGITS, (m) => digitOf(m[0]))
    .replace(DASHES, () => '-')
    .replace(/\u3000/gu, () => ' ');
}
