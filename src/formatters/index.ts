import type { Formatter } from './formatter.js';
import { githubFormatter } from './github.js';
import { jsonFormatter } from './json.js';
import { jsonlFormatter } from './jsonl.js';
import { junitFormatter } from './junit.js';
import { markdownFormatter } from './markdown.js';
import { sarifFormatter } from './sarif.js';
import { stylishFormatter } from './stylish.js';
import { csvFormatter } from './csv.js';
import { xlsxFormatter } from './xlsx.js';

/** Output formats by the name --format takes. Each call makes a fresh formatter for one run. */
export const FORMATTERS: Record<string, () => Formatter> = {
  stylish: stylishFormatter,
  json: jsonFormatter,
  jsonl: jsonlFormatter,
  sarif: sarifFormatter,
  junit: junitFormatter,
  github: () => githubFormatter(),
  markdown: markdownFormatter,
  csv: csvFormatter,
  xlsx: xlsxFormatter,
};

/** Formats whose output is bytes, not text: never written to a terminal. */
export const BINARY_FORMATS: ReadonlySet<string> = new Set(['xlsx']);
