import fg from 'fast-glob';
import { realpathSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { t } from '../i18n/index.js';
import { append } from '../arrays.js';

/** File endings read when a folder is given. */
export const INPUT_EXTENSIONS = ['jsonl', 'ndjson', 'json', 'csv', 'tsv', 'txt', 'xlsx'];

/**
 * A glob may stand for at most this many patterns once its braces are expanded. fast-glob expands
 * braces into a list of patterns before it looks at a single file, so `{a,b}` twenty times over
 * (a million patterns) or `{1..100000}` would use up memory or time before anything is read.
 * Twelve months of 31 days (`2026-{01..12}-{01..31}.csv`) is 372.
 */
export const MAX_GLOB_EXPANSION = 1024;

/** A command-line glob that is refused before it is expanded. */
export class GlobPatternError extends Error {}

/** A pattern as a message quotes it: a pattern thousands of characters long is cut short. */
function quoted(pattern: string): string {
  return pattern.length > 80 ? `${pattern.slice(0, 80)}…（共 ${pattern.length} 个字符）` : pattern;
}

/** How many patterns a brace range stands for: `1..100`, `01..12..2`, `a..z`; undefined when it is no range. */
function rangeSize(body: string): number | undefined {
  const numeric = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(body);
  if (numeric) {
    const step = Math.abs(Number(numeric[3] ?? 1)) || 1;
    return Math.floor(Math.abs(Number(numeric[2]) - Number(numeric[1])) / step) + 1;
  }
  const letters = /^([a-zA-Z])\.\.([a-zA-Z])(?:\.\.(-?\d+))?$/.exec(body);
  if (letters) {
    const step = Math.abs(Number(letters[3] ?? 1)) || 1;
    return Math.floor(Math.abs(letters[2]!.charCodeAt(0) - letters[1]!.charCodeAt(0)) / step) + 1;
  }
  return undefined;
}

/**
 * How many patterns a glob's braces expand to, counted without expanding them: alternatives
 * (`{a,b}`) add up, groups in a row multiply, and ranges count their steps. A backslash escapes
 * the next character. Iterative, so that deep nesting cannot exhaust the stack; it may count high
 * for an unbalanced brace, which only makes it refuse earlier.
 */
export function braceExpansionSize(pattern: string): number {
  const frames: Array<{ start: number; sum: number; product: number; alternatives: boolean }> = [{ start: -1, sum: 0, product: 1, alternatives: false }];
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') i++;
    else if (char === '{') frames.push({ start: i, sum: 0, product: 1, alternatives: false });
    else if (char === ',' && frames.length > 1) {
      const frame = frames[frames.length - 1]!;
      frame.sum += frame.product;
      frame.product = 1;
      frame.alternatives = true;
    } else if (char === '}' && frames.length > 1) {
      const frame = frames.pop()!;
      const size = frame.alternatives ? frame.sum + frame.product : (rangeSize(pattern.slice(frame.start + 1, i)) ?? frame.product);
      frames[frames.length - 1]!.product *= size;
    }
  }
  while (frames.length > 1) {
    const frame = frames.pop()!;
    frames[frames.length - 1]!.product *= frame.sum + frame.product;
  }
  return frames[0]!.product;
}

export interface FoundFiles {
  files: string[];
  /** Arguments that matched nothing, with the reason. */
  missing: Array<{ pattern: string; reason: string }>;
  /** Symbolic links a folder or glob matched and did not follow: not read, and said so. */
  links: string[];
}

/**
 * Expands command-line paths: files as given, folders recursively by known endings, and globs.
 * `-` stands for standard input and is passed through, once. Order is stable: as given, then sorted.
 */
export async function findInputFiles(patterns: readonly string[], options: { cwd: string; ignore: readonly string[]; extensions?: readonly string[] }): Promise<FoundFiles> {
  const extensions = options.extensions ?? INPUT_EXTENSIONS;
  const files: string[] = [];
  const missing: FoundFiles['missing'] = [];
  const links: string[] = [];
  const isIgnored = options.ignore.length > 0 ? picomatch(options.ignore as string[], { dot: true }) : () => false;
  // The same file by another path (a link, a folder given twice) is read once.
  const seen = new Set<string>();
  /** Adds a file unless `ignore` hides it; false when it does. */
  const add = (file: string): boolean => {
    const relative = path.relative(options.cwd, path.resolve(options.cwd, file)) || file;
    if (isIgnored(relative)) return false;
    let real = relative;
    try {
      real = realpathSync(path.resolve(options.cwd, file));
    } catch {
      // A dangling link: reading it reports the problem.
    }
    if (seen.has(real)) return true;
    seen.add(real);
    files.push(file);
    return true;
  };
  // As in ESLint, a path or glob whose every match the configuration ignores is a mistake to report.
  const allIgnored = (pattern: string) => missing.push({ pattern, reason: t('input.allIgnored', { patterns: options.ignore.map((p) => `"${quoted(p)}"`).join('、') }) });
  for (const pattern of patterns) {
    if (pattern === '-') {
      // Standard input can be read once: a second `-` is dropped, as a file given twice is.
      if (!seen.has('-')) files.push('-');
      seen.add('-');
      continue;
    }
    const absolute = path.resolve(options.cwd, pattern);
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isFile()) {
      if (!add(pattern)) allIgnored(pattern);
      continue;
    }
    // A pipe, a device or a socket (`<(zcat …)`, /dev/fd/63) exists, but is no file to read twice.
    if (info && !info.isDirectory()) {
      missing.push({ pattern, reason: t('input.notRegular') });
      continue;
    }
    if (!info && fg.isDynamicPattern(pattern)) {
      const size = braceExpansionSize(pattern);
      if (size > MAX_GLOB_EXPANSION) {
        throw new GlobPatternError(
          `通配符 ${quoted(pattern)} 的花括号展开后有 ${Number.isFinite(size) ? size.toLocaleString('en-US') : '无数'} 个模式，超过上限 ${MAX_GLOB_EXPANSION}，没有展开。` +
            '请缩小 {1..N} 的范围、减少连写的 {a,b}，或者改为给出文件夹或 *（例如 exports/*.csv）。',
        );
      }
    }
    const glob = info?.isDirectory()
      ? `${fg.convertPathToPattern(pattern.replace(/\/+$/, ''))}/**/*.{${extensions.join(',')}}`
      : pattern;
    let matches: string[] = [];
    if (fg.isDynamicPattern(glob) || info?.isDirectory()) {
      try {
        const entries = await fg(glob, { cwd: options.cwd, onlyFiles: false, dot: false, ignore: ['**/node_modules/**'], followSymbolicLinks: false, objectMode: true });
        matches = entries.filter((entry) => entry.dirent.isFile()).map((entry) => entry.path).sort();
        // A link a pull request commits could lead anywhere the CI user can read: it is not
        // followed, but it is reported, so that a run does not pass on a file it never read.
        append(links, entries.filter((entry) => entry.dirent.isSymbolicLink() && !isIgnored(entry.path)).map((entry) => entry.path).sort());
      } catch (error) {
        // fast-glob refuses a pattern over its length limits; the file system, a path too long.
        throw new GlobPatternError(`通配符 ${quoted(pattern)} 无法展开（${(error as Error).message}）。请改为给出文件夹，或更短的通配符（例如 exports/*.csv）。`);
      }
    }
    if (matches.length === 0) {
      missing.push({
        pattern,
        reason: info?.isDirectory() ? t('input.emptyFolder', { extensions: extensions.map((e) => `.${e}`).join('/') }) : t('input.noMatch'),
      });
      continue;
    }
    if (!matches.map(add).includes(true)) allIgnored(pattern);
  }
  return { files, missing, links };
}
