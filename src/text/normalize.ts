import * as OpenCC from 'opencc-js';
import { ConversionGate, loadGateData } from './conversion-gate.js';

/**
 * Traditional (Taiwan with phrases, Hong Kong) to simplified. Built on first use: most inputs are
 * simplified throughout, and the gate below lets no message of theirs through to conversion.
 */
let twToSimplified: ((text: string) => string) | undefined;
let hkToSimplified: ((text: string) => string) | undefined;

/**
 * Simplified to traditional costs some 50 MB of dictionaries. Linting never needs it: the build
 * records which characters it changes (conversion-gate.ts), and findings rendered in traditional
 * characters use toTraditional below.
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

const HAN = /\p{Script=Han}/u;

/**
 * What folding makes of each UTF-16 code unit, filled on first use: full-width forms to their ASCII
 * twins, ideographic and no-break spaces to a space, upper case to lower case where that keeps one
 * unit, 妳 and 祢 to 你; ZERO_WIDTH for the units that are dropped (zero-width spaces and joiners,
 * BOM, soft hyphen).
 */
const ZERO_WIDTH = 0xffffffff;
let foldTable: Uint32Array | undefined;

function buildFoldTable(): Uint32Array {
  const table = new Uint32Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    let folded = code;
    if (code >= 0xff01 && code <= 0xff5e) folded = code - 0xfee0;
    else if (code === 0x3000 || code === 0x00a0) folded = 0x20;
    // Surrogates stay as they are; CJK ideographs and Hangul syllables have no case (skipping them saves 20 ms a thread).
    else if (!(code >= 0xd800 && code <= 0xdfff) && !(code >= 0x3400 && code <= 0x9fff) && !(code >= 0xac00 && code <= 0xd7a3)) {
      const lower = String.fromCharCode(code).toLowerCase();
      if (lower.length === 1) folded = lower.charCodeAt(0);
    }
    if (folded >= 0x41 && folded <= 0x5a) folded += 0x20;
    table[code] = folded;
  }
  for (const code of [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad]) table[code] = ZERO_WIDTH;
  // "You" written to a woman (妳) or to a deity (祢), as Taiwan and Hong Kong write it: conversion to
  // simplified keeps both, and a phrase list written with 你 would miss them.
  for (const code of [0x59b3, 0x7962]) table[code] = 0x4f60;
  return table;
}

/** A reusable buffer for folded code units: a message is folded into it, then read out as a string. */
let unitBuffer = new Uint16Array(1024);

function unitsToString(units: Uint16Array, length: number): string {
  let text = '';
  for (let from = 0; from < length; from += 8192) text += String.fromCharCode.apply(null, units.subarray(from, Math.min(length, from + 8192)) as unknown as number[]);
  return text;
}

/** Traditional to simplified, Taiwan phrases then Hong Kong variants. Exported for the equivalence test only. */
export function toSimplified(text: string): string {
  const tw = (twToSimplified ??= OpenCC.Converter({ from: 'twp', to: 'cn' }));
  const hk = (hkToSimplified ??= OpenCC.Converter({ from: 'hk', to: 'cn' }));
  return hk(tw(text));
}

/**
 * A test that is false for every text conversion to simplified leaves as it is: most messages are
 * simplified already, and converting them costs two dictionary passes for nothing (see
 * conversion-gate.ts).
 */
let conversionGate: ConversionGate | undefined;
export function mayChangeInConversion(text: string): boolean {
  return gate().mayChange(text);
}

function gate(): ConversionGate {
  return (conversionGate ??= new ConversionGate(loadGateData(toSimplified, toGenericTraditional)));
}

function countDifferences(a: string, b: string): number {
  if (a.length !== b.length) return Math.abs(a.length - b.length);
  let count = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && HAN.test(a[i]!)) count++;
  return count;
}

/**
 * The text in simplified characters, each unit where it was, so offsets stay the same: a phrase
 * conversion that changes length (記憶體 → 内存) gives way to a character-by-character one, and a
 * character that would expand stays as it is. Text that conversion leaves alone comes back as it is.
 */
export function simplifiedInPlace(text: string): string {
  if (!HAN.test(text) || !mayChangeInConversion(text)) return text;
  const converted = toSimplified(text);
  let simplified = converted.length === text.length ? converted : text.split('').map((c) => (HAN.test(c) ? toSimplified(c) : c)).join('');
  if (simplified.length !== text.length) return text; // a character expanded: keep the text
  // OpenCC's Taiwan/Hong Kong tables read a lone 么 as the variant 幺; in chat it is the question particle.
  if (simplified.includes('幺')) simplified = simplified.split('').map((c, i) => (c === '幺' && text[i] === '么' ? '么' : c)).join('');
  return simplified;
}

/**
 * Builds the normalised view of one message. Folding keeps one output unit per input unit, so
 * offsets map straight back; a phrase conversion that changes length (記憶體 → 内存) is replaced
 * by a character-by-character conversion so that the mapping stays exact.
 */
export function normalizeText(original: string): NormalizedText {
  const fold = (foldTable ??= buildFoldTable());
  // Most messages need little or no folding: the scan starts folding at the first unit that changes.
  let first = 0;
  while (first < original.length && fold[original.charCodeAt(first)] === original.charCodeAt(first)) first++;
  const unchanged = first === original.length;
  let foldedText = original;
  let positions: Int32Array | undefined;
  if (!unchanged) {
    if (unitBuffer.length < original.length) unitBuffer = new Uint16Array(original.length * 2);
    positions = new Int32Array(original.length + 1);
    let length = 0;
    for (let i = 0; i < original.length; i++) {
      const code = original.charCodeAt(i);
      const folded = i < first ? code : fold[code]!;
      if (folded === ZERO_WIDTH) continue;
      unitBuffer[length] = folded;
      positions[length++] = i;
    }
    foldedText = unitsToString(unitBuffer, length);
  }
  let text = foldedText;
  let traditionalChars = 0;
  const hasHan = HAN.test(foldedText);
  if (hasHan && mayChangeInConversion(foldedText)) {
    text = simplifiedInPlace(foldedText);
    traditionalChars = countDifferences(foldedText, text);
  }
  let toOriginal: Int32Array;
  if (positions) toOriginal = positions.length === text.length + 1 ? positions : positions.slice(0, text.length + 1);
  else {
    toOriginal = new Int32Array(text.length + 1);
    for (let i = 0; i < text.length; i++) toOriginal[i] = i;
  }
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
    this.simplified ??= this.hasHan ? gate().simplifiedOnly(this.folded) : 0;
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
