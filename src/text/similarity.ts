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

/**
 * The words that any text of Dice similarity `threshold` or more with `words` must share with it
 * (prefix filtering). Similar texts share at least threshold·|A|/(2−threshold) words of A, counted
 * with repeats; so, with words in one fixed order (each repeat numbered), the first |A| − that + 1
 * words of two such texts always meet. An index of earlier texts by these words finds every text
 * similar enough to a new one by looking up only its own prefix.
 */
export function similarityPrefix(words: readonly string[], threshold: number): string[] {
  const shared = Math.ceil((threshold * words.length) / (2 - threshold) - 1e-9);
  const seen = new Map<string, number>();
  const elements = words.map((word) => {
    const n = (seen.get(word) ?? 0) + 1;
    seen.set(word, n);
    return `${word}\u0000${n}`;
  });
  elements.sort();
  return elements.slice(0, Math.max(1, words.length - shared + 1));
}
