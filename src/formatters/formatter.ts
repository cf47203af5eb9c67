import type { ConversationResult } from '../engine/lint.js';
import type { LintSummary } from '../runner/summary.js';

export interface FormatterContext {
  summary: LintSummary;
  toolVersion: string;
  /** Colour output (stylish only). */
  color: boolean;
  timezone: string;
  /** Paths are printed relative to this folder. */
  cwd: string;
}

/** A formatter turns results into text. It computes nothing the results do not hold. */
export type Formatter = (results: readonly ConversationResult[], context: FormatterContext) => string;
