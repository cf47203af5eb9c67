import { rmSync } from 'node:fs';

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
