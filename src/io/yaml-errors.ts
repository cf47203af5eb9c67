// The YAML parser's errors, told in words. Its own messages are English and quote the lines around
// the error; users get the kind of error (and its code, to search for) and where it is.

import type { YAMLError } from 'yaml';
import { t } from '../i18n/index.js';
import type { MessageKey } from '../i18n/zh-Hans.js';

/** Every error code of the yaml package (its `ErrorCode`); the catalogues say each in words (`yaml.<code>`). */
const CODES: ReadonlySet<string> = new Set(['ALIAS_PROPS', 'BAD_ALIAS', 'BAD_DIRECTIVE', 'BAD_DQ_ESCAPE', 'BAD_INDENT', 'BAD_PROP_ORDER', 'BAD_SCALAR_START', 'BLOCK_AS_IMPLICIT_KEY', 'BLOCK_IN_FLOW', 'DUPLICATE_KEY', 'IMPOSSIBLE', 'MISSING_CHAR', 'MULTILINE_IMPLICIT_KEY', 'MULTIPLE_ANCHORS', 'MULTIPLE_DOCS', 'MULTIPLE_TAGS', 'NON_STRING_KEY', 'RESOURCE_EXHAUSTION', 'TAB_AS_INDENT', 'TAG_RESOLVE_FAILED', 'UNEXPECTED_TOKEN', 'BAD_COLLECTION_TYPE']);

/** The kind of a YAML error in words, with its code: "缩进不对（BAD_INDENT）". */
export function yamlErrorKind(code: string): string {
  return CODES.has(code) ? t('yaml.kind', { kind: t(`yaml.${code}` as MessageKey), code }) : code;
}

/** Where a YAML error is, from 1, when the parser knows. */
export function yamlErrorLine(error: Pick<YAMLError, 'linePos'>): { line: number; column: number } | undefined {
  const at = error.linePos?.[0];
  return at ? { line: at.line, column: at.col } : undefined;
}
