import type { MappedText } from './mapped-text.js';

/**
 * Reading numbers that are spelt to get past a filter: "一三八幺二三四五六七八" (Chinese digits),
 * "l384729lO56" and "138 o4729 1056" (letters that look like 1 and 0), "1３8-4七29-105six" (full width,
 * a Chinese digit and an English digit word in one number). One table says what each spelling
 * stands for; a run of digit spellings and the separators between them is read as digits only when
 * the run holds enough real digits to be a number, so that words stay words.
 *
 * Full-width and other-script digits (１, ①, ١) are folded before this step, for every character
 * (pii.ts); separators between digit groups are dropped after it.
 */

/** Chinese digits, also the financial (大写) ones and the spoken 幺 and 洞. */
export const CHINESE_DIGIT_VALUES: Readonly<Record<string, string>> = {
  零: '0', 〇: '0', 洞: '0', 一: '1', 幺: '1', 壹: '1', 二: '2', 两: '2', 贰: '2', 三: '3', 叁: '3', 四: '4', 肆: '4',
  五: '5', 伍: '5', 六: '6', 陆: '6', 七: '7', 柒: '7', 八: '8', 捌: '8', 九: '9', 玖: '9',
};
export const CHINESE_DIGIT = '[零〇一幺壹二两贰三叁四肆五伍六陆七柒八捌九玖]';

// Latin letters and strokes typed for 0 and 1 (the lower-case i too: rules read lower-cased text,
// where "I384729IO56" arrives as "i384729io56"), and English digit words.
const LOOKALIKE_VALUES: Readonly<Record<string, string>> = { o: '0', O: '0', l: '1', I: '1', i: '1', '|': '1', 丨: '1' };
const ENGLISH_DIGIT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** What one spelling of a digit stands for, or undefined: 七 → 7, O → 0, Six → 6. */
export function digitSpelling(spelling: string): string | undefined {
  if (/^[0-9]$/u.test(spelling)) return spelling;
  const word = ENGLISH_DIGIT_WORDS.indexOf(spelling.toLowerCase());
  if (word >= 0) return String(word);
  return CHINESE_DIGIT_VALUES[spelling] ?? LOOKALIKE_VALUES[spelling];
}

// What people put between the digits of one number: spaces, commas, dots, dashes, slashes, underscores.
export const DIGIT_GAP = '(?:[ \\t\\u00a0]{1,2}|[ \\t\\u00a0]{0,2}[,，、_/.。·\\-—–~][ \\t\\u00a0]{0,2})';

// English words in any case ("six", "Six", "SIX"), without making the letters l and I one letter.
const anyCase = (word: string) => [...word].map((c) => `[${c}${c.toUpperCase()}]`).join('');
const LETTER_SPELLING = `(?:${ENGLISH_DIGIT_WORDS.map(anyCase).join('|')}|[oOlIi|丨])`;
const SPELLING = new RegExp(`${LETTER_SPELLING}|[0-9]|${CHINESE_DIGIT}`, 'gu');
const SPELT_RUN = new RegExp(`(?:${LETTER_SPELLING}|[0-9]|${CHINESE_DIGIT})(?:${DIGIT_GAP}?(?:${LETTER_SPELLING}|[0-9]|${CHINESE_DIGIT}))*`, 'gu');
const HAS_LETTER_SPELLING = new RegExp(LETTER_SPELLING, 'u');
const DIGIT_OR_WORD = new RegExp(`[0-9]|${CHINESE_DIGIT}|${ENGLISH_DIGIT_WORDS.map(anyCase).join('|')}`, 'gu');
const LATIN_OR_DIGIT = /[A-Za-z0-9]/u;

// Letters and words are read in a number of eleven to nineteen digits (a phone, with +86 a phone,
// an ID, a card, the long numbers redaction masks), at least seven of them written as digits or
// words, with at most four look-alike letters: "l384729lO56" has three, "1３8-4七29-105six" one
// word, "one three eight four seven two nine one zero five six" eleven words. A code such as
// "A1O2" or "iPhone 13" is no number, and neither is "13812345678|13912345678", two phones.
const MIN_READ_DIGITS = 11;
const MAX_READ_DIGITS = 19;
const MIN_WRITTEN_DIGITS = 7;
const MAX_LETTERS = 4;
// As where separators are dropped (pii.ts): a gap joins two groups unless both are numbers of their own.
const GROUP_OF_ITS_OWN = 7;

interface Spelling {
  readonly start: number;
  readonly end: number;
  readonly digit: string;
  /** A digit written as one (0–9, 七), a look-alike letter (l, O, |) or an English word (six). */
  readonly kind: 'digit' | 'letter' | 'word';
}

function spellingKind(spelling: string): Spelling['kind'] {
  if (/^[0-9]$/u.test(spelling) || CHINESE_DIGIT_VALUES[spelling] !== undefined) return 'digit';
  return LOOKALIKE_VALUES[spelling] !== undefined ? 'letter' : 'word';
}

/**
 * The letters and words of a run that stand for digits. A letter is read only in a word glued to
 * a digit ("o4729", "105six"; not the "I" of "I 138…") and made of digit spellings only
 * ("hello138" holds the l and o of a word), so the run's first and last word must not touch
 * another Latin letter. An English digit word standing alone is read between groups of digits
 * ("138 four seven two nine 1056"), or among seven such words or more; not "one" before a number.
 * The run is judged number by number: words joined by gaps, split where two long groups meet.
 */
function lettersAsDigits(text: string, runStart: number, run: string): Spelling[] {
  const spellings: Spelling[] = [...run.matchAll(SPELLING)].map((m) => ({
    start: runStart + m.index,
    end: runStart + m.index + m[0].length,
    digit: digitSpelling(m[0])!,
    kind: spellingKind(m[0]),
  }));
  const words: Spelling[][] = [];
  for (const s of spellings) {
    const word = words[words.length - 1];
    if (word && word[word.length - 1]!.end === s.start) word.push(s);
    else words.push([s]);
  }
  const numbers: Spelling[][][] = [];
  words.forEach((word, i) => {
    const previous = words[i - 1];
    if (previous && (previous.length <= GROUP_OF_ITS_OWN - 1 || word.length <= GROUP_OF_ITS_OWN - 1)) numbers[numbers.length - 1]!.push(word);
    else numbers.push([word]);
  });
  const glued = (word: Spelling[]) =>
    (word === words[0] && LATIN_OR_DIGIT.test(text[word[0]!.start - 1] ?? '')) || (word === words[words.length - 1] && LATIN_OR_DIGIT.test(text[word[word.length - 1]!.end] ?? ''));
  const hasDigit = (word: Spelling[]) => word.some((s) => s.kind === 'digit');
  const allWords = (word: Spelling[]) => word.every((s) => s.kind === 'word');
  return numbers.flatMap((number) => {
    const standingWords = number.filter(allWords).flat().length;
    const read = number
      .filter((word, i) => {
        if (glued(word)) return false;
        if (hasDigit(word)) return true;
        return allWords(word) && (standingWords >= MIN_WRITTEN_DIGITS || (number.slice(0, i).some(hasDigit) && number.slice(i + 1).some(hasDigit)));
      })
      .flatMap((word) => word.filter((s) => s.kind !== 'digit'));
    const written = number.flat().filter((s) => s.kind === 'digit').length;
    const letters = read.filter((s) => s.kind === 'letter').length;
    const digits = written + read.length;
    const readable = read.length > 0 && letters <= MAX_LETTERS && written + read.length - letters >= MIN_WRITTEN_DIGITS;
    return readable && digits >= MIN_READ_DIGITS && digits <= MAX_READ_DIGITS ? read : [];
  });
}

// Four or more digits, some of them spelt in Chinese ("一三八 1234 五六七八"), read as digits.
// Shorter runs are ordinary words (一两个, 三五天).
const SPELT_NUMBER = new RegExp(`(?:${CHINESE_DIGIT}|[0-9])(?:${DIGIT_GAP}?(?:${CHINESE_DIGIT}|[0-9])){3,}`, 'gu');

const ONE_CHINESE_DIGIT = new RegExp(CHINESE_DIGIT, 'u');
const CHINESE_DIGITS = new RegExp(CHINESE_DIGIT, 'gu');

/** Whether `pattern` (global, never matching empty text) matches at least `count` times in `text`; stops counting there. */
export function atLeast(pattern: RegExp, text: string, count: number): boolean {
  pattern.lastIndex = 0;
  let found = 0;
  while (pattern.exec(text) !== null) if (++found >= count) return true;
  return false;
}

/** Letters and words that stand for digits inside a number, then Chinese digits in runs of four or more, read as digits. */
export function readSpeltDigits(view: MappedText): MappedText {
  let read = view;
  // Most texts have too few digits for a number, or no letter that could stand for one.
  if (HAS_LETTER_SPELLING.test(view.text) && atLeast(DIGIT_OR_WORD, view.text, MIN_WRITTEN_DIGITS)) {
    const letters = [...view.text.matchAll(SPELT_RUN)].flatMap((m) => (HAS_LETTER_SPELLING.test(m[0]) ? lettersAsDigits(view.text, m.index, m[0]) : []));
    read = view.replaceSpans(letters.map((s) => ({ start: s.start, end: s.end, text: s.digit })));
  }
  if (!ONE_CHINESE_DIGIT.test(read.text)) return read;
  const runs = [...read.text.matchAll(SPELT_NUMBER)].filter((m) => ONE_CHINESE_DIGIT.test(m[0]));
  if (runs.length === 0) return read;
  return read.replaceSpans(runs.flatMap((m) => [...m[0].matchAll(CHINESE_DIGITS)].map((c) => ({ start: m.index + c.index, end: m.index + c.index + 1, text: CHINESE_DIGIT_VALUES[c[0]]! }))));
}
