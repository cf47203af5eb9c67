import { t } from '../i18n/index.js';
import { visible } from '../formatters/excerpt.js';

/** How much of a key from a configuration file an error message shows. */
const SHOWN_KEY_CHARACTERS = 24;

/**
 * Keys that look like credentials: the prefixes of GitHub, OpenAI-style, Slack and AWS tokens, or a
 * long run of letters and digits mixed. A secret pasted as a key (`rules: {ghp_…: error}`) must not
 * be echoed into a CI log by the message that refuses it.
 */
const SECRET_PREFIX = /^(?:gh[pousr]_|github_pat_|sk-|sk_live_|pk_live_|xox[abprs]-|AKIA|ASIA|AIza|glpat-|npm_)/i;
const LONG_MIXED_RUN = /[A-Za-z0-9]{20,}/g;

function looksLikeSecret(key: string): boolean {
  if (SECRET_PREFIX.test(key)) return true;
  return (key.match(LONG_MIXED_RUN) ?? []).some((run) => /[A-Za-z]/.test(run) && /[0-9]/.test(run));
}

/**
 * A key from a configuration file as error messages show it: a key that looks like a secret is
 * masked but for its first four characters, a long key is cut to its first 24 characters, and
 * control characters are written as escapes (`\x0a`).
 */
export function shownKey(key: string): string {
  const characters = [...key];
  if (looksLikeSecret(key)) return t('config.maskedKey', { start: visible(characters.slice(0, 4).join('')), length: characters.length });
  // A line break or escape in a key would start a new line of the CI log (`::error::…`) or act on the terminal.
  return visible(characters.length > SHOWN_KEY_CHARACTERS ? `${characters.slice(0, SHOWN_KEY_CHARACTERS).join('')}…` : key);
}

/** A value from a configuration file (a path in extends, a format name) as messages show it: masked when it looks like a secret, else whole. */
export function shownValue(value: string): string {
  return looksLikeSecret(value) ? t('config.maskedKey', { start: visible([...value].slice(0, 4).join('')), length: [...value].length }) : visible(value);
}

/** Keys longer than this get no did-you-mean: no real key is, and the edit distance grows with the square. */
export const MAX_KEY_FOR_SUGGESTION = 64;
