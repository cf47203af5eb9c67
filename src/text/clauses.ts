import { countBefore, countLeading } from '../sorted.js';
import type { Token } from './segment.js';

// After width folding, full-width punctuation is ASCII; 。、… and spaces stay as they are.
// Exports such as JDDC separate sentences with spaces, so a space also ends a clause.
const CLAUSE_BREAK = /[,.!?;:。、！？；…~～\s\n\r]/;

/**
 * Texts up to this length find a clause's bounds by walking to them. A longer one has its clause
 * breaks listed once and searched, so that many matches in one long clause ("1-1-1-…" pasted into
 * a message) cost no more than the text's length each time.
 */
const WALK_UP_TO = 512;

/** The clause breaks of the last long text asked about, in order. */
let breaksOf: { text: string; at: Int32Array } | undefined;

function clauseBreaks(text: string): Int32Array {
  if (breaksOf?.text === text) return breaksOf.at;
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) if (CLAUSE_BREAK.test(text[i]!)) at.push(i);
  breaksOf = { text, at: Int32Array.from(at) };
  return breaksOf.at;
}

/** The [start, end) bounds of the clause of normalised text that holds `index`. */
export function clauseBounds(text: string, index: number): [number, number] {
  if (text.length > WALK_UP_TO) {
    const breaks = clauseBreaks(text);
    const next = countBefore(breaks, index);
    return [next > 0 ? breaks[next - 1]! + 1 : 0, next < breaks.length ? breaks[next]! : text.length];
  }
  let start = index;
  while (start > 0 && !CLAUSE_BREAK.test(text[start - 1]!)) start--;
  let end = index;
  while (end < text.length && !CLAUSE_BREAK.test(text[end]!)) end++;
  return [start, end];
}

const QUESTION_MARKERS = ['是不是', '是否', '会不会', '有没有', '能不能', '可不可以', '难不成', '莫非'];
const QUESTION_ENDINGS = /[吗么嘛]$/;

/** True when the clause around [start, end) asks rather than asserts: "是不是快递的问题呢?". */
export function isQuestionAt(text: string, start: number, end: number): boolean {
  const [clauseStart, clauseEnd] = clauseBounds(text, start);
  const clause = text.slice(clauseStart, Math.max(clauseEnd, end));
  if (text[Math.max(clauseEnd, end)] === '?') return true;
  if (QUESTION_ENDINGS.test(clause.replace(/[呢啊呀哦哈]+$/, ''))) return true;
  return QUESTION_MARKERS.some((marker) => clause.includes(marker));
}

export const NEGATORS: ReadonlySet<string> = new Set(['不', '不是', '并不是', '并非', '非', '没', '没有', '别', '无', '不会', '不会是', '并不', '绝不是', '而非', '未', '并没有', '从未', '不太', '不怎么']);

/** Words that start with a negating character but do not negate: 非常抱歉 is an apology. */
const NOT_NEGATORS = /^(非常|无论|不仅|不但|不过|不管|没错|未来|别的|别人|别处|无非)/;

/** A word that starts so can carry a negation inside it: 不理解, 没收到. */
export const NEGATING_START = /^(不|没|别|无|非|未)/;
/** The characters every negator, and every word that carries one, starts with. */
export const NEGATOR_START = /[不并非没别无绝而未从]/;

/**
 * True when a negator governs the words starting at `start`: one of the last three tokens
 * before it, in the same clause, is a negation ("不是您的问题", "并非快递原因", "不理解").
 * `tokens` is asked for only when a character before `start` can open a negator: segmenting is
 * the costly part, and most matches have none.
 */
export function isNegatedAt(text: string, tokens: readonly Token[] | (() => readonly Token[]), start: number): boolean {
  if (!(firstNegatorStart(text) < start)) return false;
  const [clauseStart] = clauseBounds(text, start);
  // Every token the test below reads starts at or after segmentStart, so without a character that
  // can open a negator between there and `start` the answer is no, and segmenting (loading jieba's
  // dictionary when nothing else has) is skipped.
  if (!NEGATOR_START.test(text.slice(segmentStart(text, clauseStart), start))) return false;
  if (typeof tokens === 'function') tokens = tokens();
  // Tokens come in order and do not overlap: those that end by `start` are the first `ended`.
  const ended = countLeading(tokens.length, (i) => tokens[i]!.end <= start);
  for (let i = ended - 1; i >= Math.max(0, ended - 3); i--) {
    const token = tokens[i]!;
    if (token.start < clauseStart) break;
    if (NEGATORS.has(token.text)) return true;
  }
  // A token that straddles the match start can carry the negation inside it (不理解 → 不/理解 or 不理解).
  const straddling = tokens[ended];
  return straddling !== undefined && straddling.start < start && NEGATING_START.test(straddling.text) && !NOT_NEGATORS.test(straddling.text);
}

/**
 * Clause breaks that jieba can take into a word: its dictionaries hold no word with a break, but
 * its HMM can join a run of single characters that is not ASCII and not one of the characters it
 * splits at (space, tab, line feed, ，and 。). A token that begins before `clauseStart` can thus only
 * reach across these.
 */
const JOINABLE_BREAK = /[、…～\s]/;
const SPLITS_JIEBA = /[ \t\n\r\uff0c。]/;

/** The earliest offset where a token holding `clauseStart` or later can begin. */
function segmentStart(text: string, clauseStart: number): number {
  let start = clauseStart;
  while (start > 0 && JOINABLE_BREAK.test(text[start - 1]!) && !SPLITS_JIEBA.test(text[start - 1]!)) [start] = clauseBounds(text, start - 1);
  return start;
}

/** Where the first character that can open a negator stands in `text`; Infinity when none does. Kept for the last text. */
let negatorStartOf: { text: string; at: number } | undefined;
function firstNegatorStart(text: string): number {
  if (negatorStartOf?.text !== text) {
    const at = text.search(NEGATOR_START);
    negatorStartOf = { text, at: at < 0 ? Number.POSITIVE_INFINITY : at };
  }
  return negatorStartOf.at;
}


// Weibo threads address accounts as "@名称" up to the next space or punctuation, and tag topics as
// "#话题#".
const MENTION_END = /[\s,.!?;:。、！？；…~～#@]/;

/** True when `index` falls inside an "@handle": a word there names an account ("@某某投诉平台"). */
export function insideMention(text: string, index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const char = text[i]!;
    if (char === '@') return true;
    if (MENTION_END.test(char)) return false;
  }
  return false;
}
