import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

/**
 * Gives this run a temporary folder of its own, as TMPDIR for everything it starts, and removes it
 * when the run ends, on a signal too. Libraries put temporary files where the operating system's
 * folder is (exceljs puts the worksheets of a workbook it cannot read in order there, with the
 * customers' messages in them) and remove them only on a normal exit of the thread that made them:
 * a lint thread that is stopped, or a signal, left them behind. Threads started afterwards inherit
 * the folder. Returns undefined, and changes nothing, when no folder can be made.
 */
export function usePrivateTempFolder(): string | undefined {
  let dir: string;
  try {
    dir = mkdtempSync(path.join(tmpdir(), 'supportlint-run-'));
  } catch {
    return undefined;
  }
  removeOnExit(dir);
  process.env.TMPDIR = dir;
  process.env.TMP = dir;
  process.env.TEMP = dir;
  return dir;
}
