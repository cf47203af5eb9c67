import type { ConversationResult } from '../engine/lint.js';
import type { LintSummary } from '../runner/summary.js';

/** What a formatter may say about a rule that ran: SARIF and JUnit list rules with their metadata. */
export interface RuleSummary {
  id: string;
  title: string;
  description: string;
  category: string;
  severity: 'warn' | 'error';
  scope: 'message' | 'conversation';
  /** Absolute URL of the rule's documentation; custom rules have none. */
  helpUri?: string;
  custom: boolean;
}

export interface FormatterContext {
  toolVersion: string;
  /** The rules that ran, in configuration order. */
  rules: readonly RuleSummary[];
  /** Which command produced the results: transcripts (`lint`) or a canned-reply library (`replies`). */
  command: 'lint' | 'replies';
  /** Colour output (stylish only). */
  color: boolean;
  timezone: string;
  /** Paths are printed relative to this folder. */
  cwd: string;
  /**
   * What the measurements of a `lint` run depend on, written into JSON output so that `report` can
   * tell when shards were linted differently from the report's configuration.
   */
  measuredWith?: MeasuredWith;
}

/** What one result is called: a conversation (会话) in transcripts, a reply (话术) in a canned-reply library. */
export function resultNoun(command: FormatterContext['command']): string {
  return command === 'replies' ? '话术' : '会话';
}

export interface MeasuredWith {
  timezone: string;
  businessHours: unknown;
  holidays: string[];
  /** --quiet, --agent or --rule left findings out. */
  filtered: boolean;
  /** Written under --redact: its conversation ids and agents are pseudonyms. */
  redacted: boolean;
  /** Under --redact, the fingerprint of the pseudonym key (keyFingerprint): shards made with different keys do not merge. */
  redactKey?: string;
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
  /** Text written after the last result; a binary format (xlsx) writes its whole file here. */
  end(summary: LintSummary, context: FormatterContext): FormatterOutput | Promise<FormatterOutput>;
}

/** What a formatter writes: text, or the bytes of a binary format. */
export type FormatterOutput = string | Uint8Array;
