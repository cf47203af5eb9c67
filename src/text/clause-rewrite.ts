import { toOriginalRange, type NormalizedText } from './normalize.js';

// Rewrites that read as Chinese replace a whole clause, with the subject and particles around the
// phrase, rather than one word: "你懂不懂啊" is rewritten, not "懂不懂" inside "你…啊". These helpers
// find that clause in the normalised text and turn an edit of it into a range of the original.

// After width folding, full-width punctuation is ASCII; 。、… and spaces stay as they are.
const BREAK = /[,.!?;:。、！？；…~～\s]/;
const QUESTION = /[?？]/;
// What may stand before the phrase in its own clause and go with it: a subject, an address, a softener.
const LEAD = /^(那|好吧|哎|唉|这|那)?(你|您|亲|你们)?(是不是|是|到底|真的|真是|真|还|都|就|也|可|先|千万|已经)*$/;
// Particles that close the phrase's clause, and a tag question ("别生气了好吗").
const PARTICLES = /^[了啦啊呀吧嘛呢吗么哦哈噢喔哟嘞呗的]*(好吗|好不好|行吗|行不行|可以吗|好么)?[了啦啊呀吧嘛呢吗么哦哈]*/;

export interface ClausePhrase {
  /** The clause of normalised text holding the phrase: [start, end), without its punctuation. */
  clauseStart: number;
  clauseEnd: number;
  /** The phrase widened over a leading subject and trailing particles, when they are all the clause holds around it. */
  from: number;
  to: number;
  /** Other words stand in the clause before `from`, or after `to`. */
  wordsBefore: boolean;
  wordsAfter: boolean;
  /** The clause is followed by a question mark. */
  asked: boolean;
  /** End of the words of the clause before this one, when there is one (its punctuation follows). */
  previousEnd?: number;
  /** Start of the next clause's words, when there is one. */
  nextStart?: number;
}

/** The clause around [start, end) of normalised text, and how much of it the phrase fills. */
export function clausePhrase(text: string, start: number, end: number): ClausePhrase {
  let clauseStart = start;
  while (clauseStart > 0 && !BREAK.test(text[clauseStart - 1]!)) clauseStart--;
  let clauseEnd = end;
  while (clauseEnd < text.length && !BREAK.test(text[clauseEnd]!)) clauseEnd++;
  const lead = text.slice(clauseStart, start);
  const from = LEAD.test(lead) ? clauseStart : start;
  const to = end + (PARTICLES.exec(text.slice(end, clauseEnd))?.[0].length ?? 0);
  let previousEnd: number | undefined = clauseStart;
  while (previousEnd > 0 && BREAK.test(text[previousEnd - 1]!)) previousEnd--;
  let nextStart: number | undefined = clauseEnd;
  while (nextStart < text.length && BREAK.test(text[nextStart]!)) nextStart++;
  return {
    clauseStart,
    clauseEnd,
    from,
    to,
    wordsBefore: from > clauseStart,
    wordsAfter: to < clauseEnd,
    asked: QUESTION.test(text.slice(clauseEnd, nextStart ?? clauseEnd)),
    previousEnd: previousEnd > 0 ? previousEnd : undefined,
    nextStart: nextStart < text.length ? nextStart : undefined,
  };
}

/** The next clause after one that ends at `end`: its bounds in normalised text, when there is one. */
export function nextClause(text: string, end: number): { start: number; end: number } | undefined {
  let start = end;
  while (start < text.length && BREAK.test(text[start]!)) start++;
  if (start >= text.length) return undefined;
  let stop = start;
  while (stop < text.length && !BREAK.test(text[stop]!)) stop++;
  return { start, end: stop };
}

/** A fix of the original text for an edit of [start, end) in the normalised text. */
export function originalFix(normalized: NormalizedText, start: number, end: number, text: string): { range: [number, number]; text: string } {
  if (start === end) {
    const at = start >= normalized.text.length ? normalized.toOriginal[normalized.text.length - 1]! + 1 : normalized.toOriginal[start]!;
    return { range: [at, at], text };
  }
  return { range: toOriginalRange(normalized, start, end), text };
}

/**
 * The edit that replaces the phrase's clause with a polite clause of its own. A question mark
 * after it becomes a comma, or a full stop at the end of the message, since the new clause
 * states. Null when other words share the clause and the new clause would not read with them.
 */
export function replaceClause(text: string, phrase: ClausePhrase, replacement: string, options: { keepWordsBefore?: boolean; keepWordsAfter?: boolean } = {}): { start: number; end: number; text: string } | null {
  if ((phrase.wordsBefore && !options.keepWordsBefore) || (phrase.wordsAfter && !options.keepWordsAfter)) return null;
  let out = replacement;
  if (phrase.wordsBefore) out = `，${out}`;
  if (phrase.wordsAfter) out = `${out}，`;
  let end = phrase.to;
  if (!phrase.wordsAfter && phrase.asked) {
    end = text.slice(phrase.clauseEnd).search(/[?？]/) + phrase.clauseEnd + 1;
    out += phrase.nextStart === undefined ? '。' : '，';
    // The question mark may sit after other punctuation, which goes with it.
    while (end < text.length && /[?？]/.test(text[end]!)) end++;
  }
  return { start: phrase.from, end, text: out };
}

/**
 * The edit that removes the phrase's clause and one of the punctuation marks beside it, so the
 * sentence around it still reads: "订单明天发，烦不烦啊。" → "订单明天发。". Null when the
 * clause is the whole message, or shares words with others.
 */
export function dropClause(phrase: ClausePhrase): { start: number; end: number; text: string } | null {
  if (phrase.wordsBefore || phrase.wordsAfter) return null;
  if (phrase.nextStart !== undefined) return { start: phrase.from, end: phrase.nextStart, text: '' };
  if (phrase.previousEnd !== undefined) return { start: phrase.previousEnd, end: phrase.to, text: '' };
  return null;
}
