/**
 * A label and what people put between it and its value: "收货人：王建国", "收货人=王建国", "收货人 | 王建国",
 * "【收货人】王建国", "收货人（王建国）", "微信号-lisi_99", "passport no. G87654321", in quotation marks as JSON
 * and form data write them ({"收件人":"王建国"}, 收件人="王建国"). The finders of names,
 * WeChat/QQ ids and passport numbers (pii.ts) build the words that introduce a value here, from their
 * lists of labels, so that a new separator is added once for all of them.
 *
 * The patterns are written for the normalised view of pii.ts, where full-width brackets, slashes and
 * dashes are already folded ("（" is "(", "—" is "-"); the full-width forms stay in the classes for
 * text that is not folded.
 */

// At most three spaces between a label, its sign and its value: a bounded gap keeps every pattern
// linear on a text of nothing but labels and spaces.
const GAP = '\\s{0,3}';
// Signs that say "the value follows": a colon, an equals sign, a bar, an arrow. 是 and 为 say it in words.
const MARK = '(?:[:：=＝|｜→>＞#＃]{1,2}|是|为)';
// Signs that as often join two labels as a label and its value ("姓名/电话", "联系人-售后", "姓名;电话"),
// and an opening bracket around the value ("收货人（王建国）", "联系人【王建国】"): a finder checks
// that what follows them looks like the value it wants.
const JOIN = '(?:[-—－/／;；~～]{1,2}|[(（【\\[〖《「『])';
// Quotation marks around a label and its value in JSON or form data: {"收件人":"王建国"}, 收件人="王建国", {'qq': '45678901'}.
// Only a sign stands between quotation marks and a value, not 是 or 为: "“姓名”是必填项" and "名字是“真实赛车”" are no form.
const QUOTE = `["'＂＇“”‘’]?`;
// The signs of MARK without 是 and 为, for labels that as often start a sentence ("负责人是谁", "申请人为本人").
const SIGN = '[:：=＝|｜→]{1,2}';
const OPEN = '[【\\[(（〖《「『]';
const CLOSE = '[】\\])）〗》」』]';

/**
 * A label, then a sign that says the value follows, or the label in brackets ("【微信】", "[QQ]"),
 * perhaps with a sign after it. `suffix` is what may follow the label inside the brackets too
 * ("号", "号码", " no.").
 */
export function markedCue(labels: string, suffix = ''): string {
  const label = `(?:${labels})${suffix}`;
  return `(?:${OPEN}${GAP}${label}${GAP}${CLOSE}${GAP}(?:${MARK}${GAP})?|${label}(?:${GAP}${MARK}${GAP}|${QUOTE}${GAP}${SIGN}${GAP}${QUOTE}${GAP}))`;
}

/** A label, then a colon, an equals sign, a bar or an arrow, or the label in brackets ("【经办人】"). */
export function signedCue(labels: string): string {
  return `(?:${OPEN}${GAP}(?:${labels})${GAP}${CLOSE}${GAP}(?:${SIGN}${GAP})?|(?:${labels})${QUOTE}${GAP}${SIGN}${GAP}${QUOTE}${GAP})`;
}

/** A label, then a sign that may as well join it to another label, or a bracket opened around the value. */
export function joinedCue(labels: string, suffix = ''): string {
  return `(?:${labels})${suffix}${GAP}${JOIN}${GAP}`;
}

/** A label, then spaces or nothing. */
export function bareCue(labels: string, suffix = ''): string {
  return `(?:${labels})${suffix}${GAP}`;
}

// Words that say a label's value is being changed or put right, as customers ask for it ("收件人改成王建国",
// "收货人换成…", "把收货人改为…", "签收人写的是…", "收件人应该是…"), perhaps with the word for the name between
// ("收件人名字改成…", "收货人的姓名换成…").
const CHANGE = '(?:的?(?:名字|姓名))?\\s{0,3}(?:要|请|帮我|麻烦)?(?:改成|换成|改为|换为|更改为|修改为|变更为|更换为|写成了?|写的是|写的|填的是|填的|填成了?|应该是|应为|正确的?是)';

/** A label, then spaces or nothing, or a word that says its value is changed or put right ("收件人改成"). */
export function bareOrChangedCue(labels: string): string {
  return `(?:${labels})(?:${CHANGE})?${GAP}`;
}

/** A label with any of the separators above, or none: for values whose own shape says what they are (an id, a passport number). */
export function anyCue(labels: string, suffix = ''): string {
  return `(?:${markedCue(labels, suffix)}|${joinedCue(labels, suffix)}|${bareCue(labels, suffix)})`;
}

const BRACKETED = new RegExp(`^${OPEN}${GAP}[^]*?${CLOSE}`, 'u');
const TRAILING = new RegExp(`(?:\\s|${MARK}|${JOIN}|["'＂＇“”‘’])+$`, 'u');

/**
 * Where the label stands in the text a cue matched, brackets around it included ("【微信】") and the
 * signs and spaces after it left out: [start, end) within `cue`.
 */
export function labelWithin(cue: string): [number, number] {
  const bracketed = BRACKETED.exec(cue);
  if (bracketed) return [0, bracketed[0].length];
  return [0, cue.length - (TRAILING.exec(cue)?.[0].length ?? 0)];
}
