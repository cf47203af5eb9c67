import { t } from '../i18n/index.js';
import type { CliIO } from './io.js';

export interface Progress {
  /** Counts one more conversation. */
  tick(): void;
  /** Clears the progress line. */
  done(): void;
}

const QUIET_MS = 2000;
const EVERY_MS = 500;

/**
 * A one-line count on stderr while long work runs, for a person at a terminal: it appears after two
 * seconds, is redrawn at most twice a second, and is erased at the end. Pipes and files never see it.
 */
export function startProgress(io: CliIO, label: string, now: () => number = Date.now): Progress {
  if (!io.stderrIsTTY) return { tick() {}, done() {} };
  const started = now();
  let count = 0;
  let drawn = 0;
  let shown = false;
  return {
    tick() {
      count++;
      const time = now();
      if (time - started < QUIET_MS || time - drawn < EVERY_MS) return;
      drawn = time;
      shown = true;
      const seconds = Math.round((time - started) / 1000);
      io.stderr(`\r\x1b[K${t('progress.line', { label, count: count.toLocaleString('en-US'), seconds })}`);
    },
    done() {
      if (shown) io.stderr('\r\x1b[K');
    },
  };
}
