/** A token of the normalised text, with its [start, end) offsets in that text. */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Splits normalised text into words. The CLI supplies jieba; tests may supply the same. */
export type Segmenter = (text: string) => string[];

/** Turns segmenter output into tokens with offsets, dropping whitespace-only tokens. */
export function tokenize(text: string, segment: Segmenter): Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  for (const word of segment(text)) {
    const start = text.indexOf(word, offset);
    if (start < 0) continue; // the segmenter altered the text; skip rather than misplace
    offset = start + word.length;
    if (word.trim() === '') continue;
    tokens.push({ text: word, start, end: offset });
  }
  return tokens;
}
