import { createRequire } from 'node:module';
import { COMMON_SURNAMES } from './pii.js';
import { escapeRegex } from './escape-regex.js';

// How an agent writes back a customer's display name or nickname other than as the export gives
// it: a Han full name by its given name alone ("陈晓梅" → "晓梅您好", "晓梅姐") or in pinyin
// ("Xiaomei Chen", "Chen Xiaomei", "xiaomei"), a shop nickname
// without its platform's prefix ("tb_晴天娃娃1990" → "晴天娃娃1990您好"), a Latin name in another
// case or with its words run together ("Lucky Star" → "lucky star", "LuckyStar"), or by its
// first word ("Hi Lucky").

// Prefixes that shop platforms put before a buyer's nickname: 淘宝 tb_, 京东 jd_, 拼多多 pdd_, 抖音 dy_.
const PLATFORM_PREFIX = /^(?:tb|jd|pdd|dy|ks|xhs)[_-]/iu;
const HAN_NAME = /^\p{Script=Han}{2,4}$/u;
const LATIN_WORDS = /^[A-Za-z]+(?:[ .'-]+[A-Za-z]+)*$/u;


/** A Han full name's surname (a common one it opens with) and given name; undefined for anything else. */
function nameParts(name: string): { surname: string; given: string } | undefined {
  if (!HAN_NAME.test(name)) return undefined;
  const surname = COMMON_SURNAMES.filter((s) => name.startsWith(s)).sort((a, b) => b.length - a.length)[0];
  return surname && name.length > surname.length ? { surname, given: name.slice(surname.length) } : undefined;
}

const require = createRequire(import.meta.url);
let syllablesOf: ((text: string) => string[]) | undefined;

/**
 * The pinyin syllables of a name, without tones, its surname read as a surname (单 is Shan, 曾 is
 * Zeng). pinyin-pro loads on first use (a quarter of a second): only redaction of a Han display
 * name asks.
 */
function syllables(name: string): string[] {
  if (!syllablesOf) {
    const { pinyin } = require('pinyin-pro') as { pinyin: (text: string, options: Record<string, unknown>) => string[] };
    syllablesOf = (text) => pinyin(text, { toneType: 'none', type: 'array', surname: 'head', v: true });
  }
  return syllablesOf(name);
}

/** The ways a Han full name is written in pinyin: given name then surname or the other way, any case and spacing, and a given name of two syllables alone. */
function pinyinSpellings(surname: string, given: string): string[] {
  const all = syllables(surname + given);
  if (all.length !== surname.length + given.length || !all.every((s) => /^[a-z]+$/u.test(s))) return [];
  const joined = (parts: string[]) => parts.map(escapeRegex).join("[ .'-]*");
  const [s, g] = [joined(all.slice(0, surname.length)), joined(all.slice(surname.length))];
  const spellings = [`${g}[ ,.'-]*${s}`, `${s}[ ,.'-]*${g}`];
  if (given.length >= 2) spellings.push(g);
  return spellings.map((spelling) => `(?<![A-Za-z])${spelling}(?![A-Za-z])`);
}

/**
 * A pattern for every spelling of a customer's name that an agent may write, or undefined when the
 * name is too short to look for (one character: it would mask ordinary words).
 */
export function customerNamePattern(name: string): RegExp | undefined {
  const trimmed = name.trim();
  const spellings = new Set<string>();
  const add = (value: string) => {
    if ([...value].length >= 2) spellings.add(escapeRegex(value));
  };
  add(trimmed);
  const unprefixed = trimmed.replace(PLATFORM_PREFIX, '');
  add(unprefixed);
  const parts = nameParts(unprefixed);
  if (parts && parts.given.length >= 2) add(parts.given);
  if (parts) for (const spelling of pinyinSpellings(parts.surname, parts.given)) spellings.add(spelling);
  if (LATIN_WORDS.test(unprefixed)) {
    const words = unprefixed.split(/[ .'-]+/u);
    // Any case, the words apart or run together; the first word alone when it is a name's length.
    spellings.add(`(?<![A-Za-z])${words.map(escapeRegex).join("[ .'-]*")}(?![A-Za-z])`);
    if (words.length > 1 && words[0]!.length >= 3) spellings.add(`(?<![A-Za-z])${escapeRegex(words[0]!)}(?![A-Za-z])`);
  }
  if (spellings.size === 0) return undefined;
  // Longest first, so that a full name is replaced whole before its given name is looked for.
  const ordered = [...spellings].sort((a, b) => b.length - a.length);
  return new RegExp(ordered.join('|'), 'giu');
}
