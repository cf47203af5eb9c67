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
  DEFAULT_DICT: string;
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

/**
 * Writes the compact dictionary, and one-line keyword (IDF) and stop-word files that linting does
 * not use, into `dir`. Lines are scanned in place so the 5 MB source is never split into an array.
 */
export function writeCompactDictionaries(dir: string, fullDictionary: string): Record<string, string> {
  const source = readFileSync(fullDictionary, 'utf8');
  const kept: string[] = [];
  for (let start = 0; start < source.length; ) {
    const end = source.indexOf('\n', start) === -1 ? source.length : source.indexOf('\n', start);
    const firstSpace = source.indexOf(' ', start);
    const secondSpace = source.indexOf(' ', firstSpace + 1);
    if (firstSpace > start && firstSpace < end && Number(source.slice(firstSpace + 1, secondSpace > 0 && secondSpace < end ? secondSpace : end)) >= MIN_WORD_FREQUENCY) {
      kept.push(source.slice(start, end));
    }
    start = end + 1;
  }
  mkdirSync(dir, { recursive: true });
  const files = dictionaryFiles(dir);
  writeFileSync(files.dict, `${kept.join('\n')}\n`);
  writeFileSync(files.idfDict, '的 1.0\n');
  writeFileSync(files.stopWordDict, '的\n');
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

/** The built dictionaries, or, when the package was not built, ones written to a temporary folder. */
function compactDictionaries(module: JiebaModule): Record<string, string> {
  const built = dictionaryFiles(BUILT_DICTIONARY_DIR);
  if (Object.values(built).every((file) => existsSync(file))) return built;
  const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-jieba-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return writeCompactDictionaries(dir, module.DEFAULT_DICT);
}

let jieba: JiebaModule | undefined;

function loadJieba(): JiebaModule {
  if (jieba) return jieba;
  try {
    const module = require('nodejs-jieba') as JiebaModule;
    module.load(compactDictionaries(module));
    for (const word of serviceWords()) module.insertWord(word);
    jieba = module;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(
      `nodejs-jieba could not be loaded (${reason}). Its native module is built at install time: ` +
        'run `npm ci` again, and check that package.json lists nodejs-jieba under "allowScripts".',
    );
  }
  return jieba;
}

/** jieba word segmentation, loaded on first use so that commands that need no tokens start fast. */
export const jiebaSegmenter: Segmenter = (text) => loadJieba().cut(text, true);

/** Adds brand and product words from configuration so they are not split apart. */
export function addDictionaryWords(words: readonly string[]): void {
  const module = loadJieba();
  for (const word of words) if (word.trim()) module.insertWord(word.trim());
}
