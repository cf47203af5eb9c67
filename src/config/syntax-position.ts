// Where a configuration file breaks, without its content. A file named in `extends` can be any
// file the CI user may read (extends: /etc/…, a secrets file): its lines must not reach a CI log,
// and parsers' messages quote them. Only the line, the column and the kind of error are told.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { jsonSyntaxError } from '../io/json-documents.js';
import { yamlErrorKind } from '../io/yaml-errors.js';

export interface SyntaxPosition {
  language: 'JSON' | 'YAML';
  line?: number;
  column?: number;
  kind: string;
}

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
  return { language: 'YAML', kind: yamlErrorKind(error.code), line: at?.line, column: at?.col };
}
