// Writes src/i18n/zh-Hant.ts from src/i18n/zh-Hans.ts with OpenCC (simplified to Taiwan traditional,
// with Taiwan phrasing: 文件夹 → 資料夾). Run it after changing zh-Hans.ts, then read the result:
// a phrase OpenCC renders badly is fixed in OVERRIDES below, not by hand in the output.
import { readFileSync, writeFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';

const root = new URL('../', import.meta.url);
const source = readFileSync(new URL('src/i18n/zh-Hans.ts', root), 'utf8');
const convert = OpenCC.Converter({ from: 'cn', to: 'twp' });

/** Words OpenCC renders in a form Taiwan does not write. */
const PHRASES = [['合並', '合併'], ['查詢 .supportlintrc', '尋找 .supportlintrc']];

/** Keys whose Taiwan wording OpenCC does not produce. */
const OVERRIDES = { 'help.globalOptions': '全域選項：' };

const body = source.slice(source.indexOf('export const zhHans = {') + 'export const zhHans = {'.length, source.indexOf('} as const;'));
const lines = body.split('\n').map((line) => {
  const entry = /^(\s*)'([\w.]+)': (.*),$/.exec(line);
  if (!entry) return line.trim().startsWith('//') || line.trim() === '' ? line : line;
  const [, indent, key, value] = entry;
  if (key in OVERRIDES) return `${indent}'${key}': '${OVERRIDES[key].replace(/'/g, "\\'")}',`;
  return `${indent}'${key}': ${PHRASES.reduce((text, [from, to]) => text.split(from).join(to), convert(value))},`;
});
const out = `import type { MessageKey } from './zh-Hans.js';

/**
 * What supportlint says with \`--locale zh-Hant\`: the same keys as zh-Hans.ts. Written by
 * scripts/build-zh-hant.mjs from zh-Hans.ts (OpenCC, Taiwan phrasing); run it after changing zh-Hans.ts.
 */
export const zhHant = {${lines.filter((line) => !line.trim().startsWith('//')).join('\n')}} as const satisfies Record<MessageKey, string>;
`;
writeFileSync(new URL('src/i18n/zh-Hant.ts', root), out);
