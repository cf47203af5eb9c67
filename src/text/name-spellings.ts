import { COMMON_SURNAMES } from './pii.js';
import { escapeRegex } from './escape-regex.js';

// How an agent writes back a customer's display name or nickname other than as the export gives
// it: a Han full name by its given name alone ("陈晓梅" → "晓梅您好", "晓梅姐"), a shop nickname
// without its platform's prefix ("tb_晴天娃娃1990" → "晴天娃娃1990您好"), a Latin name in another
// case or with its words run together ("Lucky Star" → "lucky star", "LuckyStar"), or by its
// first word ("Hi Lucky").

// Prefixes that shop platforms put before a buyer's nickname: 淘宝 tb_, 京东 jd_, 拼多多 pdd_, 抖音 dy_.
const PLATFORM_PREFIX = /^(?:tb|jd|pdd|dy|ks|xhs)[_-]/iu;
const HAN_NAME = /^\p{Script=Han}{3,4}$/u;
const LATIN_WORDS = /^[A-Za-z]+(?:[ .'-]+[A-Za-z]+)*$/u;


/** The given name of a Han full name that opens with a common surname, when it has two characters or more. */
function givenName(name: string): string | undefined {
  if (!HAN_NAME.test(name)) return undefined;
  const surname = COMMON_SURNAMES.filter((s) => name.startsWith(s)).sort((a, b) => b.length - a.length)[0];
  const given = surname ? name.slice(surname.length) : '';
  return given.length >= 2 ? given : undefined;
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
  const given = givenName(unprefixed);
  if (given) add(given);
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
