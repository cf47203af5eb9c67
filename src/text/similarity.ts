import type { Token } from './segment.js';

const PUNCTUATION_OR_SPACE = /^[\p{P}\p{S}\s]+$/u;

/** Content tokens: punctuation, symbols and whitespace carry no meaning for similarity. */
export function contentTokens(tokens: readonly Token[]): string[] {
  return tokens.map((t) => t.text).filter((t) => !PUNCTUATION_OR_SPACE.test(t));
}

/** Dice coefficient over token multisets: 1 for the same words, 0 for none in common. */
export function tokenSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of a) counts.set(t, (counts.get(t) ?? 0) + 1);
  let shared = 0;
  for (const t of b) {
    const left = counts.get(t) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(t, left - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}
