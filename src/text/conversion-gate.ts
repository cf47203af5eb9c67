import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as OpenCC from 'opencc-js';
import { PACKAGE_ROOT } from '../package-root.js';

/**
 * What the conversion to simplified can change: the characters it changes on their own, and the
 * dictionary phrases made only of characters it leaves alone whose conversion changes them (a
 * Taiwan term written in characters both scripts share, 滑鼠 → 鼠标). 么 stays out: normalizeText
 * puts it back after conversion, so a phrase such as 什么 changes nothing.
 */
export interface GateData {
  chars: string[];
  phrases: string[];
  /**
   * Han characters of the Basic Multilingual Plane that conversion to traditional changes: the
   * simplified-only characters, counted to weigh a conversation's script (see detectScript).
   */
  simplifiedOnly: string[];
}

type Dict = string | ReadonlyArray<readonly [string, string]>;
interface ConversionConfig {
  normalizationChain?: ReadonlyArray<readonly Dict[]>;
  conversionChain: ReadonlyArray<readonly Dict[]>;
}

function dictKeys(dict: Dict): string[] {
  return typeof dict === 'string' ? dict.split('|').map((pair) => pair.slice(0, pair.indexOf(' '))) : dict.map(([key]) => key);
}

type Convert = (text: string) => string;

/** The Han characters conversion to traditional changes, one at a time. */
function simplifiedOnlyChars(toTraditional: Convert): string[] {
  const chars: string[] = [];
  for (let code = 0x3400; code <= 0xfaff; code++) {
    if (code > 0x9fff && code < 0xf900) continue;
    const char = String.fromCharCode(code);
    if (toTraditional(char) !== char) chars.push(char);
  }
  return chars;
}

/** Computes the gate from the OpenCC dictionaries behind Converter({ from: 'twp' | 'hk', to: 'cn' }). */
export function computeGateData(toSimplified: Convert, toTraditional: Convert): GateData {
  const configs = OpenCC.Locale.configs as unknown as Record<string, ConversionConfig>;
  const keys = new Set<string>();
  for (const name of ['tw2sp', 'hk2s']) {
    const config = configs[name]!;
    for (const group of [...(config.normalizationChain ?? []), ...config.conversionChain]) for (const dict of group) for (const key of dictKeys(dict)) keys.add(key);
  }
  const changed = new Set<string>();
  for (const key of keys) if ([...key].length === 1 && key !== '么' && toSimplified(key) !== key) changed.add(key);
  const phrases: string[] = [];
  for (const key of keys) {
    const chars = [...key];
    if (chars.length < 2 || chars.some((char) => changed.has(char))) continue;
    const converted = toSimplified(key);
    // 幺 read back as 么 where the text had 么, as normalizeText does.
    const repaired = [...converted].map((c, i) => (c === '幺' && chars[i] === '么' ? '么' : c)).join('');
    if (repaired !== key) phrases.push(key);
  }
  return { chars: [...changed].sort(), phrases: phrases.sort(), simplifiedOnly: simplifiedOnlyChars(toTraditional) };
}

/**
 * The gate as `npm run build` computed it (scripts/build-dictionaries.mjs), for the installed
 * version of opencc-js: computing it costs a tenth of a second in every thread.
 */
export const BUILT_GATE_FILE = path.join(PACKAGE_ROOT, 'dist', 'conversion-gate.json');

/** The installed opencc-js version, read from its package.json (which its exports do not expose). */
function openccVersion(): string {
  try {
    let dir = path.dirname(createRequire(import.meta.url).resolve('opencc-js'));
    for (let up = 0; up < 5; up++, dir = path.dirname(dir)) {
      try {
        const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (manifest.name === 'opencc-js' && manifest.version) return manifest.version;
      } catch {
        // not here: one folder up
      }
    }
  } catch {
    // not resolvable: the gate is computed
  }
  return 'unknown';
}

export function writeGateData(toSimplified: Convert, toTraditional: Convert, file = BUILT_GATE_FILE): GateData {
  const data = computeGateData(toSimplified, toTraditional);
  writeFileSync(file, JSON.stringify({ opencc: openccVersion(), ...data }));
  return data;
}

export function loadGateData(toSimplified: Convert, toTraditional: Convert, file = BUILT_GATE_FILE): GateData {
  try {
    const built = JSON.parse(readFileSync(file, 'utf8')) as Partial<GateData> & { opencc?: string };
    if (built.opencc !== 'unknown' && built.opencc === openccVersion() && Array.isArray(built.chars) && Array.isArray(built.phrases) && Array.isArray(built.simplifiedOnly)) {
      return { chars: built.chars, phrases: built.phrases, simplifiedOnly: built.simplifiedOnly };
    }
  } catch {
    // Not built, or unreadable: computed here.
  }
  return computeGateData(toSimplified, toTraditional);
}

const CHANGED = 1;
const PHRASE_START = 2;
const SIMPLIFIED_ONLY = 4;

/** The gate compiled for a scan: a flag per BMP code unit, sets for the rest. */
export class ConversionGate {
  private readonly flags = new Uint8Array(0x10000);
  private readonly astral = new Set<string>();
  private readonly phrasesByFirst = new Map<string, string[]>();

  constructor(data: GateData) {
    for (const char of data.chars) {
      if (char.length === 1) this.flags[char.charCodeAt(0)]! |= CHANGED;
      else this.astral.add(char);
    }
    for (const char of data.simplifiedOnly) this.flags[char.charCodeAt(0)]! |= SIMPLIFIED_ONLY;
    for (const phrase of data.phrases) {
      const first = String.fromCodePoint(phrase.codePointAt(0)!);
      if (first.length === 1) this.flags[first.charCodeAt(0)]! |= PHRASE_START;
      const list = this.phrasesByFirst.get(first);
      if (list) list.push(phrase);
      else this.phrasesByFirst.set(first, [phrase]);
    }
  }

  /** How many characters of a text conversion to traditional changes. */
  simplifiedOnly(text: string): number {
    const { flags } = this;
    let count = 0;
    for (let i = 0; i < text.length; i++) if (flags[text.charCodeAt(i)]! & SIMPLIFIED_ONLY) count++;
    return count;
  }

  /** False for every text that conversion to simplified leaves as it is. */
  mayChange(text: string): boolean {
    const { flags } = this;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff) {
        const char = text.slice(i, i + 2);
        if (this.astral.has(char) || this.phraseAt(text, i, char)) return true;
        i++;
        continue;
      }
      const flag = flags[code]! & (CHANGED | PHRASE_START);
      if (flag === 0) continue;
      if (flag & CHANGED) return true;
      if (this.phraseAt(text, i, text[i]!)) return true;
    }
    return false;
  }

  private phraseAt(text: string, at: number, first: string): boolean {
    const phrases = this.phrasesByFirst.get(first);
    return phrases !== undefined && phrases.some((phrase) => text.startsWith(phrase, at));
  }
}
