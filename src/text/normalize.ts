import * as OpenCC from 'opencc-js';

/** Traditional (Taiwan with phrases, Hong Kong) to simplified: every message with Han text needs these. */
const twToSimplified = OpenCC.Converter({ from: 'twp', to: 'cn' });
const hkToSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });

/**
 * Simplified to traditional costs some 50 MB of dictionaries, and is only needed to weigh scripts in
 * a conversation that holds traditional characters at all, so it is built on first use.
 */
let simplifiedToTraditional: ((text: string) => string) | undefined;
function toGenericTraditional(text: string): string {
  const convert = (simplifiedToTraditional ??= OpenCC.Converter({ from: 'cn', to: 't' }));
  return convert(text);
}

export type Script = 'simplified' | 'traditional' | 'none';

export interface NormalizedText {
  /** The view rules match against: simplified, width-folded, lower-cased, zero-width removed. */
  readonly text: string;
  /** For each UTF-16 index of `text` (and one past its end), the index in the original text. */
  readonly toOriginal: Int32Array;
  /** Han characters that only exist in traditional form. */
  readonly traditionalChars: number;
  /** Han characters that only exist in simplified form; computed on first read. */
  readonly simplifiedChars: number;
  readonly hasHan: boolean;
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
/** Characters foldChar changes besides upper case: full-width forms, ideographic and no-break spaces, zero-width ones. */
const NEEDS_FOLDING = /[\uff01-\uff5e\u3000\u00a0\u200b-\u200d\u2060\ufeff\u00ad]/;
const HAN = /\p{Script=Han}/u;

function foldChar(char: string): string {
  const code = char.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0).toLowerCase();
  if (code === 0x3000 || code === 0x00a0) return ' ';
  return char.toLowerCase().length === char.length ? char.toLowerCase() : char;
}

/** Traditional to simplified, Taiwan phrases then Hong Kong variants. Exported for the equivalence test only. */
export function toSimplified(text: string): string {
  return hkToSimplified(twToSimplified(text));
}

type Dict = string | ReadonlyArray<readonly [string, string]>;
interface ConversionConfig {
  normalizationChain?: ReadonlyArray<readonly Dict[]>;
  conversionChain: ReadonlyArray<readonly Dict[]>;
}

function dictKeys(dict: Dict): string[] {
  return typeof dict === 'string' ? dict.split('|').map((pair) => pair.slice(0, pair.indexOf(' '))) : dict.map(([key]) => key);
}


/**
 * A test that is false for every text conversion to simplified leaves as it is: most messages are
 * simplified already, and converting them costs two dictionary passes for nothing. It holds the
 * characters that conversion changes on their own, and the dictionary phrases made only of
 * characters it leaves alone (a Taiwan term written in characters both scripts share). 么 stays
 * out: normalizeText puts it back after conversion (see there).
 */
let conversionGate: { changed: Set<string>; phrasesByFirst: Map<string, string[]> } | undefined;
export function mayChangeInConversion(text: string): boolean {
  conversionGate ??= buildConversionGate();
  const { changed, phrasesByFirst } = conversionGate;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Conversion touches CJK ideographs, and a few phrases that begin with a capital (A肝).
    if (code < 0x2e80 && (code < 0x41 || code > 0x5a)) continue;
    const char = code >= 0xd800 && code <= 0xdbff ? text.slice(i, i + 2) : text[i]!;
    if (changed.has(char)) return true;
    const phrases = phrasesByFirst.get(char);
    if (phrases && phrases.some((phrase) => text.startsWith(phrase, i))) return true;
  }
  return false;
}

function buildConversionGate(): { changed: Set<string>; phrasesByFirst: Map<string, string[]> } {
  const configs = OpenCC.Locale.configs as unknown as Record<string, ConversionConfig>;
  const keys = new Set<string>();
  // The configurations behind Converter({ from: 'twp' | 'hk', to: 'cn' }).
  for (const name of ['tw2sp', 'hk2s']) {
    const config = configs[name]!;
    for (const group of [...(config.normalizationChain ?? []), ...config.conversionChain]) for (const dict of group) for (const key of dictKeys(dict)) keys.add(key);
  }
  const changed = new Set<string>();
  for (const key of keys) if ([...key].length === 1 && key !== '么' && toSimplified(key) !== key) changed.add(key);
  const phrasesByFirst = new Map<string, string[]>();
  for (const key of keys) {
    const chars = [...key];
    if (chars.length < 2 || chars.some((char) => changed.has(char))) continue;
    const list = phrasesByFirst.get(chars[0]!);
    if (list) list.push(key);
    else phrasesByFirst.set(chars[0]!, [key]);
  }
  return { changed, phrasesByFirst };
}

function countDifferences(a: string, b: string): number {
  if (a.length !== b.length) return Math.abs(a.length - b.length);
  let count = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && HAN.test(a[i]!)) count++;
  return count;
}

/**
 * Builds the normalised view of one message. Folding keeps one output unit per input unit, so
 * offsets map straight back; a phrase conversion that changes length (記憶體 → 内存) is replaced
 * by a character-by-character conversion so that the mapping stays exact.
 */
export function normalizeText(original: string): NormalizedText {
  // Most messages need no folding at all: then the folded text is the original, position for position.
  const unchanged = !NEEDS_FOLDING.test(original) && original.toLowerCase() === original;
  const folded: string[] = [];
  const positions: number[] = [];
  if (!unchanged) {
    for (let i = 0; i < original.length; i++) {
      const char = original[i]!;
      if (ZERO_WIDTH.test(char)) continue;
      folded.push(foldChar(char));
      positions.push(i);
    }
  }
  const foldedText = unchanged ? original : folded.join('');
  let text = foldedText;
  let traditionalChars = 0;
  const hasHan = HAN.test(foldedText);
  if (hasHan && mayChangeInConversion(foldedText)) {
    const converted = toSimplified(foldedText);
    text = converted.length === foldedText.length ? converted : folded.map((c) => (HAN.test(c) ? toSimplified(c) : c)).join('');
    if (text.length !== foldedText.length) text = foldedText; // a character expanded: keep the folded view
    // OpenCC's Taiwan/Hong Kong tables read a lone 么 as the variant 幺; in chat it is the question particle.
    if (text.includes('幺')) text = text.split('').map((c, i) => (c === '幺' && foldedText[i] === '么' ? '么' : c)).join('');
    traditionalChars = countDifferences(foldedText, text);
  }
  const toOriginal = new Int32Array(text.length + 1);
  if (unchanged) for (let i = 0; i < text.length; i++) toOriginal[i] = i;
  else for (let i = 0; i < positions.length; i++) toOriginal[i] = positions[i]!;
  toOriginal[text.length] = original.length;
  // Where conversion changed nothing, keep one string rather than two equal ones.
  return new Normalized(text, toOriginal, traditionalChars, hasHan, foldedText === text ? text : foldedText);
}

/**
 * A class rather than an object literal with a getter: such a literal costs every object a closure
 * and its context, and V8 keeps the objects as slow property dictionaries; some 600 bytes a message
 * in all, which a conversation of 50,000 messages holds at once while it is linted.
 */
class Normalized implements NormalizedText {
  private simplified: number | undefined;

  constructor(
    readonly text: string,
    readonly toOriginal: Int32Array,
    readonly traditionalChars: number,
    readonly hasHan: boolean,
    private readonly folded: string,
  ) {}

  get simplifiedChars(): number {
    this.simplified ??= this.hasHan ? countDifferences(this.folded, toGenericTraditional(this.folded)) : 0;
    return this.simplified;
  }
}

/** Maps a [start, end) range of the normalised text back to the original text. */
export function toOriginalRange(normalized: NormalizedText, start: number, end: number): [number, number] {
  const originalStart = normalized.toOriginal[start]!;
  const originalEnd = end <= start ? originalStart : normalized.toOriginal[end - 1]! + 1;
  return [originalStart, originalEnd];
}

/** Decides the script of a set of texts from the counts their normalisation recorded. */
export function detectScript(texts: Iterable<NormalizedText>): Script {
  const all = [...texts];
  const traditional = all.reduce((n, t) => n + t.traditionalChars, 0);
  // Without a single traditional-only character the answer needs no weighing.
  if (traditional === 0) return all.some((t) => t.hasHan) ? 'simplified' : 'none';
  const simplified = all.reduce((n, t) => n + t.simplifiedChars, 0);
  return traditional > simplified ? 'traditional' : 'simplified';
}

let simplifiedToTaiwan: ((text: string) => string) | undefined;

/** Renders simplified Chinese in traditional characters, for findings on traditional input. Built on first use. */
export function toTraditional(text: string): string {
  const convert = (simplifiedToTaiwan ??= OpenCC.Converter({ from: 'cn', to: 'tw' }));
  return convert(text);
}
