// Writes the compact jieba dictionaries into dist/jieba/ after the TypeScript build, so that
// supportlint loads a small, ready file at start-up (see MIN_WORD_FREQUENCY in src/text/jieba.ts).
import { createRequire } from 'node:module';
import { BUILT_DICTIONARY_DIR, jiebaSources, writeCompactDictionaries } from '../dist/src/text/jieba.js';

const require = createRequire(import.meta.url);
const files = writeCompactDictionaries(BUILT_DICTIONARY_DIR, jiebaSources(require('nodejs-jieba')));
console.log(`supportlint: wrote ${files.dict}`);
