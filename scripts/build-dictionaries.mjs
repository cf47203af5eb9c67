// Writes the compact jieba dictionaries into dist/jieba/ after the TypeScript build, so that
// supportlint loads a small, ready file at start-up (see MIN_WORD_FREQUENCY in src/text/jieba.ts),
// and the shipped phrase lists, parsed and spec-checked, into dist/lexicons.json (see
// BUILT_LEXICON_CACHE in src/lexicon/load.ts), and what conversion to simplified can change into
// dist/conversion-gate.json (see src/text/conversion-gate.ts). A list whose specs fail fails the build.
import { createRequire } from 'node:module';
import { BUILT_DICTIONARY_DIR, jiebaSources, writeCompactDictionaries } from '../dist/src/text/jieba.js';
import { BUILT_LEXICON_CACHE, writeLexiconCache } from '../dist/src/lexicon/load.js';
import { BUILT_GATE_FILE, writeGateData } from '../dist/src/text/conversion-gate.js';
import * as OpenCC from 'opencc-js';
import { toSimplified } from '../dist/src/text/normalize.js';

const require = createRequire(import.meta.url);
const files = writeCompactDictionaries(BUILT_DICTIONARY_DIR, jiebaSources(require('nodejs-jieba')));
console.log(`supportlint: wrote ${files.dict}`);
const lists = writeLexiconCache();
console.log(`supportlint: wrote ${BUILT_LEXICON_CACHE} (${lists} phrase lists)`);
const gate = writeGateData(toSimplified, OpenCC.Converter({ from: 'cn', to: 't' }));
console.log(`supportlint: wrote ${BUILT_GATE_FILE} (${gate.chars.length} characters and ${gate.phrases.length} phrases to convert, ${gate.simplifiedOnly.length} simplified-only)`);
