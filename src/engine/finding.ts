import type { Role, SourceLocation } from '../model/conversation.js';

export type Severity = 'error' | 'warn';

/** A replacement of the original text's [start, end) by `text`, as ESLint's fix objects. */
export interface Fix {
  range: [number, number];
  text: string;
}

/**
 * The fixes of one message, composed and checked: `output` is the message after all of them, and
 * `edits` are the non-overlapping replacements that turn the original into it, in order.
 */
export interface MessageFix {
  messageSeq: number;
  output: string;
  edits: Fix[];
  /** The rules whose findings the rewrite removes. */
  ruleIds: string[];
}

/** A quoted message: the original text and, when something matched, the matched [start, end). */
export interface Quote {
  messageSeq: number;
  role: Role;
  agent?: string;
  text: string;
  range?: [number, number];
  time?: number;
}

export interface Finding {
  ruleId: string;
  category: string;
  severity: Severity;
  messageId: string;
  /** Rendered in Chinese, in the script of the input or of --locale. */
  message: string;
  conversationId: string;
  /** 0-based; null for a finding about the whole conversation. */
  messageSeq: number | null;
  /** Role of the offending message (an agent, or a bot for bot loops). */
  role?: Role;
  /** The agent the finding is attributed to. */
  agent?: string;
  /** The offending message, quoted as it arrived. */
  excerpt: string;
  range?: [number, number];
  /** The customer message that set the rule off, where there is one. */
  trigger?: Quote;
  /** Written advice, or, when the message's fixes were accepted, the whole message rewritten. */
  suggestion?: string;
  /** The replacement of one range of the offending message; present only when the fixes of that message were accepted. */
  fix?: Fix;
  location: SourceLocation;
  time?: number;
  /**
   * How many hits of the rule in the conversation this finding stands for, when repeats were
   * collapsed into it (see collapse.ts); absent for a single hit.
   */
  count?: number;
  /** With `count`: every hit, this finding's own first, in message order. */
  occurrences?: Occurrence[];
}

/** One hit of a collapsed finding: where it was and what it quoted. */
export interface Occurrence {
  messageSeq: number | null;
  message: string;
  excerpt: string;
  range?: [number, number];
  location: SourceLocation;
  time?: number;
}

/** Why a finding was waived (申诉/豁免), from the waivers file. */
export interface WaiverNote {
  reason: string;
  author: string;
  date?: string;
  expires?: string;
  /** The waivers file and the entry's line, e.g. `.supportlint-waivers.yaml:12`. */
  source: string;
}

/** A finding a waiver covers: shown and counted apart, never failing the run or costing IQS points. */
export type WaivedFinding = Finding & { waiver: WaiverNote };
