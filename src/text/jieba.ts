import { createRequire } from 'node:module';
import type { Segmenter } from './segment.js';

const require = createRequire(import.meta.url);

interface JiebaModule {
  cut(text: string, hmm?: boolean): string[];
  insertWord(word: string): boolean;
  load(options?: Record<string, string>): void;
}

let jieba: JiebaModule | undefined;

function loadJieba(): JiebaModule {
  if (jieba) return jieba;
  try {
    jieba = require('nodejs-jieba') as JiebaModule;
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
