import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { t } from '../i18n/index.js';
import { ConfigError } from './resolve.js';

/**
 * A configuration file larger than this is refused before it is read. A real one is a few
 * kilobytes; the limit keeps a file made huge (or a link to one) from filling memory.
 */
export const MAX_CONFIG_FILE_BYTES = 1024 * 1024;

/**
 * Refuses a configuration file that is not a regular file (a FIFO, which would wait for a writer
 * for ever; a device such as /dev/zero, which never ends) or that is larger than
 * MAX_CONFIG_FILE_BYTES, before cosmiconfig reads it. It is opened without blocking and checked on
 * the open handle, so a link is judged by what it points at. A missing file is left for the reader
 * to report; `missingIsFine` also passes over folders and files that cannot be opened, as the
 * configuration search does.
 */
export async function assertConfigFileReadable(file: string, shownAs: string, missingIsFine = false): Promise<void> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || (missingIsFine && (code === 'EISDIR' || code === 'ENOTDIR' || code === 'EACCES'))) return;
    throw error;
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory() && missingIsFine) return;
    if (info.isDirectory()) throw new ConfigError(t('config.isFolder', { file: shownAs }));
    if (!info.isFile()) throw new ConfigError(t('config.notARegularFile', { file: shownAs }));
    if (info.size > MAX_CONFIG_FILE_BYTES) throw new ConfigError(t('config.tooLarge', { file: shownAs, size: Math.ceil(info.size / 1024).toLocaleString('en-US'), max: MAX_CONFIG_FILE_BYTES / 1024 }));
  } finally {
    await handle.close();
  }
}

/**
 * Checks every file the configuration search could read (see assertConfigFileReadable): the
 * search places of each folder searchFolders names.
 */
export async function assertSearchPlacesReadable(cwd: string, searchPlaces: readonly string[]): Promise<void> {
  for (const dir of await searchFolders(cwd)) {
    for (const place of searchPlaces) await assertConfigFileReadable(path.join(dir, place), path.join(dir, place), true);
  }
}

/** What marks the root of a project: the configuration search stops in the folder that holds one. */
const PROJECT_ROOT_MARKERS = ['package.json', 'package.yaml', '.git'];

/**
 * The folders the configuration search looks in, nearest first: from `cwd` up to the project root,
 * the first folder that holds a package.json, a package.yaml or a .git (a repository's root), else
 * up to the file system's root. A configuration above a repository (in /tmp, in a home folder on a
 * shared machine) never gates the checkouts below it.
 */
export async function searchFolders(cwd: string): Promise<string[]> {
  const folders: string[] = [];
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    folders.push(dir);
    const markers = await Promise.all(PROJECT_ROOT_MARKERS.map((name) => stat(path.join(dir, name)).then(() => true, () => false)));
    if (markers.some(Boolean) || path.dirname(dir) === dir) return folders;
  }
}
