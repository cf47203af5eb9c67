// Where a configuration file breaks, without its content. A file named in `extends` can be any
// file the CI user may read (extends: /etc/…, a secrets file): its lines must not reach a CI log,
// and parsers' messages quote them. Only the line, the column and the kind of error are told.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { jsonSyntaxError } from '../io/json-documents.js';

export interface SyntaxPosition {
  language: 'JSON' | 'YAML';
  line?: number;
  column?: number;
  kind: string;
}

/** The kinds of YAML error users meet, in words; others are named by the parser's code. */
const YAML_KINDS: Readonly<Record<string, string>> = {
  BAD_INDENT: '缩进不对',
  DUPLICATE_KEY: '同一层里有重复的键',
  MISSING_CHAR: '缺少字符（逗号、括号或引号）',
  BLOCK_IN_FLOW: '方括号或花括号里混入了缩进写法',
  MULTILINE_IMPLICIT_KEY: '键跨了多行',
  UNEXPECTED_TOKEN: '有不合语法的字符',
  BAD_SCALAR_START: '值以不能出现在开头的字符开始',
  TAB_AS_INDENT: '用了制表符缩进',
};

/** Line and column (both from 1) of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/**
 * The first syntax error of a configuration file, as its loader reads it (`.json` as JSON, the
 * rest as YAML); undefined when the file cannot be read or parses.
 */
export async function syntaxPosition(file: string): Promise<SyntaxPosition | undefined> {
  const raw = await readFile(file, 'utf8').catch(() => undefined);
  if (raw === undefined) return undefined;
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (path.extname(file).toLowerCase() === '.json') {
    try {
      JSON.parse(text);
      return undefined;
    } catch (error) {
      const { kind, position } = jsonSyntaxError(error);
      return { language: 'JSON', kind, ...(position === undefined ? {} : lineAndColumn(text, position)) };
    }
  }
  const error = parseDocument(text).errors[0];
  if (!error) return undefined;
  const at = error.linePos?.[0];
  return { language: 'YAML', kind: YAML_KINDS[error.code] ?? error.code, line: at?.line, column: at?.col };
}
