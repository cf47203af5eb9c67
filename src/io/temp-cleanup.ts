import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';

/** Temporary files and folders this process made and has not removed yet. */
const pending = new Set<string>();
let installed = false;

function removePending(): void {
  for (const file of pending) {
    try {
      rmSync(file, { recursive: true, force: true });
    } catch {
      // Best effort: the process is ending.
    }
  }
  pending.clear();
}

/**
 * On exit, and on SIGINT/SIGTERM/SIGHUP, the pending temporary files are removed. A signal then
 * ends the process as the signal would have (the handler is removed and the signal raised again).
 */
function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', removePending);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      removePending();
      process.off(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

/** Removes this file or folder when the process ends, however it ends short of SIGKILL. */
export function removeOnExit(file: string): void {
  install();
  pending.add(file);
}

/** The file was removed or renamed into place: nothing to clean up any more. */
export function forgetTemporary(file: string): void {
  pending.delete(file);
}

const RUN_FOLDER_PREFIX = 'supportlint-run-';
/** Which process made a run's folder: its pid and the machine's name. */
const OWNER_FILE = 'owner';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the run folders in `dir` whose process ended without removing them: killed (SIGKILL, the
 * kernel's out-of-memory killer) or stopped by a fatal error of the engine, which run no handler. A
 * copy of standard input, every customer message, would stay there otherwise. Only folders of this
 * machine whose process is gone are removed; one without an owner is left alone.
 */
export function sweepAbandonedFolders(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.startsWith(RUN_FOLDER_PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    try {
      const [pid, host] = readFileSync(path.join(dir, name, OWNER_FILE), 'utf8').trim().split(' ');
      if (host === hostname() && /^\d+$/.test(pid ?? '') && Number(pid) !== process.pid && !isRunning(Number(pid))) rmSync(path.join(dir, name), { recursive: true, force: true });
    } catch {
      // No owner to read, or not ours to remove: left as it is.
    }
  }
}

/**
 * Gives this run a temporary folder of its own, as TMPDIR for everything it starts, and removes it
 * when the run ends, on a signal too. Libraries put temporary files where the operating system's
 * folder is (exceljs puts the worksheets of a workbook it cannot read in order there, with the
 * customers' messages in them) and remove them only on a normal exit of the thread that made them:
 * a lint thread that is stopped, or a signal, left them behind. Threads started afterwards inherit
 * the folder. Returns undefined, and changes nothing, when no folder can be made.
 */
export function usePrivateTempFolder(): string | undefined {
  sweepAbandonedFolders(tmpdir());
  let dir: string;
  try {
    dir = mkdtempSync(path.join(tmpdir(), RUN_FOLDER_PREFIX));
    writeFileSync(path.join(dir, OWNER_FILE), `${process.pid} ${hostname()}\n`);
  } catch (error) {
    // Reading standard input and some workbooks needs it: say where the fault is, before an input is blamed.
    process.stderr.write(`supportlint: 临时目录 ${tmpdir()} 不能使用（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）。读取标准输入等需要它：请把 TMPDIR 设为一个存在且可写的目录。\n`);
    return undefined;
  }
  removeOnExit(dir);
  process.env.TMPDIR = dir;
  process.env.TMP = dir;
  process.env.TEMP = dir;
  return dir;
}
