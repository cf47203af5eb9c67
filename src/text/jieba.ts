import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import type { Segmenter } from './segment.js';

const require = createRequire(import.meta.url);

interface JiebaModule {
  cut(text: string, hmm?: boolean): string[];
  insertWord(word: string): boolean;
  load(options?: Record<string, string>): void;
  extract(text: string, topN: number): Array<{ word: string; weight: number }>;
  tag(text: string): Array<{ word: string; tag: string }>;
  DEFAULT_DICT: string;
  DEFAULT_IDF_DICT: string;
  DEFAULT_STOP_WORD_DICT: string;
}

/**
 * Words rarer than this in jieba's dictionary are left to its HMM, which segments unknown words
 * well. The full dictionary (about 350,000 words) costs some 250 MB of memory and a second of
 * start-up in cppjieba's trie; the 80,000 words at or above this frequency cost about 60 MB and gave
 * the same findings on the whole development corpus.
 */
export const MIN_WORD_FREQUENCY = 20;

/** Where `npm run build` leaves the compact dictionaries (see scripts/build-dictionaries.mjs). */
export const BUILT_DICTIONARY_DIR = path.join(PACKAGE_ROOT, 'dist', 'jieba');

/** The dictionaries nodejs-jieba ships: words with frequencies, keyword IDF weights, stop words. */
export interface JiebaSources {
  dict: string;
  idf: string;
  stop: string;
}

/** Calls `keep(line)` for each line of a file, scanning in place so a large file is never split into an array. */
function filterLines(file: string, keep: (line: string) => boolean): string[] {
  const source = readFileSync(file, 'utf8');
  const kept: string[] = [];
  for (let start = 0; start < source.length; ) {
    const newline = source.indexOf('\n', start);
    const end = newline === -1 ? source.length : newline;
    const line = source.slice(start, end).replace(/\r$/, '');
    if (line !== '' && keep(line)) kept.push(line);
    start = end + 1;
  }
  return kept;
}

/**
 * Writes the compact dictionary (words at or above MIN_WORD_FREQUENCY), the keyword IDF weights of
 * those words, and the stop words into `dir`. Keyword extraction (report topics) weighs a word
 * missing from the IDF list at the list's median, so trimming the list to the kept words changes no
 * ranking among them.
 */
export function writeCompactDictionaries(dir: string, sources: JiebaSources): Record<string, string> {
  const words = new Set<string>();
  const dict = filterLines(sources.dict, (line) => {
    const [word, frequency] = line.split(' ');
    if (!word || Number(frequency) < MIN_WORD_FREQUENCY) return false;
    words.add(word);
    return true;
  });
  const idf = filterLines(sources.idf, (line) => words.has(line.slice(0, line.indexOf(' '))));
  mkdirSync(dir, { recursive: true });
  const files = dictionaryFiles(dir);
  writeFileSync(files.dict, `${dict.join('\n')}\n`);
  writeFileSync(files.idfDict, `${idf.join('\n')}\n`);
  writeFileSync(files.stopWordDict, readFileSync(sources.stop, 'utf8'));
  return files;
}

/** supportlint's own list of customer-service words that jieba should keep whole. */
export const SERVICE_WORDS_FILE = path.join(PACKAGE_ROOT, 'rules', 'dictionary', 'service-words.txt');

function serviceWords(): string[] {
  return readFileSync(SERVICE_WORDS_FILE, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function dictionaryFiles(dir: string): Record<string, string> {
  return { dict: path.join(dir, 'dict.utf8'), idfDict: path.join(dir, 'idf.utf8'), stopWordDict: path.join(dir, 'stop.utf8') };
}

/** The full dictionaries inside the nodejs-jieba package. */
export function jiebaSources(module: Pick<JiebaModule, 'DEFAULT_DICT' | 'DEFAULT_IDF_DICT' | 'DEFAULT_STOP_WORD_DICT'>): JiebaSources {
  return { dict: module.DEFAULT_DICT, idf: module.DEFAULT_IDF_DICT, stop: module.DEFAULT_STOP_WORD_DICT };
}

/** The built dictionaries, or, when the package was not built, ones written to a temporary folder. */
function compactDictionaries(module: JiebaModule): Record<string, string> {
  const built = dictionaryFiles(BUILT_DICTIONARY_DIR);
  if (Object.values(built).every((file) => existsSync(file))) return built;
  const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-jieba-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return writeCompactDictionaries(dir, jiebaSources(module));
}

let jieba: JiebaModule | undefined;
/** Words from configuration, added when jieba loads. */
const configuredWords: string[] = [];

/** The native module, its dictionaries not yet loaded; an error that says how to mend a failed install. */
function requireJieba(): JiebaModule {
  try {
    return require('nodejs-jieba') as JiebaModule;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(
      `nodejs-jieba could not be loaded (${reason}). Its native module is built at install time: ` +
        'run `npm ci` again, and check that package.json lists nodejs-jieba under "allowScripts".',
      { cause: error },
    );
  }
}

/**
 * Throws the install advice when jieba's native module cannot load. Its dictionaries (a third of a
 * second) still load on first use, which most runs never reach (see isNegatedAt).
 */
export function checkJiebaModule(): void {
  requireJieba();
}

function loadJieba(): JiebaModule {
  if (jieba) return jieba;
  const module = requireJieba();
  module.load(compactDictionaries(module));
  for (const word of serviceWords()) module.insertWord(word);
  for (const word of configuredWords) module.insertWord(word);
  jieba = module;
  return jieba;
}

/** jieba word segmentation, loaded on first use so that commands that need no tokens start fast. */
export const jiebaSegmenter: Segmenter = (text) => loadJieba().cut(text, true);

/** Adds brand and product words from configuration so they are not split apart; jieba itself loads on first use. */
export function addDictionaryWords(words: readonly string[]): void {
  for (const word of words) {
    if (!word.trim()) continue;
    configuredWords.push(word.trim());
    jieba?.insertWord(word.trim());
  }
}

/**
 * jieba's TF-IDF keywords of a text, best first. Stop words from jieba's list are already left out;
 * callers filter what is noise in their own domain.
 */
export function extractKeywords(text: string, topN: number): Array<{ word: string; weight: number }> {
  if (text.trim() === '') return [];
  return loadJieba().extract(text, topN);
}

/**
 * jieba's part-of-speech tag for a word when jieba keeps it whole: `nr` for person names, `ns`
 * places, `x` for words its dictionary does not hold (names it has never seen among them).
 * Undefined when jieba splits the word.
 */
export function partOfSpeech(word: string): string | undefined {
  const tagged = loadJieba().tag(word);
  return tagged.length === 1 && tagged[0]!.word === word ? tagged[0]!.tag : undefined;
}
