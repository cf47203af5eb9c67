import type { Encoding } from '../io/decode.js';
import { createHash } from 'node:crypto';

/** A directive that switches rules off for the next reply: `# supportlint-disable-next-line robot-reply -- 固定话术`. */
export interface Suppression {
  /** Rule ids; empty means every rule. */
  rules: string[];
  /** Why the rule does not apply here. Every suppression needs one. */
  reason?: string;
  line: number;
  column: number;
}

/** One canned reply of a library (快捷短语 / 话术库), with where it stands in its file. */
export interface CannedReply {
  /** The reply's own id, else its group and title, else a hash of its text. */
  id: string;
  /** What the baseline counts findings by: the reply's own id, or a hash of its text, so reordering keeps it. */
  baselineKey: string;
  group?: string;
  title?: string;
  text: string;
  /** 1-based line and column of the reply text in its file. */
  line: number;
  column: number;
  /** Offsets [start, end) of the text's source in the file, where --fix may edit it. */
  sourceRange?: [number, number];
  suppressions: Suppression[];
}

export interface LibraryEncoding {
  name: Encoding;
  /** The file opened with a byte-order mark. */
  bom: boolean;
  /** Byte sequences that were not UTF-8 and were read as U+FFFD; writing the text back would lose them. */
  repaired: number;
  /** Lines of a UTF-8 file that were in GB18030 and were read as such; writing back would turn them into UTF-8. */
  legacyLines?: number;
}

export interface LibraryProblem {
  line?: number;
  column?: number;
  reason: string;
}

export interface Library {
  file: string;
  /** yaml (also used for JSON, which YAML reads with positions), text, or csv. */
  kind: 'yaml' | 'json' | 'text' | 'csv' | 'xlsx';
  /** The file as read, for --fix. */
  source: string;
  /** How the file's bytes were written, so that --fix writes them back the same way. Absent for a workbook. */
  encoding?: LibraryEncoding;
  replies: CannedReply[];
  /** Entries that could not be read as replies. */
  problems: LibraryProblem[];
}

export function textHash(text: string): string {
  return createHash('sha256').update(text.trim()).digest('hex').slice(0, 12);
}

const DIRECTIVE = /supportlint-disable-next-line\b(.*)$/;

/**
 * Reads the rules and reason of a disable directive: "robot-reply, blame-shifting -- 固定话术".
 * The reason follows " -- "; a directive without one is kept, and reported.
 */
export function parseDirective(comment: string, line: number, column: number): Suppression | undefined {
  const match = DIRECTIVE.exec(comment);
  if (!match) return undefined;
  const [rulesPart, ...reasonParts] = match[1]!.split(/\s--\s?|\s?--\s/);
  const reason = reasonParts.join(' -- ').trim();
  const rules = rulesPart!.split(/[\s,]+/).map((r) => r.trim()).filter(Boolean);
  return { rules, reason: reason || undefined, line, column };
}

/** Attaches each directive to the first reply that starts on a later line. */
export function attachSuppressions(replies: CannedReply[], directives: readonly Suppression[]): void {
  const ordered = [...replies].sort((a, b) => a.line - b.line || a.column - b.column);
  for (const directive of directives) {
    const next = ordered.find((reply) => reply.line > directive.line);
    if (next) next.suppressions.push(directive);
  }
}

/** Disable directives found in `#` comment lines of a YAML or plain-text library. */
export function commentDirectives(source: string): Suppression[] {
  const directives: Suppression[] = [];
  source.split('\n').forEach((text, index) => {
    const hash = text.indexOf('#');
    if (hash < 0 || !/^\s*#/.test(text)) return;
    const directive = parseDirective(text.slice(hash + 1), index + 1, hash + 1);
    if (directive) directives.push(directive);
  });
  return directives;
}
