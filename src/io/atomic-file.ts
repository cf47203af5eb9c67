import { createWriteStream, lstatSync, readlinkSync, realpathSync, statSync, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { forgetTemporary, removeOnExit } from './temp-cleanup.js';

/** The file a path finally writes to: a symbolic link is followed, so the link itself stays. */
export function finalTarget(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    const dangling = danglingTarget(file);
    if (dangling !== undefined) return dangling;
    try {
      return path.join(realpathSync(path.dirname(file)), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}

/** Where a link that leads to nothing points: its links followed one by one, as far as they go (40 at most, as the kernel does). */
function danglingTarget(file: string): string | undefined {
  let current = path.resolve(file);
  for (let hop = 0; hop < 40; hop++) {
    let next;
    try {
      next = readlinkSync(current);
    } catch {
      break;
    }
    current = path.resolve(path.dirname(current), next);
  }
  return current === path.resolve(file) ? undefined : current;
}

/** Whether two paths name the same file: the same device and inode, or the same real path. */
export function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return finalTarget(a) === finalTarget(b);
  }
}

/**
 * An output path that is a symbolic link to a file. supportlint runs on checkouts a pull request's
 * author controls: a link committed as `report.sarif` could point at any file the CI user may write.
 */
export class OutputLinkError extends Error {
  constructor(
    readonly file: string,
    readonly target: string,
  ) {
    super(`${file} → ${target}`);
  }
}

/**
 * Refuses a path that is a symbolic link to a file, or to a place where none exists yet. A link to
 * a device or a pipe (/dev/stdout, a FIFO) is written to as it is.
 */
function refuseLinkedFile(file: string): void {
  let link;
  try {
    link = lstatSync(file);
  } catch {
    return; // nothing there yet: a new file is made
  }
  if (!link.isSymbolicLink()) return;
  const target = finalTarget(file);
  let stat;
  try {
    stat = statSync(target);
  } catch {
    throw new OutputLinkError(file, target);
  }
  if (stat.isFile() || stat.isDirectory()) throw new OutputLinkError(file, target);
}

/**
 * The first folder on the way to `file` that is a symbolic link leading somewhere other than the
 * working folder's own ancestors. A checkout a pull request controls can commit `reports` as a
 * link to anywhere, and the run may start in a subfolder (`../reports/x.json`) or be given an
 * absolute path through such a link. Links at the top of the file system (`/tmp` on macOS) are
 * the system's, not a checkout's, and links to the working folder or above it (`/proc/self/cwd`)
 * lead nowhere new.
 */
export function linkedFolderWithin(file: string, cwd: string): { folder: string; target: string } | undefined {
  const root = path.resolve(cwd);
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    realRoot = root;
  }
  const folder = path.dirname(path.resolve(root, file));
  const { root: top } = path.parse(folder);
  const parts = folder.slice(top.length).split(path.sep).filter(Boolean);
  let current = top;
  for (const [depth, part] of parts.entries()) {
    current = path.join(current, part);
    let stat;
    try {
      stat = lstatSync(current);
    } catch {
      return undefined; // not there yet: nothing further on can be a link
    }
    if (!stat.isSymbolicLink() || depth === 0) continue;
    const target = finalTarget(current);
    const towardsWorkingFolder = realRoot === target || realRoot.startsWith(target.endsWith(path.sep) ? target : target + path.sep);
    if (!towardsWorkingFolder) return { folder: path.relative(root, current) || current, target };
  }
  return undefined;
}

export interface AtomicFile {
  readonly stream: WriteStream;
  /** Renames the finished temporary file onto the target. Call after the stream has finished. */
  commit(): Promise<void>;
  /** Removes the temporary file; the target is left as it was. */
  abort(): Promise<void>;
}

/**
 * Writes a file as a whole or not at all: the text goes to a temporary file in the same folder,
 * which is renamed onto the target once complete. A run that fails or is interrupted leaves the
 * target as it was, and no temporary file behind.
 */
export function openAtomicFile(file: string, options: { mode?: number; cwd?: string } = {}): AtomicFile {
  refuseLinkedFile(file);
  const linked = options.cwd === undefined ? undefined : linkedFolderWithin(file, options.cwd);
  if (linked) throw new OutputLinkError(linked.folder, linked.target);
  const target = finalTarget(file);
  // A device or a pipe (-o /dev/null, a FIFO) is written to as it is: renaming a file onto it
  // would replace the device for everyone after this run.
  const existing = (() => {
    try {
      return statSync(target);
    } catch {
      return undefined;
    }
  })();
  if (existing && !existing.isFile() && !existing.isDirectory()) {
    const stream = createWriteStream(target, { flags: 'w' });
    return { stream, commit: async () => {}, abort: async () => void stream.destroy() };
  }
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // An interrupted run (SIGINT/SIGTERM) leaves no temporary file behind.
  removeOnExit(temp);
  // A file written over keeps its permissions: a report of customer data kept private (600) stays so.
  const mode = options.mode ?? (existing?.isFile() ? existing.mode & 0o777 : undefined);
  const stream = createWriteStream(temp, { flags: 'wx', ...(mode === undefined ? {} : { mode }) });
  return {
    stream,
    async commit() {
      await rename(temp, target);
      forgetTemporary(temp);
    },
    async abort() {
      stream.destroy();
      await rm(temp, { force: true });
      forgetTemporary(temp);
    },
  };
}

/**
 * Writes a whole text (or bytes) at once, through a temporary file, so the target is never left
 * half written. `mode` sets the permissions of the new file, e.g. those of the file it replaces.
 */
export async function writeFileAtomic(file: string, text: string | Uint8Array, options: { mode?: number; cwd?: string } = {}): Promise<void> {
  const atomic = openAtomicFile(file, options);
  try {
    await new Promise<void>((resolve, reject) => {
      atomic.stream.once('error', reject);
      atomic.stream.end(text, () => resolve());
    });
    await atomic.commit();
  } catch (error) {
    await atomic.abort();
    throw error;
  }
}
