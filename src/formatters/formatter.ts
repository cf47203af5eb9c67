import type { ConversationResult } from '../engine/lint.js';
import type { LintSummary } from '../runner/summary.js';

export interface FormatterContext {
  toolVersion: string;
  /** Colour output (stylish only). */
  color: boolean;
  timezone: string;
  /** Paths are printed relative to this folder. */
  cwd: string;
}

/**
 * A formatter turns results into text as they arrive, one conversation at a time, so output
 * starts at once and memory does not grow with the input. It computes nothing the results and
 * the summary do not hold.
 */
export interface Formatter {
  /** Text written before the first result. */
  start?(context: FormatterContext): string;
  /** Text for one conversation; conversations without findings may return ''. */
  result(result: ConversationResult, context: FormatterContext): string;
  /** Text written after the last result. */
  end(summary: LintSummary, context: FormatterContext): string;
}
