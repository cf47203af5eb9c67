import { RegExpParser, visitRegExpAST, type AST } from '@eslint-community/regexpp';
import { normalizeText } from '../text/normalize.js';

// Rules match the normalised view of a message: half-width, lower case, simplified (see
// normalize.ts). A phrase or pattern written as people type it (full-width punctuation, capitals,
// traditional characters) would never match that view; these functions write it the same way.

/** A phrase as the normalised text writes it: "您好，请问" → "您好,请问", "我們" → "我们", "VIP" → "vip". */
export function normalizedPhrase(phrase: string): string {
  return normalizeText(phrase).text;
}

const SPECIAL = /[.*+?^${}()|[\]\\/]/;
const SPECIAL_IN_CLASS = /[[\]\\^-]/;

function written(char: string, inClass: boolean): string {
  return (inClass ? SPECIAL_IN_CLASS : SPECIAL).test(char) ? `\\${char}` : char;
}

/** The normalised form of one literal character, or undefined when normalising leaves it, or drops it. */
function normalizedChar(code: number): string | undefined {
  const char = String.fromCodePoint(code);
  const normalized = normalizeText(char).text;
  return normalized !== char && [...normalized].length === 1 ? normalized : undefined;
}

const isUpperAscii = (code: number) => code >= 0x41 && code <= 0x5a;
const isFullWidth = (code: number) => code >= 0xff01 && code <= 0xff5e;

/**
 * A pattern whose literal characters are written as the normalised text writes them: `VIP编号` →
 * `vip编号`, `您好，请问` → `您好,请问`, `[A-Z]{3}` → `[a-z]{3}`, `？` → `\?`. Escapes, and ranges
 * whose ends are not both capitals or both full-width, stay as written; so does a pattern that
 * holds `(?i` (it already ignores case) or that the parser does not read.
 */
export function normalizedPattern(source: string): string {
  let ast: AST.Pattern;
  try {
    ast = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, { unicode: true });
  } catch {
    return source;
  }
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const inRange = new Set<AST.Character>();
  visitRegExpAST(ast, {
    onCharacterClassRangeEnter(range) {
      inRange.add(range.min);
      inRange.add(range.max);
      const [min, max] = [range.min.value, range.max.value];
      const sameBlock = (isUpperAscii(min) && isUpperAscii(max)) || (isFullWidth(min) && isFullWidth(max));
      if (!sameBlock || range.min.raw.startsWith('\\') || range.max.raw.startsWith('\\')) return;
      const [from, to] = [normalizedChar(min), normalizedChar(max)];
      if (from && to && from <= to) edits.push({ start: range.start, end: range.end, text: `${written(from, true)}-${written(to, true)}` });
    },
    onCharacterEnter(node) {
      if (inRange.has(node) || node.raw.startsWith('\\')) return;
      const normalized = normalizedChar(node.value);
      if (normalized) edits.push({ start: node.start, end: node.end, text: written(normalized, node.parent.type === 'CharacterClass') });
    },
  });
  let out = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}
