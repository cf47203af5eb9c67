import path from 'node:path';
import type { SourceLocation } from '../model/conversation.js';

/**
 * A file as CI tools name it: relative to the working folder, with forward slashes, because SARIF
 * URIs, GitHub annotations and JUnit reports are read on Linux runners and in browsers. A file
 * outside the folder (or standard input) keeps the name it was given.
 */
export function ciPath(file: string, cwd: string): string {
  if (file === '<stdin>' || file === '-') return '<stdin>';
  const rel = path.relative(cwd, path.resolve(cwd, file));
  const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  return (inside ? rel : file).split(path.sep).join('/');
}

export const isStdin = (file: string) => file === '<stdin>' || file === '-';

/**
 * The 1-based column where the offending message starts, when the reader knows it (canned-reply
 * libraries record one; transcripts do not). SourceLocation gains `column` with the replies reader;
 * reading it through this function keeps the formatters compiling before and after.
 */
export function locationColumn(location: SourceLocation): number | undefined {
  const column = (location as SourceLocation & { column?: unknown }).column;
  return typeof column === 'number' && Number.isInteger(column) && column >= 1 ? column : undefined;
}

/** A location as people read it in CI output: `path:line`, `path:line:column` or `path#record`. */
export function ciLocation(location: SourceLocation, cwd: string): string {
  const file = ciPath(location.file, cwd);
  if (location.line !== undefined) {
    const column = locationColumn(location);
    return `${file}:${location.line}${column === undefined ? '' : `:${column}`}`;
  }
  return location.record !== undefined ? `${file}#${location.record}` : file;
}
