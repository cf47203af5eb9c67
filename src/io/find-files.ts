import fg from 'fast-glob';
import { realpathSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { t } from '../i18n/index.js';

/** File endings read when a folder is given. */
export const INPUT_EXTENSIONS = ['jsonl', 'ndjson', 'json', 'csv', 'tsv', 'txt', 'xlsx'];

export interface FoundFiles {
  files: string[];
  /** Arguments that matched nothing, with the reason. */
  missing: Array<{ pattern: string; reason: string }>;
}

/**
 * Expands command-line paths: files as given, folders recursively by known endings, and globs.
 * `-` stands for standard input and is passed through. Order is stable: as given, then sorted.
 */
export async function findInputFiles(patterns: readonly string[], options: { cwd: string; ignore: readonly string[]; extensions?: readonly string[] }): Promise<FoundFiles> {
  const extensions = options.extensions ?? INPUT_EXTENSIONS;
  const files: string[] = [];
  const missing: FoundFiles['missing'] = [];
  const isIgnored = options.ignore.length > 0 ? picomatch(options.ignore as string[], { dot: true }) : () => false;
  // The same file by another path (a link, a folder given twice) is read once.
  const seen = new Set<string>();
  const add = (file: string) => {
    const relative = path.relative(options.cwd, path.resolve(options.cwd, file)) || file;
    if (isIgnored(relative)) return;
    let real = relative;
    try {
      real = realpathSync(path.resolve(options.cwd, file));
    } catch {
      // A dangling link: reading it reports the problem.
    }
    if (seen.has(real)) return;
    seen.add(real);
    files.push(file);
  };
  for (const pattern of patterns) {
    if (pattern === '-') {
      files.push('-');
      continue;
    }
    const absolute = path.resolve(options.cwd, pattern);
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isFile()) {
      add(pattern);
      continue;
    }
    const glob = info?.isDirectory()
      ? `${fg.convertPathToPattern(pattern.replace(/\/+$/, ''))}/**/*.{${extensions.join(',')}}`
      : pattern;
    const matches = fg.isDynamicPattern(glob) || info?.isDirectory()
      ? (await fg(glob, { cwd: options.cwd, onlyFiles: true, dot: false, ignore: ['**/node_modules/**'], followSymbolicLinks: false })).sort()
      : [];
    if (matches.length === 0) {
      missing.push({
        pattern,
        reason: info?.isDirectory() ? t('input.emptyFolder', { extensions: extensions.map((e) => `.${e}`).join('/') }) : t('input.noMatch'),
      });
      continue;
    }
    matches.forEach(add);
  }
  return { files, missing };
}
