import type { SourceLocation } from '../model/conversation.js';
import { t } from '../i18n/index.js';
import type { ConversationResult } from '../engine/lint.js';

export interface InputProblem {
  location: SourceLocation;
  reason: string;
  /** An input whose format was not recognised: nothing of it was read, so the run cannot pass. */
  unrecognised?: true;
}

/** Counts for the summary line. Records read always equal records used plus records skipped. */
export interface LintSummary {
  files: number;
  conversations: number;
  messages: number;
  records: { read: number; used: number; skipped: number };
  errors: number;
  warnings: number;
  /** Conversations each rule could not judge, by rule id and reason. */
  notApplicable: Record<string, Record<string, number>>;
  /** Records that were skipped, and whole inputs that could not be read. */
  skipped: InputProblem[];
  /** Things read with a caveat: a message left out of a dialogue, a split conversation. */
  warningsAboutInput: InputProblem[];
  /** Inputs that could not be opened or recognised at all. */
  unreadableFiles: InputProblem[];
  /** Rules (or the engine, with no ruleId) that failed on a conversation; the rest of the run went on. */
  ruleErrors: RuleFailure[];
  /** Findings a waiver covered: counted apart, never in `errors` or `warnings`. */
  waived: number;
  /** Conversations read but left out by --since/--until (a conversation without times is out of any range). */
  filtered: number;
  /** Waivers that covered no finding in a conversation this run linted. */
  staleWaivers: StaleWaiver[];
  /** Warnings --quiet left out of what is shown (and of `warnings`); --fail-on warn still counts them. */
  hiddenWarnings?: number;
  /** --agent names that handled no conversation of the input: the run fails. */
  unknownAgents?: number;
}

/** A waiver that covered nothing: where it is written, and what it names. */
export interface StaleWaiver {
  source: string;
  conversationId: string;
  ruleId: string;
  message?: number;
}

/** A rule that threw while it judged one conversation. */
export interface RuleFailure {
  /** Absent when the conversation could not be analysed at all. */
  ruleId?: string;
  conversationId: string;
  file: string;
  message: string;
}

/** Problems kept in detail per list; the counts in `records` stay exact beyond it. */
export const PROBLEM_DETAIL_LIMIT = 1000;

/** Keeps the first PROBLEM_DETAIL_LIMIT problems, so a file of bad rows cannot fill memory. */
export function recordProblem(list: InputProblem[], problem: InputProblem): void {
  if (list.length < PROBLEM_DETAIL_LIMIT) list.push(problem);
}

export function emptySummary(): LintSummary {
  return {
    files: 0, conversations: 0, messages: 0, records: { read: 0, used: 0, skipped: 0 }, errors: 0, warnings: 0,
    notApplicable: {}, skipped: [], warningsAboutInput: [], unreadableFiles: [], ruleErrors: [], waived: 0, filtered: 0, staleWaivers: [],
  };
}

export function addResult(summary: LintSummary, result: ConversationResult): void {
  summary.conversations++;
  summary.messages += result.messageCount;
  for (const finding of result.findings) {
    if (finding.severity === 'error') summary.errors++;
    else summary.warnings++;
  }
  summary.waived += result.waived?.length ?? 0;
  for (const { ruleId, message } of result.ruleErrors ?? []) recordRuleFailure(summary, { ruleId, conversationId: result.conversationId, file: result.file, message });
  for (const { ruleId, reason } of result.notApplicable) {
    const byReason = (summary.notApplicable[ruleId] ??= {});
    byReason[reason] = (byReason[reason] ?? 0) + 1;
  }
}

/** A run that read every input whole and judged it with every rule: only such a run earns a ✔. */
export function isCleanRun(summary: LintSummary): boolean {
  return (
    summary.unreadableFiles.length === 0 &&
    summary.records.skipped === 0 &&
    summary.ruleErrors.length === 0 &&
    summary.conversations > 0 &&
    !summary.hiddenWarnings &&
    !summary.unknownAgents
  );
}

/**
 * Why the run fails because some inputs were not recognised at all, or undefined. A file that is
 * not recognised holds records nobody counted: a CI run that passed beside it would pass on data
 * it never read.
 */
export function unrecognisedInputsLine(summary: LintSummary): string | undefined {
  const count = summary.unreadableFiles.filter((problem) => problem.unrecognised).length;
  return count > 0 ? t('input.unrecognisedFails', { count }) : undefined;
}

/** Keeps the first PROBLEM_DETAIL_LIMIT rule failures. */
export function recordRuleFailure(summary: LintSummary, failure: RuleFailure): void {
  if (summary.ruleErrors.length < PROBLEM_DETAIL_LIMIT) summary.ruleErrors.push(failure);
}

/** Rule failures as people read them, in Chinese and without a stack trace. */
export function ruleFailureLines(summary: LintSummary): string[] {
  if (summary.ruleErrors.length === 0) return [];
  const lines = summary.ruleErrors.map((f) =>
    f.ruleId === undefined
      ? t('run.conversationFailed', { id: f.conversationId, file: f.file, message: f.message })
      : t('run.ruleFailed', { rule: f.ruleId, id: f.conversationId, file: f.file, message: f.message }),
  );
  lines.push(t(summary.ruleErrors.some((f) => f.ruleId !== undefined) ? 'run.rulesFailed' : 'run.conversationsFailed'));
  return lines;
}

/** The location as people read it: file:line, or file#record. */
export function formatLocation(location: SourceLocation): string {
  if (location.line !== undefined && location.column !== undefined) return `${location.file}:${location.line}:${location.column}`;
  if (location.line !== undefined) return `${location.file}:${location.line}`;
  if (location.record !== undefined) return `${location.file}#${location.record}`;
  return location.file;
}
