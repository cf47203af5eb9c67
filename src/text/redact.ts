import { partOfSpeech } from './jieba.js';
import { findEmailNames } from './email-pieces.js';
import { findIdParts } from './id-parts.js';
import { findInvitedIds, findNicknames } from './social-ids.js';
import { simplifiedInPlace } from './normalize.js';
import { COMMON_SURNAMES, type PiiSpan, findAccounts, findAddresses, findEmails, findLandlines, findLongNumbers, findNames, findPassports, findPersonalNumbers, findPhoneHalves, findOtherPlacesNumbers, findPlates, findTaiwanMobiles, maskMiddle } from './pii.js';

/**
 * Masking for output that leaves the QA team (`lint --redact`, `report --redact`). Unlike the
 * pii-exposure rule, which must not cry wolf, redaction errs towards masking: an order number
 * masked by mistake costs nothing, a card number left in a report that is forwarded does.
 *
 * Everything is found by src/text/pii.ts on a normalised view of the text (full width, zero-width
 * characters, separators between digits, Chinese digits, `at`/`dot`, 。 and ， in addresses), and
 * the span of the original text it came from is what gets replaced:
 *
 * - mobile numbers (with +86, spaces, dashes, commas, slashes, underscores, a short word between 3-4-4
 *   groups, in Chinese digits, with letters or words for digits: l384729lO56, 1３8-4七29-105six): 138****5678;
 * - any other run of 11 or more digits (ID and card numbers, whatever their check digit; long order
 *   numbers too): first 3 and last 4 kept, an ID's final X included;
 * - landline numbers (0 + area code + 7–8 digits, "(021)6666-8888" too): area code kept; 7–8 digits right
 *   after 电话 / 座机 / 固话 / tel / phone: all masked;
 * - Taiwan mobile numbers (0912345678, 0912-345-678, 09 1234 5678): first four digits kept;
 * - North American phone numbers ((415) 555-2671), US Social Security numbers (078-05-1120) and Hong
 *   Kong identity card numbers (A123456(7)), by their shape: the digits masked;
 * - a mobile number given in two halves after 前七位 / 前面是 and 后四位 / 尾号: 138**** and ****
 *   (either half alone stays: a last four is what every masked number shows), and one in three parts
 *   (前三位 / 中间四位 / 后四位, or 138开头 … 后面是): all but the first three masked;
 * - a resident ID number given in parts (身份证前六位110105 后面是19900101123X, or split across a line): the first
 *   three digits kept;
 * - e-mail addresses (also with another word, sign or space for the @ before a well-known mail host:
 *   lilei圈163.com, lilei 在 163.com, and an a in brackets: lilei(a)163.com): the domain kept, and the name's first
 *   character when it is a Latin letter or a digit (a name with Han characters in it, 王建国13812345678@163.com, is
 *   masked whole); an address's name given apart from its host (邮箱是zhang_san，163的): its first character kept;
 * - WeChat and QQ ids after those words (V信, 薇信, 微.信, 加v, Wechat:, 企鹅号, Q Q, q号 …), and ids after
 *   other messengers' names (绿泡泡, LINE, Telegram, Skype, 钉钉 …), and accounts after platforms' names (淘宝账号, 闲鱼号,
 *   discord:, github: …) or a user's or a member's id (用户ID：, 会员号): first and last character kept;
 * - passport and travel-permit numbers after 护照 / 通行证: first character and last 2 kept;
 * - mainland licence plates (京A12345, 沪A·12345, 京A-12345, 京 A12345): province and city letter kept;
 * - street addresses after 地址 / 收货地址 / 寄到 / 送到 …, to the end of the clause: province, city
 *   and district kept, the rest masked around whatever else was masked inside it; the same for an
 *   address with no such word, known by its shape (a region, then a road and a house number), and a
 *   home in a housing estate (万科城市花园3栋2单元501, 和平里七区18号楼2门501) or an office with its tower and room
 *   (放在国贸中心B座2203); English street addresses (123 Main Street) and
 *   the postcode after them, the city kept;
 * - personal names after 我叫 / 姓名 / 称呼 / 收件人 / 签收人 / 联系人 / 发件人 / 户名 / 叫我 / 我是 / 这边是 / 我姓…叫 /
 *   I'm / my name is / Recipient: / name John Smith / recipient Mary Jones / name: wang jianguo / 收件人改成 / 姓…名 …, a label
 *   followed by any separator of labels.ts or in brackets
 *   (whether or not the surname is a common one) and before 先生 / 女士 / 小姐: a common one-character
 *   surname kept, a compound one masked (a Latin name: its first letter kept); a full name after 叫
 *   whoever says it (我老公叫刘德华) or after 找 / 转告 / 通知 (找张学友); a Latin name that signs off a
 *   message or a line (Regards, Mary Jones; Regards, Mary Jones 13812345678).
 *
 * The e-mail, account and name finders and the reading of words between digit groups are redaction's
 * own; the pii-exposure rule reads numbers only, in the certain reading.
 */

/** One replacement in a text: [start, end) of the original becomes `replacement`. */
export interface Redaction {
  readonly start: number;
  readonly end: number;
  readonly replacement: string;
}

const stars = (text: string) => '*'.repeat(Math.max(1, [...text].length));

/** What redaction replaces in `text`, in order and without overlaps. */
export function findRedactions(original: string): Redaction[] {
  // The cues are written in simplified characters (收货人, 微信号, 护照): traditional text is read
  // in simplified, unit for unit, so every span found stands where it was in the original.
  const text = simplifiedInPlace(original);
  const name = (m: PiiSpan): Redaction => {
    const given = m.keep && m.value.startsWith(m.keep) ? m.value.slice(m.keep.length) : m.value;
    return { start: m.start, end: m.end, replacement: stars(given.replace(/\s/gu, '')) };
  };
  // Earlier kinds win over later ones: a phone written as a QQ id is masked as a phone.
  const masked = withoutOverlaps([
    // An e-mail address first: a phone number inside its name (wang_13812345678@163.com) is part of it.
    // The name's first letter or digit is kept; a name that starts in Han characters starts with a
    // person's name (王建国13812345678@163.com), and is masked whole.
    findEmails(text).map((m) => ({ start: m.start, end: m.end, replacement: `${/^[A-Za-z0-9]/u.test(m.value) ? m.value[0] : ''}***@${m.keep}` })),
    // An address's name given apart from its host ("邮箱是zhang_san，163的") keeps its first character.
    findEmailNames(text).map((m) => ({ start: m.start, end: m.end, replacement: maskMiddle(m.value, 1, 0) })),
    // An ID number in parts, before the numbers its parts also are (19900101123X holds a mobile number's shape).
    findIdParts(text).map((m) => ({ start: m.start, end: m.end, replacement: (m.keep ?? '') + '*'.repeat(m.value.length - (m.keep ?? '').length) })),
    // A Taiwan mobile number keeps its first four digits, as a mainland one keeps its first three.
    findTaiwanMobiles(text).map((m) => ({ start: m.start, end: m.end, replacement: maskMiddle(m.value, m.keep!.length, 0) })),
    // Digits masked, signs and brackets kept: (***) ***-****, ***-**-****, A******(*).
    findOtherPlacesNumbers(text).map((m) => ({ start: m.start, end: m.end, replacement: original.slice(m.start, m.end).replace(/[0-9０-９]/gu, '*') })),
    // A landline keeps its area code; a number after a word for a phone has none to keep.
    findLandlines(text).map((m) => ({ start: m.start, end: m.end, replacement: m.keep ? `${m.keep}-${'*'.repeat(m.value.length - m.keep.length)}` : stars(m.value) })),
    findPersonalNumbers(text, { spellings: 'eager' }).flatMap((m) => (m.kind === 'mobile' ? [{ start: m.start, end: m.end, replacement: maskMiddle(m.digits, 3, 4) }] : [])),
    findLongNumbers(text).map((m) => ({ start: m.start, end: m.end, replacement: maskMiddle(m.value, 3, 4) })),
    // The first seven digits keep the three a masked mobile number shows; the last four are masked.
    findPhoneHalves(text).map((m) => ({ start: m.start, end: m.end, replacement: m.value.length === 7 ? maskMiddle(m.value, 3, 0) : stars(m.value) })),
    findAccounts(text).map((m) => ({ start: m.start, end: m.end, replacement: maskMiddle(m.value, 1, 1) })),
    findNicknames(text).map((m) => ({ start: m.start, end: m.end, replacement: maskMiddle(m.value, 1, 0) })),
    findInvitedIds(text).map((m) => ({ start: m.start, end: m.end, replacement: maskMiddle(m.value, 1, 1) })),
    findPassports(text).map((m) => ({ start: m.start, end: m.end, replacement: maskMiddle(m.value, 1, 2) })),
    // The province stays as written (滬, not 沪), as it was read from `original`.
    findPlates(text).map((m) => {
      const kept = text.startsWith(m.keep!, m.start) ? original.slice(m.start, m.start + m.keep!.length) : m.keep!;
      return { start: m.start, end: m.end, replacement: kept + '*'.repeat(m.value.length - m.keep!.length) };
    }),
    findNames(text).map(name),
  ]);
  // An address is masked around what is already masked inside it (a phone, a name), each piece
  // character by character, spaces kept. Addresses come in order and do not overlap, so one walk
  // over what is masked already serves them all.
  const pieces: Redaction[] = [];
  let next = 0;
  for (const address of findAddresses(text)) {
    while (next < masked.length && masked[next]!.end <= address.start) next++;
    let at = address.start;
    for (let i = next; i < masked.length && masked[i]!.start < address.end; i++) {
      const o = masked[i]!;
      if (o.start > at) pieces.push(maskedPiece(text, at, o.start));
      at = Math.max(at, o.end);
    }
    if (at < address.end) pieces.push(maskedPiece(text, at, address.end));
  }
  return [...masked, ...pieces].sort((a, b) => a.start - b.start);
}

interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * The spans of every kind that overlap no span of an earlier kind, nor an earlier one of their own
 * kind, in order of their starts. Each kind is held apart while it is chosen and then merged with
 * what is held in one walk: putting each span into its place in one sorted array moves the spans
 * after it, which on a long text with many matches of several kinds takes quadratic time.
 */
function withoutOverlaps<T extends Span>(kinds: ReadonlyArray<readonly T[]>): T[] {
  let held: T[] = [];
  for (const kind of kinds) {
    const chosen: T[] = [];
    for (const span of kind) if (span.end > span.start && !overlapsAny(held, span) && !overlapsAny(chosen, span)) insertInOrder(chosen, span);
    held = mergeByStart(held, chosen);
  }
  return held;
}

/** Whether `span` overlaps one of `spans`, which are in order of their starts and do not overlap. */
function overlapsAny(spans: readonly Span[], span: Span): boolean {
  const at = firstStartingFrom(spans, span.start);
  const before = spans[at - 1];
  const after = spans[at];
  return (before !== undefined && before.end > span.start) || (after !== undefined && after.start < span.end);
}

/** The index of the first of `spans` (in order of their starts) that starts at or after `start`. */
function firstStartingFrom(spans: readonly Span[], start: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid]!.start < start) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Puts `span` in its place; the finders return their spans mostly in order, so this mostly appends. */
function insertInOrder<T extends Span>(spans: T[], span: T): void {
  if (spans.length === 0 || spans[spans.length - 1]!.start <= span.start) spans.push(span);
  else spans.splice(firstStartingFrom(spans, span.start), 0, span);
}

function mergeByStart<T extends Span>(a: readonly T[], b: readonly T[]): T[] {
  if (b.length === 0) return a as T[];
  const merged: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) merged.push(j >= b.length || (i < a.length && a[i]!.start <= b[j]!.start) ? a[i++]! : b[j++]!);
  return merged;
}

function maskedPiece(text: string, start: number, end: number): Redaction {
  return { start, end, replacement: text.slice(start, end).replace(/\S/gu, '*') };
}

/** The text with the redactions applied. */
export function applyRedactions(text: string, redactions: readonly Redaction[]): string {
  let out = '';
  let last = 0;
  for (const r of redactions) {
    out += text.slice(last, r.start) + r.replacement;
    last = r.end;
  }
  return out + text.slice(last);
}

/**
 * Where an offset of the original text lands in the redacted text. An offset inside a replaced span
 * moves to the replacement's start (`edge` 'start') or end ('end'), so a highlighted range still
 * covers what replaced it.
 */
export function redactedOffset(offset: number, redactions: readonly Redaction[], edge: 'start' | 'end'): number {
  let shift = 0;
  for (const r of redactions) {
    if (offset <= r.start) break;
    if (offset < r.end) return r.start + shift + (edge === 'start' ? 0 : r.replacement.length);
    shift += r.replacement.length - (r.end - r.start);
  }
  return offset + shift;
}

/** Masks personal data in a quoted message, keeping the rest of the text as it was. */
export function redactText(text: string): string {
  return applyRedactions(text, findRedactions(text));
}

/** Masks personal data in a quoted message, and moves a range of it to the same words in the result. */
export function redactQuote(text: string, range: readonly [number, number] | undefined): { text: string; range?: [number, number] } {
  const redactions = findRedactions(text);
  const out = applyRedactions(text, redactions);
  if (!range) return { text: out };
  return { text: out, range: [redactedOffset(range[0], redactions, 'start'), redactedOffset(range[1], redactions, 'end')] };
}

// Person names (nr…), places (ns) and words jieba's dictionary does not hold (x), where unseen
// names end up.
const PERSONAL_TAG = /^(x|nr.*|ns)$/;

/**
 * Whether a topic keyword may appear in a redacted report: Chinese words only (a Latin or numeric
 * keyword can be an e-mail's name, an id or a number), and not a name, a place, an unknown word or a
 * compound surname (上官, 欧阳: jieba holds some as ordinary words, and redaction masks them in quotes).
 */
export function isShareableTopic(word: string): boolean {
  if (!/^\p{Script=Han}+$/u.test(word)) return false;
  if (word.length === 2 && COMMON_SURNAMES.includes(word)) return false;
  const tag = partOfSpeech(word);
  return tag !== undefined && !PERSONAL_TAG.test(tag);
}
