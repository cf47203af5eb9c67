import type { z } from 'zod';
import type { Lexicon } from '../lexicon/lexicon.js';
import type { AnalyzedMessage, ConversationAnalysis } from './analysis.js';
import type { Fix, Severity } from './finding.js';

export const CATEGORIES = ['empathy', 'ownership', 'resolution', 'responsiveness', 'tone', 'compliance', 'escalation'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface RuleMeta<Options> {
  id: string;
  /** The Chinese name QA staff use: 推诿, 缺少共情 … */
  title: string;
  category: Category;
  defaultSeverity: Severity;
  /** `message` rules judge one agent message alone, so they also run on canned-reply libraries. */
  scope: 'message' | 'conversation';
  /** One line for `supportlint rules`. */
  description: string;
  /** Messages by id, in simplified Chinese with {placeholders}. Traditional is rendered by OpenCC. */
  messages: Record<string, string>;
  /** Strict schema for the options; `parse({})` gives the defaults. */
  schema: z.ZodType<Options>;
  /** Phrase lists the rule matches with, by id (rules/lexicon/<id>.yaml). */
  lexicons: readonly string[];
  /** Whether findings can carry a suggested rewrite. */
  hasSuggestions: boolean;
  /**
   * Whether findings can carry a fix (`report({fix})`), as ESLint's `meta.fixable`: a range of the
   * message and its replacement, applied by `replies --fix`. A rule without it may not report one.
   */
  fixable?: boolean;
  /** Rules that need timestamps report "not applicable" without them. */
  needsTimestamps?: boolean;
  /** Declared in configuration (customRules) rather than shipped in rules/. */
  custom?: boolean;
}

export interface Report {
  messageId: string;
  /**
   * Values for the message's {placeholders}. Keys named `phrase`, `quote…` or `…Phrase` hold text
   * quoted from a message and are never script-converted; other values are rendered with the template.
   */
  data?: Record<string, string | number>;
  /** The offending message; null for the conversation as a whole. */
  messageSeq: number | null;
  /** [start, end) in the normalised text of that message; the engine maps it to the original. */
  normalizedRange?: [number, number];
  /** The customer message that set the rule off, with a range in its normalised text. */
  trigger?: { messageSeq: number; normalizedRange?: [number, number] };
  /** The agent responsible, for conversation-level findings. */
  agent?: string;
  /** Written advice for a person, shown as 建议 when there is no fix, or when the fix is not accepted. */
  suggestion?: string;
  /**
   * A replacement for a range of the offending message, as ESLint's `{range, text}`: the range is
   * [start, end) in the message's original text. Fixes of one message are composed and accepted
   * only when the rewritten message is clean (see src/engine/fix.ts). Needs `meta.fixable`.
   */
  fix?: Fix;
}

export interface RuleContext<Options> {
  readonly options: Options;
  readonly analysis: ConversationAnalysis;
  lexicon(id: string): Lexicon;
  report(report: Report): void;
  /** Records that the rule could not judge this conversation, and why. */
  notApplicable(reason: string): void;
}

/** Visitors are named for conversation events; the engine calls them in message order. */
export interface RuleVisitors {
  conversationStart?(): void;
  customerMessage?(message: AnalyzedMessage): void;
  agentMessage?(message: AnalyzedMessage): void;
  botMessage?(message: AnalyzedMessage): void;
  conversationEnd?(): void;
}

export interface RuleDefinition<Options = unknown> {
  meta: RuleMeta<Options>;
  create(context: RuleContext<Options>): RuleVisitors;
}

/** Identity helper that keeps the options type tied to the schema. */
export function defineRule<Options>(rule: RuleDefinition<Options>): RuleDefinition<Options> {
  return rule;
}
