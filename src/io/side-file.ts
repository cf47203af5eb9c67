import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { t } from '../i18n/index.js';

/**
 * A file a run reads beside its inputs (a baseline, a waivers file, a label set) that is not a
 * regular file, or is larger than the limit for its kind. The message says which and what to do.
 */
export class SideFileError extends Error {}

/**
 * Reads a baseline, waivers or labels file as UTF-8 text. It is opened without blocking and
 * judged on the open handle, so that a FIFO (which would wait for a writer for ever) or a device
 * such as /dev/zero (which never ends), or a link to one, is refused before anything is read, as
 * is a file larger than `maxBytes`. Errors from opening (ENOENT, EISDIR) are thrown as they are.
 */
export async function readSideFile(file: string, shownAs: string, maxBytes: number): Promise<string> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw Object.assign(new Error(`EISDIR: ${shownAs}`), { code: 'EISDIR' });
    if (!info.isFile()) throw new SideFileError(t('io.sideFileNotRegular', { file: shownAs }));
    if (info.size > maxBytes) throw new SideFileError(t('io.sideFileTooLarge', { file: shownAs, size: Math.ceil(info.size / 2 ** 20), max: Math.floor(maxBytes / 2 ** 20) }));
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}
