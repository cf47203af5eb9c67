// A bracket scan over JSON text: where values end, without parsing them. Syntax inside a value is
// left to JSON.parse; the scan only has to find the value's extent.

export const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0xfeff;

export function skipSpace(text: string, at: number): number {
  while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  return at;
}

/** Where the string that opens at `at` (a `"`) ends, one past its closing quote; -1 when it never closes. */
export function stringEnd(text: string, at: number): number {
  let quote = text.indexOf('"', at + 1);
  while (quote >= 0) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    quote = text.indexOf('"', quote + 1);
  }
  return -1;
}

/**
 * Where the JSON value that starts at `at` ends, by bracket depth; -1 when the text ends first.
 * Syntax inside is left to JSON.parse. `nesting.depth` is set to how deeply its brackets nest (1
 * for `{}`, 0 for a string or a number).
 */
export function valueEnd(text: string, at: number, nesting?: { depth: number }): number {
  let deepest = 0;
  if (nesting) nesting.depth = 0;
  const first = text.charCodeAt(at);
  if (first === 0x22) return stringEnd(text, at);
  if (first !== 0x7b && first !== 0x5b) {
    let end = at;
    while (end < text.length) {
      const code = text.charCodeAt(end);
      if (code === 0x2c || code === 0x5d || code === 0x7d || isSpace(code)) break;
      end++;
    }
    return end;
  }
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) {
      const end = stringEnd(text, i);
      if (end < 0) return -1;
      i = end - 1;
    } else if (code === 0x7b || code === 0x5b) {
      if (++depth > deepest) deepest = depth;
    } else if ((code === 0x7d || code === 0x5d) && --depth === 0) {
      if (nesting) nesting.depth = deepest;
      return i + 1;
    }
  }
  return -1;
}
